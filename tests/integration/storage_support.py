"""Helpers for the storage tests: sample meetings, transcript entries, and ways to look at the rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.domain.meeting import Meeting
from bot.domain.settings import Category, ReminderSettings, SpeakingPolicy, SpeakingSettings
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.schedule_toml import load_schedule_toml
from bot.services.ports import UnitOfWork
from bot.storage.database import Database
from bot.storage.tables import SessionRow

ROOT = Path(__file__).resolve().parents[2]
SCHEDULES = ROOT / "schedules"
LOADED_AT = datetime(2020, 11, 1, 9, 0, tzinfo=UTC)
TABLES = {"meetings", "sessions", "transcript_entries"}

MakeUow = Callable[[], UnitOfWork]


def gcm_review() -> Meeting:
    return load_schedule_toml(SCHEDULES / "unece-gcm-review-2020.toml")


def harbour_forum() -> Meeting:
    return load_schedule_toml(SCHEDULES / "harbour-forum-2027.toml")


def with_every_option(meeting: Meeting) -> Meeting:
    """The meeting with the fields the sample files leave at their defaults set otherwise."""
    speaking = SpeakingSettings(
        policy=SpeakingPolicy.FIFO,
        prefer_first_time=True,
        limits={Category.GROUP: timedelta(minutes=7), Category.IGO: timedelta(seconds=90.5)},
        warning_before_end=timedelta(seconds=45),
    )
    first = replace(meeting.sessions[0], speaking=speaking, channel=None, links=(), moderators=("Chair",))
    reminders = ReminderSettings(offsets=(), digest_at=None, grace=timedelta(0))
    return replace(
        meeting,
        sessions=(first, *meeting.sessions[1:]),
        reminders=reminders,
        main_channel=None,
        announced=None,
    )


MEETINGS = [
    pytest.param(gcm_review, id="gcm-review"),
    pytest.param(harbour_forum, id="harbour-forum"),
    pytest.param(lambda: with_every_option(harbour_forum()), id="every-option"),
]


def entry(at: datetime, text: str, *, session_id: str | None = None, meeting_id: str = "") -> TranscriptEntry:
    return TranscriptEntry(
        meeting_id=meeting_id or "unece-gcm-review-2020",
        at=at,
        kind=EntryKind.MESSAGE,
        text=text,
        channel="gcm-review",
        actor="U-chair",
        session_id=session_id,
    )


async def table_names(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def session_rows(database: Database, meeting_id: str) -> dict[str, SessionRow]:
    async with AsyncSession(database.engine) as session:
        rows = await session.scalars(select(SessionRow).where(SessionRow.meeting_id == meeting_id))
        return {row.session_id: row for row in rows}


async def save_committed(uow: UnitOfWork, meeting: Meeting) -> None:
    async with uow:
        await uow.meetings.save(meeting, loaded_at=LOADED_AT)
        await uow.commit()
