"""Reading untyped tables field by field, collecting every fault with where it is instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.durations import parse_duration
from bot.domain.localtime import is_known_zone
from bot.domain.schedule_rules import ScheduleProblem

T = TypeVar("T")


@dataclass
class Fields:
    """One table being read: typed getters that record a ScheduleProblem and return None on a bad value."""

    table: dict[str, Any]
    where: str
    problems: list[ScheduleProblem] = field(default_factory=list)

    def fault(self, name: str, message: str) -> None:
        self.problems.append(ScheduleProblem(self.where, name, message))

    def only(self, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in self.table:
            if key not in allowed:
                self.fault(key, f"unknown key (expected one of: {', '.join(sorted(allowed))})")

    def _typed(self, name: str, kind: type[T], label: str, required: bool) -> T | None:
        if name not in self.table:
            if required:
                self.fault(name, "is missing")
            return None
        value = self.table[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            self.fault(name, f"must be {label}, not {value!r}")
            return None
        return value

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self._typed(name, str, "text", required)
        if value is not None and not value.strip():
            self.fault(name, "must not be empty")
            return None
        return value

    def flag(self, name: str) -> bool | None:
        return self._typed(name, bool, "true or false", False)

    def number(self, name: str, *, required: bool = False) -> int | None:
        return self._typed(name, int, "a whole number", required)

    def day(self, name: str, *, required: bool = False) -> date | None:
        return self._typed(name, date, "a date such as 2020-11-12", required)

    def instant(self, name: str, zone: str, *, required: bool = False) -> datetime | None:
        """A TOML date-time, in UTC: one without an offset is read in `zone` (the meeting's time)."""
        value = self._typed(name, datetime, "a date and time such as 2020-10-31T23:59:59", required)
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=ZoneInfo(zone))
        return value.astimezone(UTC)

    def clock_time(self, name: str, *, required: bool = False) -> time | None:
        return self._typed(name, time, "a time such as 10:00:00", required)

    def texts(self, name: str) -> tuple[str, ...]:
        return self._list(name, str, "a list of texts")

    def days(self, name: str) -> tuple[date, ...]:
        return self._list(name, date, "a list of dates", required=True)

    def numbers(self, name: str) -> tuple[int, ...]:
        return self._list(name, int, "a list of whole numbers")

    def _list(self, name: str, kind: type[T], label: str, *, required: bool = False) -> tuple[T, ...]:
        value = self._typed(name, list, label, required)
        if value is None:
            return ()
        if not all(isinstance(item, kind) and not isinstance(item, bool) for item in value):
            self.fault(name, f"must be {label}")
            return ()
        return tuple(value)

    def duration(self, name: str) -> timedelta | None:
        raw = self.text(name)
        if raw is None:
            return None
        return self.parsed(name, raw, parse_duration, "a duration such as 90s, 3m or 1h30m")

    def zone(self, name: str, *, required: bool = False) -> str | None:
        raw = self.text(name, required=required)
        if raw is not None and not is_known_zone(raw):
            self.fault(name, f"unknown time zone {raw!r} (use an IANA name such as Europe/Zurich)")
            return None
        return raw

    def table_of(self, name: str) -> dict[str, Any]:
        return self._typed(name, dict, "a table", False) or {}

    def tables(self, name: str) -> list[dict[str, Any]]:
        value = self._typed(name, list, "a list of tables", False) or []
        if not all(isinstance(item, dict) for item in value):
            self.fault(name, "must be a list of tables")
            return []
        return value

    def parsed(self, name: str, raw: str, parse: Callable[[str], T | None], label: str) -> T | None:
        value = parse(raw)
        if value is None:
            self.fault(name, f"must be {label}, not {raw!r}")
        return value

    def child(self, table: dict[str, Any], where: str) -> Fields:
        """A nested table whose faults land in the same list."""
        return Fields(table, where, self.problems)
