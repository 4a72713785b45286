"""The 0003 migration: from 0002 up and back down, on SQLite and PostgreSQL, keeping the data of 0002."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection, MetaData, Table, insert

from bot.domain.queue.entries import EntryKind
from bot.domain.queue.queue import SpeakerQueue
from bot.storage.database import Database
from bot.storage.engine import create_engine
from bot.storage.migrate import alembic_config, current_revision, upgrade
from bot.storage.queues.mapping import entry_values, state_values
from bot.storage.queues.tables import EntryStatus
from tests.integration.storage_support import (
    ARMENIA,
    GCM,
    QUEUE_TABLES,
    REMINDER_TABLES,
    RT1,
    SPEAKING,
    T0,
    TABLES,
    claim_committed,
    gcm_review,
    read_queue,
    reminder_keys,
    save_committed,
    table_names,
)


def _armenia_on_the_list_as_0002_kept_it(connection: Connection) -> None:
    """Armenia's hand in rt1's list, in the tables as they were at 0002: today's rows without the columns that
    later migrations added (today's repository would write those, and fail on the old tables)."""
    queue = SpeakerQueue(GCM, RT1, SPEAKING)
    entry = queue.raise_hand(ARMENIA, EntryKind.STATEMENT, "", T0)
    key = {"meeting_id": GCM, "session_id": RT1}
    tables = MetaData()
    states = Table("queue_states", tables, autoload_with=connection)
    entries = Table("queue_entries", tables, autoload_with=connection)
    state = {**key, **state_values(queue), "version": 1}
    connection.execute(insert(states).values({k: v for k, v in state.items() if k in states.c}))
    row = {**key, **entry_values(entry, EntryStatus.WAITING)}
    connection.execute(insert(entries).values({k: v for k, v in row.items() if k in entries.c}))


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
        async with old.engine.begin() as connection:
            await connection.run_sync(_armenia_on_the_list_as_0002_kept_it)

    async with await Database.open(database_url) as database:
        assert [e.speaker for e in (await read_queue(database.uow())).ordered()] == [ARMENIA]
        keys = reminder_keys("after-upgrade", 2)
        assert await claim_committed(database.uow(), keys) == set(keys)
        async with database.uow() as uow:
            assert await uow.subscriptions.subscribe(GCM, "U-am", "*")
            await uow.commit()
