"""Alembic's entry point: migrate over the connection the bot shares, or over one opened from a URL."""

from __future__ import annotations

import asyncio
import os
from logging.config import fileConfig

from alembic import context
from alembic.config import Config
from sqlalchemy import Connection

from bot.storage.engine import create_engine, normalise_url
from bot.storage.schema import metadata


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        # Called from bot.storage.migrate inside the bot's event loop: asyncio.run() would fail there,
        # and the caller owns the connection and its transaction.
        _migrate(connection)
        return
    # Run from the alembic command line: only then is this process ours to configure logging for.
    if config.config_file_name:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    if context.is_offline_mode():
        _migrate_offline(_url(config))
    else:
        asyncio.run(_migrate_online(_url(config)))


def _url(config: Config) -> str:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("no database: set sqlalchemy.url in alembic.ini or the DATABASE_URL variable")
    return normalise_url(url)


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def _migrate_online(url: str) -> None:
    # Our own engine, so SQLite gets the same pragmas (foreign keys, WAL) as when the bot runs.
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_migrate)
    finally:
        await engine.dispose()


def _migrate_offline(url: str) -> None:
    context.configure(
        url=url,
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


run()
