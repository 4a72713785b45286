"""The 0002 migration: from 0001 up and back down, on SQLite and PostgreSQL, keeping the data of 0001."""

from __future__ import annotations

from dataclasses import replace

from alembic import command
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import Database
from bot.storage.engine import create_engine
from bot.storage.meetings.repository import SqlAlchemyMeetingRepository
from bot.storage.migrate import alembic_config, current_revision, upgrade
from tests.integration.storage_support import (
    ARMENIA,
    GCM,
    LOADED_AT,
    QUEUE_TABLES,
    T0,
    TABLES,
    change_committed,
    gcm_review,
    hand,
    read_queue,
    table_names,
)


def _downgrade(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


async def test_0002_upgrades_from_0001_and_downgrades_cleanly(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "0001")
        assert await current_revision(engine) == "0001"
        assert not await table_names(engine) & QUEUE_TABLES

        await upgrade(engine, "0002")
        assert await current_revision(engine) == "0002"
        assert await table_names(engine) >= TABLES | QUEUE_TABLES

        async with engine.begin() as connection:
            await connection.run_sync(_downgrade, "0001")
        assert await current_revision(engine) == "0001"
        assert await table_names(engine) & (TABLES | QUEUE_TABLES) == TABLES

        await upgrade(engine)
        assert await table_names(engine) >= QUEUE_TABLES
    finally:
        await engine.dispose()


async def test_0002_keeps_the_data_of_0001(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "0001")
        async with AsyncSession(engine) as session:
            await SqlAlchemyMeetingRepository(session).save(gcm_review(), loaded_at=LOADED_AT)
            await session.commit()
    finally:
        await engine.dispose()

    async with await Database.open(database_url) as database:
        async with database.uow() as uow:
            assert await uow.meetings.get(GCM) == gcm_review()
        await change_committed(database.uow(), hand(ARMENIA), T0)
        assert [e.speaker for e in (await read_queue(database.uow())).ordered()] == [ARMENIA]


async def test_a_reload_without_a_session_keeps_its_record(database_url: str) -> None:
    async with await Database.open(database_url) as database:
        async with database.uow() as uow:
            await uow.meetings.save(gcm_review(), loaded_at=LOADED_AT)
            await uow.commit()
        await change_committed(database.uow(), hand(ARMENIA), T0)
        without_rt1 = replace(gcm_review(), sessions=tuple(s for s in gcm_review().sessions if s.id != "rt1"))
        async with database.uow() as uow:
            await uow.meetings.save(without_rt1, loaded_at=LOADED_AT)
            await uow.commit()
        assert [e.speaker for e in (await read_queue(database.uow())).ordered()] == [ARMENIA]
