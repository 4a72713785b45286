"""Storage against real databases: migrations, SQLite settings and the constraints the schema enforces."""

from __future__ import annotations

import asyncio
import importlib
import os
import pkgutil
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, delete, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

import bot.storage
from bot.storage.database import Database
from bot.storage.engine import create_engine
from bot.storage.meetings.tables import MeetingRow, SessionRow
from bot.storage.migrate import SCHEMA_REVISION, alembic_config, current_revision, head_revision, up_to_date, upgrade
from bot.storage.schema import ROWS, metadata
from tests.integration.storage_support import (
    LOADED_AT,
    ROOT,
    TABLES,
    gcm_review,
    save_committed,
    session_rows,
    table_names,
)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


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


def test_every_table_is_registered_in_the_schema_module() -> None:
    """A row class defined anywhere in bot.storage but left out of schema.ROWS would escape its migration test."""
    for module in pkgutil.walk_packages(bot.storage.__path__, "bot.storage."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)

    assert sorted(row.__tablename__ for row in ROWS) == sorted(metadata.tables)


def _schema_differences(connection: Connection) -> list[Any]:
    differences: list[Any] = compare_metadata(MigrationContext.configure(connection), metadata)
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


def test_the_revision_the_code_checks_at_open_is_alembics_head() -> None:
    """Database.open skips Alembic for a database at SCHEMA_REVISION: a new migration must move it too."""
    assert head_revision() == SCHEMA_REVISION


async def test_only_a_database_behind_the_code_is_migrated_at_open(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    engine = create_engine(url)
    try:
        assert not await up_to_date(engine)  # empty: no alembic_version table yet
        await upgrade(engine, "0005")
        assert not await up_to_date(engine)  # one revision behind
    finally:
        await engine.dispose()
    await (await Database.open(url)).close()
    engine = create_engine(url)
    try:
        assert await up_to_date(engine)
        assert await current_revision(engine) == SCHEMA_REVISION
    finally:
        await engine.dispose()
