"""Benchmarks of the list of speakers on SQLite: hand, lower, next and move with 10,000 entries waiting."""

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
from bot.formats.roster import load_member_states
from bot.formats.schedule_toml import load_schedule_toml
from bot.scheduling.clock import SimulatedClock
from bot.services.context import Context
from bot.services.floor import FloorService
from bot.services.people import PeopleService
from bot.services.timetable import Timetable
from bot.storage.database import Database

SCHEDULES = Path(__file__).resolve().parents[1] / "schedules"
WAITING = 10_000
GOAL = "< 1 ms"


def rows(quick: bool) -> list[Row]:
    return asyncio.run(_rows(runs=50 if quick else 300))


async def _rows(runs: int) -> list[Row]:
    meeting = load_schedule_toml(SCHEDULES / "unece-gcm-review-2020.toml")
    session = meeting.session("rt1")
    assert session is not None
    people = [
        Participant(f"d{i}", f"Delegate {i}", f"D{i}", Category.MEMBER_STATE, Level.AMBASSADOR)
        for i in range(WAITING + 2 * runs + 10)
    ]
    moderator = Participant("mod", "Moderator", "NO", roles=("moderator:rt1",))
    directory = Directory(load_member_states(SCHEDULES / "unece-member-states.toml"), (*people, moderator))
    with tempfile.TemporaryDirectory() as folder:
        database = await Database.open(f"sqlite:///{folder}/bench.db")
        clock = SimulatedClock(session.start)
        timetable = Timetable(meeting, directory)
        floor = FloorService(timetable, PeopleService(meeting.id, directory, database.uow), database.uow)
        try:
            async with database.uow() as uow:
                await uow.meetings.save(meeting, loaded_at=clock.now())
                await uow.commit()
            await floor.change(
                session,
                lambda q: [q.raise_hand(Speaker.of(p), EntryKind.STATEMENT, "", clock.now()) for p in people[:WAITING]],
                clock.now(),
            )

            def ctx(who: Participant, **args: str) -> Context:
                clock.set(clock.now() + timedelta(seconds=3))  # past the double-press guard of `next`
                return Context(who, "gcm-rt1", clock.now(), args)

            fresh, lowered = iter(people[WAITING:]), iter(people[WAITING:])
            movers = iter(people[WAITING // 2 :])
            operations: dict[str, Callable[[], Awaitable[object]]] = {
                "hand": lambda: floor.hand(ctx(next(fresh))),
                "lower": lambda: floor.lower(ctx(next(lowered))),
                "next": lambda: floor.next(ctx(moderator)),
                "move": lambda: floor.move(ctx(moderator, user=f"@{next(movers).id}", position="5000")),
            }
            return [
                await _measure(f"floor: {name}, {WAITING:,} waiting, SQLite", op, runs)
                for name, op in operations.items()
            ]
        finally:
            await database.close()


async def _measure(name: str, operation: Callable[[], Awaitable[object]], runs: int) -> Row:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await operation()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Row(name, runs, statistics.median(samples), samples[int(0.95 * (runs - 1))], GOAL)
