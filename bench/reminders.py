"""Benchmark of reminders on the real clock: 100 sessions x 5 reminders, 1,000 subscribers, lateness of each post."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import tempfile
from datetime import datetime, timedelta

from bench.timing import Row
from bot.domain.meeting import Meeting, Session, SessionKind
from bot.domain.participants import Directory, Participant
from bot.domain.settings import ReminderSettings
from bot.formats.exports import FileExporter
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.scheduling.clock import SystemClock
from bot.scheduling.scheduler import Scheduler
from bot.services.assembly import assemble
from bot.services.views import Post
from bot.storage.database import Database

SESSIONS, SUBSCRIBERS = 100, 1000
OFFSETS = tuple(timedelta(seconds=-s) for s in (4, 3, 2, 1, 0))
SPACING = timedelta(milliseconds=200)
LEAD = timedelta(seconds=6)  # time to set everything up before the first reminder falls due


def rows(quick: bool) -> list[Row]:
    return [asyncio.run(_lateness())]


def _meeting(start: datetime) -> Meeting:
    sessions = tuple(
        Session(
            f"s{i}",
            SessionKind.ROUNDTABLE,
            f"Session {i}",
            start + i * SPACING,
            start + (i + 1) * SPACING,
            channel=f"room-{i}",
        )
        for i in range(SESSIONS)
    )
    days = tuple(sorted({start.date(), (start + SESSIONS * SPACING).date()}))
    reminders = ReminderSettings(offsets=OFFSETS, digest_at=None, grace=timedelta(minutes=10))
    return Meeting("bench", "Benchmark meeting", "UTC", days, sessions, main_channel="main", reminders=reminders)


async def _lateness() -> Row:
    clock = SystemClock()
    meeting = _meeting(clock.now() + LEAD)
    people = [Participant(f"u{i}", f"User {i}", "XX") for i in range(SUBSCRIBERS)]
    with tempfile.TemporaryDirectory() as folder:
        database = await Database.open(f"sqlite:///{folder}/bench.db")
        try:
            app = assemble(
                meeting,
                Directory((), people),
                clock,
                database.uow,
                exporter=FileExporter(Catalogs()),
                documents=SubmissionFiles(),
            )
            async with database.uow() as uow:
                await uow.meetings.save(meeting, loaded_at=clock.now())
                for i, person in enumerate(people):
                    await uow.subscriptions.subscribe(meeting.id, person.id, f"s{i % SESSIONS}")
                await uow.commit()
            due = {n.key: n.due for n in app.reminders.notices}
            expected = len(due) + SESSIONS * len(OFFSETS) * (SUBSCRIBERS // SESSIONS)
            late: list[float] = []
            finished = asyncio.Event()

            async def deliver(post: Post) -> None:
                base = (post.key or "").partition(":@")[0]
                late.append((clock.now() - due[base]).total_seconds() * 1000)
                if len(late) == expected:
                    finished.set()

            scheduler = asyncio.create_task(Scheduler(clock, app.timeline, deliver, app.reminders.receipts).run())
            await asyncio.wait_for(finished.wait(), timeout=120)
            scheduler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await scheduler
        finally:
            await database.close()
    late.sort()
    name = f"reminders: {len(late):,} posts, lateness vs due (max {late[-1]:.0f} ms)"
    return Row(name, len(late), statistics.median(late), late[int(0.95 * (len(late) - 1))], "max < 1,000 ms")
