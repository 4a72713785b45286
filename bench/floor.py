"""The list of speakers on SQLite: hand, lower, next and move as whole commands, 1,000 and 10,000 waiting."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from bench.timing import Row
from bot.domain.participants import Directory, Level, Participant
from bot.domain.queue.entries import EntryKind, Speaker
from bot.domain.settings import Category
from bot.formats.exports import FileExporter
from bot.formats.roster import load_member_states
from bot.formats.schedule_toml import load_schedule_toml
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.scheduling.clock import SimulatedClock
from bot.services.assembly import assemble
from bot.services.commands import Invocation
from bot.storage.database import Database

SCHEDULES = Path(__file__).resolve().parents[1] / "bot" / "schedules"
SIZES = (1_000, 10_000)  # the cost should not grow with the list: 10× the entries, the same milliseconds
GOAL = "< 1 ms"


def rows(quick: bool) -> list[Row]:
    return asyncio.run(_rows(runs=50 if quick else 300))


async def _rows(runs: int) -> list[Row]:
    return [row for waiting in SIZES for row in await _rows_at(waiting, runs)]


async def _rows_at(waiting: int, runs: int) -> list[Row]:
    """Each command logged and applied in its transaction, one at a time, as a lone participant sends it."""
    meeting = load_schedule_toml(SCHEDULES / "unece-gcm-review-2020.toml")
    session = meeting.session("rt1")
    assert session is not None
    people = [
        Participant(f"d{i}", f"Delegate {i}", f"D{i}", Category.MEMBER_STATE, Level.AMBASSADOR)
        for i in range(waiting + 2 * runs + 10)
    ]
    moderator = Participant("mod", "Moderator", "NO", roles=("moderator:rt1",))
    directory = Directory(load_member_states(SCHEDULES / "unece-member-states.toml"), (*people, moderator))
    with tempfile.TemporaryDirectory() as folder:
        database = await Database.open(f"sqlite:///{folder}/bench.db")
        clock = SimulatedClock(session.start)
        services = assemble(
            meeting, directory, clock, database.uow, exporter=FileExporter(Catalogs()), documents=SubmissionFiles()
        )
        try:
            async with database.uow() as uow:
                await uow.meetings.save(meeting, loaded_at=clock.now())
                await uow.commit()
            await services.floor.change(
                session,
                lambda q: [q.raise_hand(Speaker.of(p), EntryKind.STATEMENT, "", clock.now()) for p in people[:waiting]],
                clock.now(),
            )

            def command(who: Participant, name: str, text: str = "") -> Callable[[], Awaitable[object]]:
                clock.set(clock.now() + timedelta(seconds=3))  # past the double-press guard of `next`
                return lambda: services.commands.handle(Invocation(who.id, name, text, "gcm-rt1"))

            fresh, lowered = iter(people[waiting:]), iter(people[waiting:])
            movers = iter(people[waiting // 2 :])
            operations: dict[str, Callable[[], Callable[[], Awaitable[object]]]] = {
                "hand": lambda: command(next(fresh), "hand"),
                "lower": lambda: command(next(lowered), "lower"),
                "next": lambda: command(moderator, "floor", "next"),
                "move": lambda: command(moderator, "floor", f"move @{next(movers).id} {waiting // 2}"),
            }
            return [
                await _measure(f"floor: /{name}, {waiting:,} waiting, SQLite", op, runs)
                for name, op in operations.items()
            ]
        finally:
            await database.close()


async def _measure(name: str, prepare: Callable[[], Callable[[], Awaitable[object]]], runs: int) -> Row:
    samples = []
    for _ in range(runs):
        operation = prepare()
        started = time.perf_counter()
        await operation()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Row(name, runs, statistics.median(samples), samples[int(0.95 * (runs - 1))], GOAL)
