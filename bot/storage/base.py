"""What every table shares: the declarative base, its constraint names, UTC instants, Core access to a row class."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from sqlalchemy import DateTime, Dialect, MetaData, Table, TypeDecorator
from sqlalchemy.orm import DeclarativeBase


class UtcDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC and read back as an aware UTC datetime, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive datetime is ambiguous; guessing a zone would silently shift a session by hours.
            raise ValueError(f"naive datetime {value.isoformat()} cannot be stored; give it a time zone")
        # SQLite keeps the text without its offset and compares as text: storing UTC keeps both
        # the value and the ordering right.
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # SQLite: the stored text was UTC by construction.
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    # Named constraints: SQLite's batch migrations can only drop or alter a constraint that has a name,
    # and explicit names keep the hand-written migrations identical on both backends.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def core(row: type[Base]) -> Table:
    """The row class's table, for Core statements (mypy sees `__table__` only as a FromClause)."""
    return cast(Table, row.__table__)
