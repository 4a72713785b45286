"""Benchmark of /hand over HTTP: Podium on SQLite beside two bolt apps that do less, the load from another process.

The bare app only acks: the floor under any Slack app served this way. The durable app also keeps each
command, one row per request, group committed through SQLAlchemy and aiosqlite as Podium's are: the floor
under any app that acknowledges nothing it has not stored. What Podium costs above that is its own work.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import platform
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Column, Integer, MetaData, Table, Text, insert

from bench.timing import Cells, table
from bot import bootstrap
from bot.adapters.slack.server import EVENTS_PATH
from bot.config import Settings, SlackSettings
from bot.scheduling.clock import SimulatedClock
from bot.services.group_commit import GroupCommit
from bot.storage.engine import create_engine
from tests.slack.fake_slack import FakeSlack, serve
from tests.slack.harness import channel_ids

REPOSITORY = Path(__file__).resolve().parents[1]
SCHEDULES = REPOSITORY / "bot" / "schedules"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # the signing secret of Slack's documentation example
TOKEN = "xoxb-bench"
CHANNEL = "gcm-rt1"
RT1_OPEN = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)  # roundtable 1 is open: anyone may raise a hand
CLIENTS = 50
CPU_GOAL, CAPACITY_GOAL = 2.0, 0.5  # issue 11: at most twice the bare app's CPU, half its capacity


@dataclass(frozen=True)
class Load:
    """What the load generator measured against one app."""

    count: int
    answered: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    first_error: str
    cpu_ms: float  # the server process's CPU time (all its threads) per request answered, warm-up included

    @classmethod
    def parse(cls, output: bytes, cpu_seconds: float) -> Load:
        report = json.loads(output)
        return cls(**report, cpu_ms=cpu_seconds * 1000 / max(report["answered"], 1))


@dataclass(frozen=True)
class LoadRow:
    """A table row for a load test: throughput in the name, p50 and p99 in the median and tail columns."""

    name: str
    load: Load
    goal: str = ""

    def cells(self) -> list[str]:
        name = f"{self.name}: {self.load.rps:,.0f} req/s, server {self.load.cpu_ms:.2f} ms CPU/req"
        if self.load.errors:
            name += f" ({self.load.errors:,} errors: {self.load.first_error[:60]})"
        return [name, str(self.load.count), f"{self.load.p50_ms:.3f}", f"{self.load.p99_ms:.3f} (p99)", self.goal]


@dataclass(frozen=True)
class RatioRow:
    """Podium against the bare app in the same run: server CPU per request (what a shared machine measures
    fairly), and the share of its throughput (capacity)."""

    podium: Load
    bare: Load

    def cells(self) -> list[str]:
        cpu = self.podium.cpu_ms / self.bare.cpu_ms if self.bare.cpu_ms else float("inf")
        share = self.podium.rps / self.bare.rps if self.bare.rps else 0.0
        met = cpu <= CPU_GOAL and share >= CAPACITY_GOAL and not self.podium.errors
        verdict = "met" if met else "missed"
        name = f"slack /hand, Podium / bare: CPU per request {cpu:.1f}x, capacity {share:.2f} ({verdict})"
        return [name, "", "", "", f"CPU <= {CPU_GOAL:.0f}x, capacity >= {CAPACITY_GOAL}"]


@dataclass(frozen=True)
class FloorRow:
    """Podium against the durable app: what its own work (the list, the answer, the log) adds per request."""

    podium: Load
    durable: Load

    def cells(self) -> list[str]:
        cpu = self.podium.cpu_ms / self.durable.cpu_ms if self.durable.cpu_ms else float("inf")
        extra = self.podium.cpu_ms - self.durable.cpu_ms
        name = f"slack /hand, Podium / durable floor: CPU per request {cpu:.1f}x, {extra:.2f} ms of its own"
        return [name, "", "", "", "context"]


def rows(quick: bool) -> list[Cells]:
    bare, durable, podium = asyncio.run(_all(warmup=0.5 if quick else 1.0, duration=2.0 if quick else 5.0))
    return [
        LoadRow(f"slack /hand, {CLIENTS} clients, bare bolt ack", bare, "reference"),
        LoadRow(f"slack /hand, {CLIENTS} clients, bolt + one stored row per request", durable, "floor for durable"),
        LoadRow(f"slack /hand, {CLIENTS} clients, Podium + SQLite", podium, "next row"),
        RatioRow(podium, bare),
        FloorRow(podium, durable),
    ]


async def _all(*, warmup: float, duration: float) -> tuple[Load, Load, Load]:
    """The bare app, the durable one, then Podium, each served in this process while the load comes from another."""
    timing: dict[str, Any] = {"warmup": warmup, "duration": duration}
    async with _bare() as (url, channel_id):
        bare = await _load(url, channel_id, expect="", **timing)
    with tempfile.TemporaryDirectory() as folder:
        async with _durable(Path(folder)) as (url, channel_id):
            durable = await _load(url, channel_id, expect="kept", **timing)
    with tempfile.TemporaryDirectory() as folder:
        async with _podium(Path(folder)) as (url, channel_id):
            podium = await _load(url, channel_id, expect="on the list", **timing)
    return bare, durable, podium


@asynccontextmanager
async def _bare() -> AsyncIterator[tuple[str, str]]:
    """A bolt app with one listener that only acks: the floor under any Slack app served this way."""
    async with FakeSlack() as fake:  # answers the auth.test bolt makes on the first request
        client = AsyncWebClient(token=TOKEN, base_url=fake.api_url)
        app = AsyncApp(signing_secret=SECRET, client=client, process_before_response=True)

        @app.command("/hand")
        async def hand(ack: Any) -> None:
            await ack()

        async with serve(app.web_app(path=EVENTS_PATH)) as base:
            yield base + EVENTS_PATH, "C0BENCH"


@asynccontextmanager
async def _durable(folder: Path) -> AsyncIterator[tuple[str, str]]:
    """A bolt app that stores each command (its request id unique) before it answers, in batches, on the engine
    Podium uses (same driver, same SQLite settings): what acknowledging only what is kept costs at least."""
    table = Table("kept", MetaData(), Column("id", Integer, primary_key=True), Column("request_id", Text, unique=True))
    engine = create_engine(f"sqlite:///{folder / 'durable.db'}")
    async with engine.begin() as connection:
        await connection.run_sync(table.metadata.create_all)

    async def keep(commands: list[dict[str, Any]]) -> list[str | Exception]:
        async with engine.begin() as connection:
            await connection.execute(insert(table), [{"request_id": c["trigger_id"]} for c in commands])
        return [f"kept, {c['user_id']}" for c in commands]

    batches: GroupCommit[dict[str, Any], str] = GroupCommit(keep)
    try:
        async with FakeSlack() as fake:
            client = AsyncWebClient(token=TOKEN, base_url=fake.api_url)
            app = AsyncApp(signing_secret=SECRET, client=client, process_before_response=True)

            @app.command("/hand")
            async def hand(ack: Any, command: dict[str, Any]) -> None:
                await ack({"response_type": "ephemeral", "text": await batches(command), "mrkdwn": False})

            async with serve(app.web_app(path=EVENTS_PATH)) as base:
                yield base + EVENTS_PATH, "C0BENCH"
    finally:
        await engine.dispose()


@asynccontextmanager
async def _podium(folder: Path) -> AsyncIterator[tuple[str, str]]:
    """Podium's Slack app as deployed in HTTP mode, on a SQLite file, its Web API calls going to the fake."""
    settings = Settings(
        database_url=f"sqlite:///{folder / 'podium.db'}",
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )
    async with bootstrap.running(settings, SimulatedClock(RT1_OPEN)) as podium:
        users = {p.id: {"name": p.id, "real_name": p.name} for p in podium.directory.participants}
        async with FakeSlack(channels=channel_ids(podium.meeting), users=users) as fake:
            slack = SlackSettings(bot_token=TOKEN, signing_secret=SECRET, api_url=fake.api_url)
            serving = await bootstrap.start_slack(podium, slack, debounce=1.0)  # as `podium serve slack` builds it
            gc.freeze()  # as `podium serve slack` does once started
            delivery = asyncio.create_task(serving.delivery.run())

            async def healthy() -> bool:
                return not delivery.done()

            try:
                async with serve(serving.bot.web_app(healthy)) as base:
                    yield base + EVENTS_PATH, fake.channels[CHANNEL]
                    await serving.delivery.settled()  # the debounced live list, while the fake and the database are up
            finally:
                delivery.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await delivery


async def _load(url: str, channel_id: str, *, expect: str, warmup: float, duration: float) -> Load:
    """Run bench.slack_load in a child process against `url`; its JSON, and this process's CPU time meanwhile."""
    command = [sys.executable, "-m", "bench.slack_load", url, "--secret", SECRET, "--channel-id", channel_id]
    command += ["--channel-name", CHANNEL, "--expect", expect, "--clients", str(CLIENTS)]
    command += ["--warmup", str(warmup), "--duration", str(duration)]
    cpu = time.process_time()
    child = await asyncio.create_subprocess_exec(
        *command, cwd=REPOSITORY, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"the load generator failed ({child.returncode}):\n{err.decode()}")
    return Load.parse(out, time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.slack")
    parser.add_argument("--quick", action="store_true", help="2 s of load instead of 5")
    quick = parser.parse_args().quick
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(rows(quick)))


if __name__ == "__main__":
    main()
