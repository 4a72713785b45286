"""Storage fixtures: a fresh, empty database per test, on SQLite always and on PostgreSQL on request.

PostgreSQL isolation: each test gets its own scratch database (CREATE DATABASE, dropped WITH (FORCE)
afterwards), so the test sees a plain URL, exactly what the bot is given, with nothing to clean between
tests. The role in PODIUM_TEST_POSTGRES_URL therefore needs the CREATEDB privilege; the database named
in that URL is only used to issue CREATE/DROP DATABASE.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bot.services.ports import UnitOfWork
from bot.services.record import MeetingRecord
from bot.storage.database import Database
from bot.storage.engine import normalise_url
from tests.integration.roundtable_replay import replay_roundtable

POSTGRES_VARIABLE = "PODIUM_TEST_POSTGRES_URL"
POSTGRES_SKIP = f"set {POSTGRES_VARIABLE}=postgresql+asyncpg://USER@HOST:PORT/DB to run the storage tests on PostgreSQL"

SQL_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not os.environ.get(POSTGRES_VARIABLE), reason=POSTGRES_SKIP),
        ],
    ),
]


@asynccontextmanager
async def fresh_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty database that disappears after the block."""
    if backend == "sqlite":
        # A plain sqlite:// URL in a folder that does not exist yet: both are the bot's job to handle.
        yield f"sqlite:///{tmp_path / 'data' / 'podium.db'}"
        return
    async with _scratch_postgres_database(os.environ[POSTGRES_VARIABLE]) as url:
        yield url


@asynccontextmanager
async def _scratch_postgres_database(server_url: str) -> AsyncIterator[str]:
    server = make_url(normalise_url(server_url))
    name = f"podium_test_{secrets.token_hex(6)}"
    # CREATE/DROP DATABASE cannot run inside a transaction; NullPool leaves no idle connection behind.
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as connection:
                # FORCE (PostgreSQL 13+) ends connections a failed test may have left open.
                await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.dispose()


@pytest.fixture(params=SQL_BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = await Database.open(database_url)
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
def make_uow(database: Database) -> Callable[[], UnitOfWork]:
    """New units of work over one migrated database, on each SQL backend."""
    return database.uow


@pytest.fixture
async def roundtable_record(tmp_path: Path) -> MeetingRecord:
    """Roundtable 1 replayed through the console on SQLite (the Word exports' fixture)."""
    return await replay_roundtable(tmp_path)
