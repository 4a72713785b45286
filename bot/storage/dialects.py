"""The one statement SQL leaves to each dialect: INSERT ... ON CONFLICT, spelt alike on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Dialect, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_on_conflict(dialect: Dialect, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that can say what to do when the key exists: `.on_conflict_do_nothing()` or `_do_update()`."""
    if dialect.name == "postgresql":
        return postgresql.insert(table)
    if dialect.name == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"Podium stores its data in SQLite or PostgreSQL, not {dialect.name}")
