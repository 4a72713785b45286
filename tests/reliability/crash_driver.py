"""Crash driver: signed commands with Slack's retries against `podium serve slack`, killed -9 mid-stream, then checked.

python -m tests.reliability.crash_driver --db sqlite:///crash.db
python -m tests.reliability.crash_driver --db postgresql+asyncpg://postgres@127.0.0.1:5432/crash --replicas 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import secrets
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.config import DEFAULT_SCHEDULE, data_path
from bot.formats.roster import load_roster
from bot.formats.schedules import load_schedule
from tests.reliability.load import Command, Sender, speak
from tests.reliability.record import Report, compare, read_stored
from tests.reliability.servers import ROSTER, Replica, ServeOptions
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import channel_ids

MOMENT_TIMEOUT = 60.0  # seconds the chaos waits for the stream to reach its next kill


@dataclass(frozen=True)
class Plan:
    """One run: where, how many replicas and users, how many commands in flight, how many kills, which seed."""

    database_url: str
    replicas: int = 1
    users: int = 300
    concurrency: int = 16
    kills: int = 5
    seed: int = 2020
    tag: str = field(default_factory=lambda: secrets.token_hex(2).upper())  # new users on a reused database

    def user_ids(self) -> list[str]:
        return [f"UCR{self.tag}{n:04d}" for n in range(1, self.users + 1)]


@dataclass
class Outcome:
    report: Report
    kills: int
    seconds: float

    def __str__(self) -> str:
        return self.report.summary()


@contextlib.asynccontextmanager
async def fake_slack(plan: Plan) -> AsyncIterator[tuple[FakeSlack, dict[str, str]]]:
    """The fake Web API, knowing the schedule's channels, the roster and the run's users (in Geneva time)."""
    channels = channel_ids(load_schedule(data_path(DEFAULT_SCHEDULE)))
    users: dict[str, dict[str, Any]] = {p.id: {"name": p.id, "real_name": p.name} for p in load_roster(ROSTER)}
    users |= {user: {"name": user.lower(), "tz": "Europe/Zurich"} for user in plan.user_ids()}
    async with FakeSlack(channels=channels, users=users) as slack:
        yield slack, channels


async def crash_run(plan: Plan) -> Outcome:
    """Run the load against the replicas while killing them; then stop everything and read the record."""
    began = time.monotonic()
    async with fake_slack(plan) as (slack, channels):
        replicas = [Replica(ServeOptions(plan.database_url, slack.api_url)) for _ in range(plan.replicas)]
        try:
            for replica in replicas:  # one after the other: the first one migrates an empty database
                await replica.start()
            sent = await _load(plan, replicas, channels["gcm-rt1"])
        finally:
            await asyncio.gather(*(replica.stop() for replica in replicas))
    report = compare(sent, await read_stored(plan.database_url))
    return Outcome(report, sum(r.kills for r in replicas), time.monotonic() - began)


async def _load(plan: Plan, replicas: list[Replica], channel_id: str) -> list[Command]:
    timeout = aiohttp.ClientTimeout(total=None)  # each attempt has its own timeout (load.ATTEMPT_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        sender = Sender(http, channel_id, lambda: [r.url for r in replicas], random.Random(plan.seed))
        chaos = asyncio.create_task(_kill_and_restart(plan, replicas, sender))
        limit = asyncio.Semaphore(plan.concurrency)
        users = plan.user_ids()
        head, tail = users[: len(users) * 9 // 10], users[len(users) * 9 // 10 :]

        async def after_the_kills() -> None:
            # The last tenth of the users waits for the last restart: with two replicas the stream goes on
            # while one restarts, and could otherwise end before the last kills, which would then never happen.
            await asyncio.wait({chaos})
            chaos.result()  # a replica that did not come back stops the run, with what it printed
            await asyncio.gather(*(speak(sender, user, limit) for user in tail))

        try:
            async with asyncio.TaskGroup() as group:  # one failing stops the others
                for user in head:
                    group.create_task(speak(sender, user, limit))
                group.create_task(after_the_kills())
        except ExceptionGroup as failed:
            raise failed.exceptions[0] from None
        finally:
            chaos.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await chaos
    return sender.sent


async def _kill_and_restart(plan: Plan, replicas: list[Replica], sender: Sender) -> None:
    """kill -9 a replica (any) at seeded moments of the stream: after k commands had their outcome, and a bit."""
    rng = random.Random(plan.seed + 1)
    expected = 2 * plan.users
    moments = sorted(rng.sample(range(expected // 20, expected * 17 // 20), plan.kills))
    for moment in moments:
        try:
            await asyncio.wait_for(sender.wait_done(moment), MOMENT_TIMEOUT)
        except TimeoutError:
            return  # the stream stalled: fewer kills than planned, which the outcome shows
        await asyncio.sleep(rng.uniform(0.0, 0.05))  # not right on a reply: in the middle of the next ones
        victim = rng.choice(replicas)
        await victim.kill()
        await victim.start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.reliability.crash_driver",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", required=True, help="the database URL every replica is given")
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--users", type=int, default=300, help="distinct users, each sending /hand then /statement")
    parser.add_argument("--concurrency", type=int, default=16, help="commands in flight at once")
    parser.add_argument("--kills", type=int, default=5, help="how many times a replica is killed with SIGKILL")
    parser.add_argument("--seed", type=int, default=2020)
    options = parser.parse_args(argv)
    plan = Plan(options.db, options.replicas, options.users, options.concurrency, options.kills, options.seed)
    outcome = asyncio.run(crash_run(plan))
    print(outcome)
    if details := outcome.report.details():
        print(details)
    attempts = sum(command.attempts for command in outcome.report.sent)
    print(f"({outcome.kills} kills, {attempts} deliveries, {outcome.seconds:.1f} s)", file=sys.stderr)
    report = outcome.report
    return 0 if not (report.lost or report.doubled or report.unacknowledged) else 1


if __name__ == "__main__":
    sys.exit(main())
