"""Helpers for the storage tests: sample meetings, transcript entries, and ways to look at the rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.domain.meeting import Meeting
from bot.domain.participants import Level
from bot.domain.queue.entries import EntryKind as HandKind
from bot.domain.queue.entries import Speaker
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import Category, ReminderSettings, SpeakingPolicy, SpeakingSettings
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.schedule_toml import load_schedule_toml
from bot.services.ports import Claim, UnitOfWork
from bot.storage.database import Database
from bot.storage.meetings.tables import SessionRow

ROOT = Path(__file__).resolve().parents[2]
SCHEDULES = ROOT / "bot" / "schedules"
LOADED_AT = datetime(2020, 11, 1, 9, 0, tzinfo=UTC)
TABLES = {"meetings", "sessions", "transcript_entries"}
QUEUE_TABLES = {"queue_states", "queue_entries", "interventions", "queue_notes", "declarations"}
REMINDER_TABLES = {"reminder_claims", "subscriptions"}

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
        opens_before=timedelta(0),
        overrun=timedelta(minutes=40),
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


# --- lists of speakers --------------------------------------------------------------------------------------

GCM = "unece-gcm-review-2020"
RT1 = "rt1"
T0 = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
SPEAKING = SpeakingSettings(policy=SpeakingPolicy.PROTOCOL, prefer_first_time=True)

ARMENIA = Speaker("U-am", "Հայաստանի Հանրապետություն", "ARM", Category.MEMBER_STATE, Level.MINISTER)
GEORGIA = Speaker("U-ge", "საქართველო", "GEO", Category.MEMBER_STATE, Level.AMBASSADOR)
TURKIYE = Speaker("U-tr", "Türkiye Cumhuriyeti — İstanbul, Iğdır", "TUR", Category.MEMBER_STATE, Level.HEAD_OF_STATE)
RUSSIA = Speaker("U-ru", "Российская Федерация", "RUS", Category.MEMBER_STATE, Level.OTHER)
ROMANIA = Speaker("U-ro", "România", "ROU", Category.MEMBER_STATE, Level.VICE_MINISTER)
GROUP = Speaker("U-eu", "Европейский союз", "EU", Category.MEMBER_STATE, Level.AMBASSADOR, group="EU27")
CIVIL_SOCIETY = Speaker("U-ngo", "Civil society", None, Category.STAKEHOLDER, Level.OTHER, verified=False)
CHAIR = Speaker("U-chair", "Chair", None, Category.SECRETARIAT, Level.OTHER)

TEXT_HY = "Շնորհակալություն, պարոն նախագահ։"
TEXT_TR = "Teşekkür ederim Sayın Başkan; çğıöşü."
TEXT_RU = "Слово предоставляется представителю Армении."
NOTE_KA = "გმადლობთ, ბატონო თავმჯდომარევ."
RULING = "Кворум есть; устный перевод восстановлен."

Step = Callable[[SpeakerQueue, datetime], object]


def at(seconds: int, step: Step) -> tuple[datetime, Step]:
    return T0 + timedelta(seconds=seconds), step


def hand(speaker: Speaker, kind: HandKind = HandKind.STATEMENT, note: str = "") -> Step:
    return lambda q, now: q.raise_hand(speaker, kind, note, now)


# Every kind of hand and every event: each step is saved and committed on its own.
SCENARIO = [
    at(0, hand(ARMENIA, note="item 2")),
    at(10, hand(GEORGIA)),
    at(20, hand(TURKIYE)),
    at(30, hand(CIVIL_SOCIETY)),
    at(40, hand(GROUP)),
    at(45, hand(ROMANIA)),
    at(50, hand(RUSSIA, HandKind.RIGHT_OF_REPLY)),
    at(55, lambda q, now: q.lower("U-ro")),
    at(60, lambda q, now: q.move("U-ngo", 1)),
    at(70, lambda q, now: q.last_word(GEORGIA, now)),
    at(80, lambda q, now: q.attach_statement("U-am", TEXT_HY, now)),
    at(100, lambda q, now: q.next(now)),  # civil society, 120 s
    at(110, hand(TURKIYE, HandKind.QUESTION)),
    at(120, hand(ARMENIA, HandKind.ORDER)),  # interrupts civil society 20 s in: its clock stops
    at(125, lambda q, now: q.tick(now)),  # suspended: nothing
    at(130, lambda q, now: q.rule(RULING, now)),  # civil society resumes: 10 s paused, deadline 230
    at(205, lambda q, now: q.tick(now)),  # 95 s of speaking: warned
    at(206, lambda q, now: q.note("U-chair", NOTE_KA, now)),
    at(207, lambda q, now: q.set_limit(timedelta(minutes=4), Category.MEMBER_STATE)),  # not the speaker's
    at(208, lambda q, now: q.set_limit(timedelta(seconds=150), None)),  # the speaker's too: warning again
    at(240, lambda q, now: q.end(now)),
    at(300, lambda q, now: q.next(now)),  # Türkiye's question, 150 s
    at(500, lambda q, now: q.tick(now)),  # past 150 s: warned and time up at once
    at(505, lambda q, now: q.attach_statement("U-tr", TEXT_TR, now)),
    at(510, lambda q, now: q.next(now)),  # the group statement
    at(520, lambda q, now: q.give(CHAIR, now)),  # on the spot: no hand raised
    at(530, lambda q, now: q.attach_statement("U-ngo", TEXT_RU, now)),  # after being heard
    at(540, lambda q, now: q.close_list()),
    at(550, lambda q, now: q.call_replies()),
    at(560, lambda q, now: q.lower("U-tr", by_moderator=True)),
    at(565, lambda q, now: q.end(now)),
    at(570, lambda q, now: q.note("U-rapporteur", "Session suspended for five minutes.", now)),
    at(600, lambda q, now: q.finish(now)),
]


def observable(queue: SpeakerQueue) -> dict[str, Any]:
    """What anyone can see of a list, for comparing one read back with the original."""
    return {
        "ordered": queue.ordered(),
        "current": queue.current,
        "interrupted": queue.interrupted,
        "next_timer": queue.next_timer(),
        "list_open": queue.list_open,
        "replies_called": queue.replies_called,
        "finished": queue.finished,
        "limits": queue.limits,
        "spoken": queue.spoken,
        "last_heard": queue.last_heard,
        "next_arrival": queue.next_arrival,
        "floor_changed_at": queue.floor_changed_at,
        "version": queue.version,
    }


async def change_committed(uow: UnitOfWork, step: Step, now: datetime) -> SpeakerQueue:
    """One command as the service runs it: get, change, save, commit; the aggregate as changed."""
    async with uow:
        queue = await uow.queues.get(GCM, RT1, SPEAKING)
        step(queue, now)
        await uow.queues.save(queue)
        await uow.commit()
    return queue


async def read_queue(uow: UnitOfWork) -> SpeakerQueue:
    async with uow:
        queue = await uow.queues.get(GCM, RT1, SPEAKING)
        await uow.commit()
    return queue


# --- reminders ----------------------------------------------------------------------------------------------

LEASE = timedelta(minutes=1)


def reminder_keys(prefix: str, count: int, *, meeting_id: str = GCM) -> list[str]:
    """Keys as the service makes them: globally unique, the meeting id included."""
    return [f"{meeting_id}:{prefix}:{number:05d}" for number in range(count)]


def due_at(keys: list[str], due: datetime = T0) -> list[tuple[str, datetime]]:
    return [(key, due) for key in keys]


async def claim_committed(
    uow: UnitOfWork, keys: list[str], now: datetime = T0, *, missed: bool = False, meeting_id: str = GCM
) -> set[str]:
    async with uow:
        got = await uow.reminders.claim(meeting_id, due_at(keys), now, LEASE, missed=missed)
        await uow.commit()
    return got


async def retry_committed(uow: UnitOfWork, now: datetime, meeting_id: str = GCM) -> list[Claim]:
    async with uow:
        taken = await uow.reminders.retry_due(meeting_id, now, LEASE)
        await uow.commit()
    return taken
