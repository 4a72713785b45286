"""Reminders exactly once on real databases: crashes between claim and post, two schedulers, failed posts."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

from bot.domain.participants import Directory
from bot.formats.exports import FileExporter
from bot.formats.roster import load_member_states
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.scheduling.clock import SimulatedClock
from bot.scheduling.scheduler import Scheduler
from bot.services.assembly import Services, assemble
from bot.services.views import Post
from bot.storage.database import Database
from tests.conftest import SCHEDULES
from tests.integration.storage_support import gcm_review

REMINDER_AT = datetime(2020, 11, 12, 8, 45, tzinfo=UTC)  # 09:45 CET, 15 minutes before the opening


async def services(database: Database, clock: SimulatedClock) -> Services:
    meeting = gcm_review()
    async with database.uow() as uow:
        await uow.meetings.save(meeting, loaded_at=clock.now())
        await uow.commit()
    directory = Directory(load_member_states(SCHEDULES / "unece-member-states.toml"))
    return assemble(
        meeting, directory, clock, database.uow, exporter=FileExporter(Catalogs()), documents=SubmissionFiles()
    )


async def test_a_restart_between_claim_and_post_retries_and_does_not_drop(database_url: str) -> None:
    clock = SimulatedClock(REMINDER_AT)
    async with await Database.open(database_url) as first:
        crashed = await (await services(first, clock)).reminders.fire(clock.now())
    assert len(crashed) == 2  # claimed, never confirmed posted: the process died before the receipt
    clock.set(REMINDER_AT + timedelta(minutes=2))  # past the claim's lease
    async with await Database.open(database_url) as second:
        again = await services(second, clock)
        assert await again.reminders.next_due(clock.now()) == REMINDER_AT + timedelta(minutes=1)
        retried = await again.reminders.fire(clock.now())
        for post in retried:
            assert post.key is not None
            await again.reminders.delivered(post.key, clock.now())
        assert await again.reminders.fire(clock.now()) == []
    assert sorted(p.key or "" for p in retried) == sorted(p.key or "" for p in crashed)


async def test_two_schedulers_on_one_database_post_once(database_url: str) -> None:
    clock = SimulatedClock(REMINDER_AT)
    async with await Database.open(database_url) as one, await Database.open(database_url) as two:
        a, b = await services(one, clock), await services(two, clock)
        posted = await asyncio.gather(a.reminders.fire(clock.now()), b.reminders.fire(clock.now()))
    keys = [p.key for posts in posted for p in posts]
    assert len(keys) == 2
    assert len(set(keys)) == 2


async def test_a_failed_post_is_retried_with_a_growing_wait(database_url: str) -> None:
    clock = SimulatedClock(REMINDER_AT)
    async with await Database.open(database_url) as database:
        app = await services(database, clock)
        first = (await app.reminders.fire(clock.now()))[0]
        assert first.key is not None
        await app.reminders.delivered(first.key, clock.now(), "429 rate limited")
        clock.set(REMINDER_AT + timedelta(seconds=4))
        assert [p.key for p in await app.reminders.fire(clock.now())] == []
        clock.set(REMINDER_AT + timedelta(seconds=5))
        assert first.key in [p.key for p in await app.reminders.fire(clock.now())]
        async with database.uow() as uow:
            claim = next(c for c in await uow.reminders.claims(app.timetable.meeting.id) if c.key == first.key)
        assert claim.attempts == 2
        assert claim.last_error == "429 rate limited"


async def test_at_start_up_an_old_reminder_is_missed_not_posted(database_url: str) -> None:
    clock = SimulatedClock(REMINDER_AT + timedelta(minutes=11))  # the grace is 10 minutes
    async with await Database.open(database_url) as database:
        app = await services(database, clock)
        assert await app.reminders.fire(clock.now()) == []
        async with database.uow() as uow:
            claims = await uow.reminders.claims(app.timetable.meeting.id)
    assert {c.missed for c in claims if c.due == REMINDER_AT} == {True}


async def test_the_scheduler_sleeps_to_each_due_moment_and_fires_in_order(database_url: str) -> None:
    clock = SimulatedClock(REMINDER_AT - timedelta(minutes=1))  # jumps: sleeping costs no time
    delivered: list[tuple[datetime, str]] = []
    enough = asyncio.Event()
    async with await Database.open(database_url) as database:
        app = await services(database, clock)

        async def deliver(post: Post) -> None:
            delivered.append((clock.now(), post.channel or ""))
            if post.key:
                await app.reminders.delivered(post.key, clock.now())
            if len(delivered) == 6:
                enough.set()

        running = asyncio.create_task(Scheduler(clock, app.timeline, deliver).run())
        await enough.wait()
        running.cancel()
        # Let it stop before the database closes under it.
        with contextlib.suppress(asyncio.CancelledError):
            await running
    assert [at for at, _ in delivered] == sorted(at for at, _ in delivered)
    assert [at - REMINDER_AT for at, _ in delivered[:4]] == [timedelta(0)] * 2 + [timedelta(minutes=15)] * 2
