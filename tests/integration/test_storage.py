"""Storage against real databases: migrations, SQLite settings, repositories and the unit of work contract."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, delete, func, inspect, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.domain.meeting import Meeting
from bot.domain.settings import Category, ReminderSettings, SpeakingPolicy, SpeakingSettings
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.schedule_toml import load_schedule_toml
from bot.services.ports import UnitOfWork
from bot.storage.database import Database
from bot.storage.engine import create_engine
from bot.storage.migrate import alembic_config, current_revision, head_revision, upgrade
from bot.storage.tables import Base, MeetingRow, SessionRow

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


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


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


# --- migrations ---------------------------------------------------------------------------------------------


async def test_upgrade_brings_an_empty_database_to_head(engine: AsyncEngine) -> None:
    assert await current_revision(engine) is None

    await upgrade(engine)

    assert await current_revision(engine) == head_revision()
    assert await table_names(engine) >= TABLES


async def test_second_upgrade_is_a_no_op(engine: AsyncEngine) -> None:
    await upgrade(engine)
    await upgrade(engine)

    assert await current_revision(engine) == head_revision()
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT count(*) FROM alembic_version"))).scalar_one() == 1


async def test_reopening_a_migrated_database_keeps_its_data(database_url: str) -> None:
    async with await Database.open(database_url) as first:
        await save_committed(first.uow(), gcm_review())

    async with await Database.open(database_url) as second:
        assert await current_revision(second.engine) == head_revision()
        async with second.uow() as uow:
            assert await uow.meetings.get("unece-gcm-review-2020") == gcm_review()


def _schema_differences(connection: Connection) -> list[Any]:
    differences: list[Any] = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    return differences


async def test_migrations_build_exactly_the_tables_the_code_maps(database: Database) -> None:
    async with database.engine.connect() as connection:
        assert await connection.run_sync(_schema_differences) == []


def _downgrade_to_base(connection: Connection, config: Config) -> None:
    config.attributes["connection"] = connection
    command.downgrade(config, "base")


async def test_downgrade_to_base_then_upgrade_again(engine: AsyncEngine) -> None:
    await upgrade(engine)
    async with engine.begin() as connection:
        await connection.run_sync(_downgrade_to_base, alembic_config())

    assert await current_revision(engine) is None
    assert not await table_names(engine) & TABLES
    await upgrade(engine)
    assert await current_revision(engine) == head_revision()


async def test_upgrade_does_not_depend_on_the_working_directory(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async with await Database.open(database_url) as database:
        assert await current_revision(database.engine) == head_revision()


async def run_alembic(cwd: Path, environment: dict[str, str], *arguments: str) -> tuple[int, str]:
    ini = ROOT / "bot" / "storage" / "alembic.ini"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "alembic", "-c", str(ini), *arguments,
        cwd=cwd, env=environment, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await process.communicate()
    return process.returncode or 0, output.decode()


async def test_alembic_command_line_takes_the_url_from_database_url(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": database_url}

    status, output = await run_alembic(tmp_path, environment, "upgrade", "head")

    assert status == 0, output
    assert await current_revision(engine) == head_revision()


async def test_alembic_command_line_without_a_url_says_so(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PYTHONPATH": str(ROOT)}

    status, output = await run_alembic(tmp_path, environment, "upgrade", "head")

    assert status != 0
    assert "DATABASE_URL" in output


# --- SQLite settings and constraints ------------------------------------------------------------------------


async def sqlite_pragmas(engine: AsyncEngine) -> dict[str, Any]:
    names = ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
    async with engine.connect() as connection:
        return {name: (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar() for name in names}


async def test_sqlite_file_gets_wal_and_its_pragmas_on_every_connection(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'new' / 'folder' / 'podium.db'}")
    try:
        first, second = await asyncio.gather(sqlite_pragmas(engine), sqlite_pragmas(engine))
    finally:
        await engine.dispose()

    expected = {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "synchronous": 1,
    }  # 1 = NORMAL
    assert first == second == expected
    assert (tmp_path / "new" / "folder" / "podium.db").exists()


async def test_sqlite_in_memory_database_skips_wal_and_migrates() -> None:
    engine = create_engine("sqlite://")
    try:
        pragmas = await sqlite_pragmas(engine)
        await upgrade(engine)
        revision = await current_revision(engine)
    finally:
        await engine.dispose()

    assert pragmas["journal_mode"] == "memory"
    assert pragmas["foreign_keys"] == 1
    assert revision == head_revision()


async def test_session_row_without_its_meeting_is_rejected(database: Database) -> None:
    start = datetime(2020, 11, 12, 9, 0, tzinfo=UTC)
    orphan = SessionRow(
        meeting_id="no-such-meeting", session_id="rt1", kind="roundtable", title="Orphan", starts_at=start,
        ends_at=start + timedelta(hours=1),
    )  # fmt: skip
    async with AsyncSession(database.engine) as session:
        session.add(orphan)
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_deleting_a_meeting_row_deletes_its_session_rows(database: Database) -> None:
    await save_committed(database.uow(), gcm_review())

    async with AsyncSession(database.engine) as session:
        await session.execute(delete(MeetingRow).where(MeetingRow.id == "unece-gcm-review-2020"))
        await session.commit()

    assert await session_rows(database, "unece-gcm-review-2020") == {}


# --- the SQL meeting repository's rows ----------------------------------------------------------------------


async def test_saving_a_meeting_writes_one_row_per_session(database: Database) -> None:
    meeting = gcm_review()

    await save_committed(database.uow(), meeting)

    rows = await session_rows(database, meeting.id)
    assert set(rows) == {s.id for s in meeting.sessions}
    for session in meeting.sessions:
        row = rows[session.id]
        assert (row.kind, row.title, row.channel) == (session.kind.value, session.title, session.channel)
        assert (row.starts_at, row.ends_at) == (session.start, session.end)
        assert row.starts_at.tzinfo is UTC


async def test_saving_again_deletes_removed_sessions_and_updates_kept_ones(database: Database) -> None:
    meeting = gcm_review()
    await save_committed(database.uow(), meeting)
    renamed = replace(meeting.sessions[1], title="Roundtable 1, renamed")
    changed = replace(meeting, sessions=(meeting.sessions[0], renamed, *meeting.sessions[3:]))
    removed = meeting.sessions[2].id
    later = LOADED_AT + timedelta(days=3)

    async with database.uow() as uow:
        await uow.meetings.save(changed, loaded_at=later)
        await uow.commit()

    rows = await session_rows(database, meeting.id)
    assert removed not in rows
    assert set(rows) == {s.id for s in changed.sessions}
    assert rows[renamed.id].title == "Roundtable 1, renamed"
    async with AsyncSession(database.engine) as session:
        row = await session.get_one(MeetingRow, meeting.id)
        assert (row.loaded_at, row.first_day, row.last_day) == (later, meeting.days[0], meeting.days[-1])


# --- the repositories and unit of work, on every implementation ---------------------------------------------


@pytest.mark.parametrize("build", MEETINGS)
async def test_saved_meeting_comes_back_equal(make_uow: MakeUow, build: Callable[[], Meeting]) -> None:
    meeting = build()
    await save_committed(make_uow(), meeting)

    async with make_uow() as uow:
        assert await uow.meetings.get(meeting.id) == meeting


async def test_unknown_meeting_is_none(make_uow: MakeUow) -> None:
    async with make_uow() as uow:
        assert await uow.meetings.get("no-such-meeting") is None


async def test_saving_a_meeting_again_replaces_it(make_uow: MakeUow) -> None:
    meeting = gcm_review()
    await save_committed(make_uow(), meeting)
    shorter = replace(meeting, title="Regional Review", sessions=meeting.sessions[:2])

    await save_committed(make_uow(), shorter)

    async with make_uow() as uow:
        assert await uow.meetings.get(meeting.id) == shorter


UNICODE_TEXTS = {
    "ru": "Слово предоставляется представителю Армении.",
    "hy": "Շնորհակալություն, պարոն նախագահ։",
    "ka": "გმადლობთ, ბატონო თავმჯდომარევ.",
    "tr": "Teşekkür ederim Sayın Başkan; İstanbul, Iğdır, çğıöşü.",
}


async def test_transcript_comes_back_in_order_with_utc_times_and_unicode(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    noon = datetime(2020, 11, 12, 12, 0, tzinfo=UTC)
    yerevan, tbilisi = ZoneInfo("Asia/Yerevan"), ZoneInfo("Asia/Tbilisi")
    written = [
        entry(noon + timedelta(minutes=2), UNICODE_TEXTS["ru"], session_id="rt2"),
        entry(noon.astimezone(yerevan), UNICODE_TEXTS["hy"], session_id="rt1"),
        # The same instant as the line above, so the order they were appended in decides.
        entry(noon.astimezone(tbilisi), UNICODE_TEXTS["ka"], session_id="rt1"),
    ]
    late = entry((noon + timedelta(minutes=1)).astimezone(ZoneInfo("Europe/Istanbul")), UNICODE_TEXTS["tr"])
    async with make_uow() as uow:
        for item in written:
            await uow.transcript.append(item)
        await uow.commit()
    async with make_uow() as uow:
        await uow.transcript.append(late)
        await uow.commit()

    async with make_uow() as uow:
        entries = await uow.transcript.entries("unece-gcm-review-2020")

    assert [e.text for e in entries] == [UNICODE_TEXTS[k] for k in ("hy", "ka", "tr", "ru")]
    assert all(e.at.tzinfo is UTC for e in entries)
    assert entries == (
        replace(written[1], at=noon),
        replace(written[2], at=noon),
        replace(late, at=noon + timedelta(minutes=1)),
        written[0],
    )


async def test_transcript_can_be_read_for_one_session(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())
    noon = datetime(2020, 11, 12, 12, 0, tzinfo=UTC)
    async with make_uow() as uow:
        for minute, session_id in enumerate(["rt1", "rt2", None, "rt1"]):
            at = noon + timedelta(minutes=minute)
            await uow.transcript.append(entry(at, str(minute), session_id=session_id))
        await uow.commit()

    async with make_uow() as uow:
        in_rt1 = await uow.transcript.entries("unece-gcm-review-2020", session_id="rt1")
        assert [e.text for e in in_rt1] == ["0", "3"]
        assert await uow.transcript.entries("harbour-forum-2027") == ()


async def test_leaving_without_commit_leaves_nothing(make_uow: MakeUow) -> None:
    uow = make_uow()
    async with uow:
        await uow.meetings.save(gcm_review(), loaded_at=LOADED_AT)
        await uow.transcript.append(entry(LOADED_AT, "never committed"))

    async with uow:
        assert await uow.meetings.get("unece-gcm-review-2020") is None
        assert await uow.transcript.entries("unece-gcm-review-2020") == ()


async def save_then_fail(uow: UnitOfWork) -> None:
    async with uow:
        await uow.meetings.save(gcm_review(), loaded_at=LOADED_AT)
        raise RuntimeError("the handler failed")


async def test_an_error_in_the_block_rolls_back_and_propagates(make_uow: MakeUow) -> None:
    with pytest.raises(RuntimeError, match="the handler failed"):
        await save_then_fail(make_uow())

    async with make_uow() as uow:
        assert await uow.meetings.get("unece-gcm-review-2020") is None


async def test_changes_after_a_commit_need_their_own_commit(make_uow: MakeUow) -> None:
    meeting = gcm_review()
    async with make_uow() as uow:
        await uow.meetings.save(meeting, loaded_at=LOADED_AT)
        await uow.commit()
        await uow.meetings.save(replace(meeting, title="not committed"), loaded_at=LOADED_AT)
        await uow.transcript.append(entry(LOADED_AT, "not committed either"))
        assert (await uow.meetings.get(meeting.id)) == replace(meeting, title="not committed")

    async with make_uow() as uow:
        assert await uow.meetings.get(meeting.id) == meeting
        assert await uow.transcript.entries(meeting.id) == ()


async def test_uncommitted_changes_are_invisible_to_another_unit_of_work(make_uow: MakeUow) -> None:
    writer, reader = make_uow(), make_uow()
    async with writer:
        await writer.meetings.save(gcm_review(), loaded_at=LOADED_AT)
        async with reader:
            assert await reader.meetings.get("unece-gcm-review-2020") is None
        await writer.commit()

    async with reader:
        assert await reader.meetings.get("unece-gcm-review-2020") == gcm_review()


async def append_committed(uow: UnitOfWork, item: TranscriptEntry) -> None:
    async with uow:
        await uow.transcript.append(item)
        await uow.commit()


async def test_transcript_entry_for_an_unknown_meeting_is_refused(make_uow: MakeUow) -> None:
    with pytest.raises((LookupError, IntegrityError)):
        await append_committed(make_uow(), entry(LOADED_AT, "orphan", meeting_id="no-such-meeting"))


async def test_naive_datetime_is_refused(make_uow: MakeUow) -> None:
    await save_committed(make_uow(), gcm_review())

    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        await append_committed(make_uow(), entry(datetime(2020, 11, 12, 12, 0), "when?"))


async def test_a_unit_of_work_cannot_be_entered_twice_at_once(make_uow: MakeUow) -> None:
    uow = make_uow()
    async with uow:
        with pytest.raises(RuntimeError, match="already open"):
            await uow.__aenter__()


async def test_commit_outside_the_block_is_an_error(make_uow: MakeUow) -> None:
    with pytest.raises(RuntimeError, match="async with"):
        await make_uow().commit()


async def test_database_row_count_matches_after_many_saves(database: Database) -> None:
    for _ in range(3):
        await save_committed(database.uow(), gcm_review())
    await save_committed(database.uow(), harbour_forum())

    async with AsyncSession(database.engine) as session:
        assert await session.scalar(select(func.count()).select_from(MeetingRow)) == 2
        assert await session.scalar(select(func.count()).select_from(SessionRow)) == 12
