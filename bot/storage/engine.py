"""The async SQLAlchemy engine: URLs normalised to async drivers, and SQLite tuned on every connection."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sqlalchemy import URL, event, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# Operators write the URLs they know; the bot only runs on asyncio drivers, so the bare schemes are mapped.
# "postgres" is the spelling Heroku-style hosts hand out and SQLAlchemy no longer accepts.
ASYNC_SCHEMES = MappingProxyType(
    {
        "sqlite": "sqlite+aiosqlite",
        "postgresql": "postgresql+asyncpg",
        "postgres": "postgresql+asyncpg",
    }
)


def normalise_url(url: str) -> str:
    """The URL with a bare `sqlite`/`postgresql` scheme given its async driver; anything else unchanged."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ValueError(f"not a database URL (no '://'): {url!r}")
    # Only the scheme is rewritten, so passwords and query options keep their exact spelling.
    return ASYNC_SCHEMES.get(scheme.lower(), scheme) + separator + rest


def create_engine(url: str) -> AsyncEngine:
    """An engine for the URL; SQLite files get their folder created and their pragmas set on each connect."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        # A bot runs for days: a connection the server dropped overnight must not fail the next command.
        return create_async_engine(parsed, pool_pre_ping=True)
    memory = _in_memory(parsed)
    if not memory and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(parsed, pool_reset_on_return=None)
    event.listen(engine.sync_engine, "connect", partial(_set_sqlite_pragmas, wal=not memory))
    return engine


def _in_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any, *, wal: bool) -> None:
    # These are per-connection settings (foreign keys are OFF by default in SQLite), so every new pooled
    # connection needs them, not just the first one.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        if wal:
            # WAL lets readers proceed while a command writes; an in-memory database cannot use it.
            cursor.execute("PRAGMA journal_mode=WAL")
        # Wait for a concurrent writer instead of failing at once with "database is locked".
        cursor.execute("PRAGMA busy_timeout=5000")
        # In WAL mode NORMAL survives a crash of the bot and never corrupts the file; only a power cut can
        # lose the last commits. That is the right trade for chat commands, and much faster than FULL.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()
