"""The 0003 migration: from 0002 up and back down, on SQLite and PostgreSQL, keeping the data of 0002."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection

from bot.storage.database import Database
from bot.storage.engine import create_engine
from bot.storage.migrate import alembic_config, current_revision, upgrade
from tests.integration.storage_support import (
    ARMENIA,
    GCM,
    QUEUE_TABLES,
    REMINDER_TABLES,
    T0,
    TABLES,
    change_committed,
    claim_committed,
    gcm_review,
    hand,
    read_queue,
    reminder_keys,
    save_committed,
    table_names,
)


def _downgrade(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


async def test_0003_upgrades_from_0002_and_downgrades_cleanly(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "0002")
        assert not await table_names(engine) & REMINDER_TABLES

        await upgrade(engine, "0003")
        assert await current_revision(engine) == "0003"
        assert await table_names(engine) >= TABLES | QUEUE_TABLES | REMINDER_TABLES

        async with engine.begin() as connection:
            await connection.run_sync(_downgrade, "0002")
        assert await current_revision(engine) == "0002"
        assert await table_names(engine) & (TABLES | QUEUE_TABLES | REMINDER_TABLES) == TABLES | QUEUE_TABLES

        await upgrade(engine)
        assert await table_names(engine) >= REMINDER_TABLES
    finally:
        await engine.dispose()


async def test_0003_keeps_the_data_of_0002_and_works_at_once(database_url: str) -> None:
    # Database() itself does not migrate: this is the bot as it ran on 0002.
    async with Database(create_engine(database_url)) as old:
        await upgrade(old.engine, "0002")
        await save_committed(old.uow(), gcm_review())
        await change_committed(old.uow(), hand(ARMENIA), T0)

    async with await Database.open(database_url) as database:
        assert [e.speaker for e in (await read_queue(database.uow())).ordered()] == [ARMENIA]
        keys = reminder_keys("after-upgrade", 2)
        assert await claim_committed(database.uow(), keys) == set(keys)
        async with database.uow() as uow:
            assert await uow.subscriptions.subscribe(GCM, "U-am", "*")
            await uow.commit()
