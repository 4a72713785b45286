"""Benchmark of one interaction's round trip through Discord beside the same through Slack, in one process.

Each platform's app is run for real against its local fake (discord.py's client on the fake gateway and REST API;
bolt's HTTP app behind a signed POST), on SQLite and a simulated clock in roundtable 1, live lists debounced as
served. After a warm-up, `/hand` is sent N times, one after the other, each by another participant (so each is
accepted): Discord's from pushing INTERACTION_CREATE on the fake gateway until the interaction's callback arrives
at the fake REST API; Slack's from the signed POST to /slack/events until its HTTP answer. The CPU time is this
process's (time.process_time) over the N commands and the live-list edits they cause, divided by N: it includes
the fakes' and the sending client's own work, the same on both sides.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timing import Cells, table
from tests.discord.conftest import ROSTER
from tests.discord.fake_discord import GUILD_ID
from tests.discord.harness import fake_discord, interaction_payload, running_discord
from tests.discord.test_discord_commands import CHANNELS, RT1_START
from tests.slack.harness import SECRET, running_slack
from tests.slack.signed import post_raw, signed_headers, slash_body

CHANNEL = "gcm-rt1"
COMMANDS, QUICK_COMMANDS, WARMUP = 200, 50, 20
DEBOUNCE = 1.0  # seconds, as `podium serve` edits the live lists
FIRST_DISCORD_USER = 1700000000000000000  # not on the roster: anyone may raise a hand


@dataclass(frozen=True)
class Trips:
    """The round trips of one platform: each command's latency (ms) and the CPU time per command (ms)."""

    samples: tuple[float, ...]
    cpu_ms: float

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99_ms(self) -> float:
        ordered = sorted(self.samples)
        return ordered[int(0.99 * (len(ordered) - 1))]


@dataclass(frozen=True)
class TripRow:
    """One platform's round trips: the median, the p99 in the tail column, the CPU per command in the name."""

    name: str
    trips: Trips
    goal: str = ""

    def cells(self) -> list[str]:
        name = f"{self.name}, {self.trips.cpu_ms:.2f} ms CPU/command (process, fakes included)"
        return [name, str(len(self.trips.samples)), f"{self.trips.median_ms:.3f}", f"{self.trips.p99_ms:.3f} (p99)",
                self.goal]  # fmt: skip


@dataclass(frozen=True)
class RatioRow:
    """Discord against Slack in the same run: latency (median, p99) and CPU per command."""

    discord: Trips
    slack: Trips

    def cells(self) -> list[str]:
        median = self.discord.median_ms / self.slack.median_ms
        p99 = self.discord.p99_ms / self.slack.p99_ms
        cpu = self.discord.cpu_ms / self.slack.cpu_ms
        name = f"/hand round trip, Discord / Slack: CPU per command {cpu:.2f}x"
        return [name, "", f"{median:.2f}x", f"{p99:.2f}x (p99)", "context"]


def rows(quick: bool) -> list[Cells]:
    count = QUICK_COMMANDS if quick else COMMANDS
    discord, slack = asyncio.run(_both(count))
    return [
        TripRow("discord /hand: INTERACTION_CREATE to callback", discord, "next row"),
        TripRow("slack /hand: signed POST to HTTP answer", slack, "reference"),
        RatioRow(discord, slack),
    ]


async def _both(count: int) -> tuple[Trips, Trips]:
    with tempfile.TemporaryDirectory() as folder:
        discord = await _discord(Path(folder), count)
    with tempfile.TemporaryDirectory() as folder:
        slack = await _slack(Path(folder), count)
    return discord, slack


async def _discord(folder: Path, count: int) -> Trips:
    roster = folder / "roster.toml"
    roster.write_text(ROSTER, encoding="utf-8")
    users = {FIRST_DISCORD_USER + i: f"delegate{i}" for i in range(WARMUP + count)}
    async with fake_discord(CHANNELS, users) as fake:
        database = f"sqlite:///{folder / 'podium.db'}"  # in roundtable 1, open: anyone may raise a hand
        async with running_discord(fake, database, roster, RT1_START, debounce=DEBOUNCE) as discord:

            def hand(user: int) -> Callable[[], Awaitable[str]]:
                data = {"id": "1", "name": "hand", "type": 1, "options": [], "guild_id": str(GUILD_ID)}
                payload = interaction_payload(fake, 2, user, CHANNEL, data)

                async def send() -> str:
                    return (await fake.interact(payload)).text

                return send

            return await _trips([hand(user) for user in users], count, "number ", discord.settled)


async def _slack(folder: Path, count: int) -> Trips:
    async with running_slack(folder, RT1_START, debounce=DEBOUNCE) as slack:
        users = [f"U{i:08d}" for i in range(WARMUP + count)]
        for user in users:
            slack.slack.users[user] = {"name": user.lower(), "real_name": f"Delegate {user}"}
        channel_id = slack.bot.channels.id_of(CHANNEL) or slack.slack.channels[CHANNEL]

        def hand(user: str) -> Callable[[], Awaitable[str]]:
            reply_to = slack.slack.response_url(user)
            body = slash_body("/hand", "", user, channel_id, channel_name=CHANNEL, response_url=reply_to)
            headers = signed_headers(SECRET, body)

            async def send() -> str:
                status, answer = await post_raw(slack.http, slack.url, body.encode(), headers)
                return json.loads(answer)["text"] if status == 200 else f"{status} {answer}"

            return send

        return await _trips([hand(user) for user in users], count, "You are on the list", slack.settled)


async def _trips(
    commands: list[Callable[[], Awaitable[str]]], count: int, expect: str, settled: Callable[[], Awaitable[None]]
) -> Trips:
    """The warm-up, then `count` commands one after the other, each answer checked; then every edit they caused."""
    gc.freeze()  # what start-up built, out of the collector's sight, as `podium serve` does once started
    try:
        return await _timed(commands, count, expect, settled)
    finally:
        gc.unfreeze()  # the next platform's run starts as this one did


async def _timed(
    commands: list[Callable[[], Awaitable[str]]], count: int, expect: str, settled: Callable[[], Awaitable[None]]
) -> Trips:
    for send in commands[:WARMUP]:
        _check(await send(), expect)
    await settled()
    samples = []
    cpu = time.process_time()
    for send in commands[WARMUP:]:
        started = time.perf_counter()
        answer = await send()
        samples.append((time.perf_counter() - started) * 1000)
        _check(answer, expect)
    await settled()
    return Trips(tuple(samples), (time.process_time() - cpu) * 1000 / count)


def _check(answer: str, expect: str) -> None:
    if expect not in answer:
        raise RuntimeError(f"/hand was not accepted: {answer!r}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.discord")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_COMMANDS} commands a platform, not {COMMANDS}")
    quick = parser.parse_args().quick
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(rows(quick)))


if __name__ == "__main__":
    main()
