"""Schema migrations run from inside the bot's event loop, over a connection the engine lends to Alembic."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions (a test checks it is Alembic's head). A database already there is
# opened without importing Alembic at all, which is most of what a one-shot `podium export` would pay to start.
SCHEMA_REVISION = "0012"


async def up_to_date(engine: AsyncEngine) -> bool:
    """Whether the database is at SCHEMA_REVISION, read with one SELECT (no Alembic)."""
    try:
        async with engine.connect() as connection:
            found = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
    except (OperationalError, ProgrammingError):  # no alembic_version table: a new or foreign database
        return False
    return found == [SCHEMA_REVISION]


def alembic_config() -> Config:
    """The packaged alembic.ini; its script_location is relative to that file, not to the working folder."""
    from alembic.config import Config

    # A real file path (not an importlib resource) because Alembic reads the folder of scripts from disk.
    return Config(Path(__file__).with_name("alembic.ini"))


def head_revision() -> str:
    """The newest revision the code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found next to alembic.ini")
    return head


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database up to `revision`; a no-op when it is there already."""
    # Alembic's documented asyncio recipe (connection sharing): env.py finds the connection in
    # cfg.attributes and migrates over it instead of calling asyncio.run(), which a running loop forbids.
    config = alembic_config()
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, config, revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for a database Alembic never touched."""
    async with engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def _upgrade(connection: Connection, config: Config, revision: str) -> None:
    from alembic import command

    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()
