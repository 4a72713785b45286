"""Reading untyped tables field by field, collecting every fault with where it is instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.durations import parse_duration
from bot.domain.language import N_
from bot.domain.localtime import is_known_zone
from bot.domain.schedule_rules import ScheduleProblem

T = TypeVar("T")
# The fault of a time zone's name, shared with the registrations' rows.
UNKNOWN_ZONE = N_("unknown time zone {zone} (use an IANA name such as Europe/Zurich)")


@dataclass
class Fields:
    """One table being read: typed getters that record a ScheduleProblem and return None on a bad value.

    Each fault is a msgid (a whole sentence for each kind of value) with the file's key and value as its fields,
    said in the reader's language where it is printed.
    """

    table: dict[str, Any]
    where: str
    problems: list[ScheduleProblem] = field(default_factory=list)

    def fault(self, name: str, message: str, **values: str) -> None:
        """A fault of key `name`: `message` is a msgid, `values` its fields."""
        self.problems.append(ScheduleProblem(self.where, name, message, values))

    def only(self, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in self.table:
            if key not in allowed:
                self.fault(key, N_("unknown key (expected one of: {keys})"), keys=", ".join(sorted(allowed)))

    def _typed(self, name: str, kind: type[T], wrong: str, required: bool) -> T | None:
        """The value if it is of `kind`; else the fault `wrong` (a msgid with `{value}`) and None."""
        if name not in self.table:
            if required:
                self.fault(name, N_("is missing"))
            return None
        value = self.table[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            self.fault(name, wrong, value=repr(value))
            return None
        return value

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self._typed(name, str, N_("must be text, not {value}"), required)
        if value is not None and not value.strip():
            self.fault(name, N_("must not be empty"))
            return None
        return value

    def flag(self, name: str) -> bool | None:
        return self._typed(name, bool, N_("must be true or false, not {value}"), False)

    def number(self, name: str, *, required: bool = False) -> int | None:
        return self._typed(name, int, N_("must be a whole number, not {value}"), required)

    def day(self, name: str, *, required: bool = False) -> date | None:
        return self._typed(name, date, N_("must be a date such as 2020-11-12, not {value}"), required)

    def instant(self, name: str, zone: str, *, required: bool = False) -> datetime | None:
        """A TOML date-time, in UTC: one without an offset is read in `zone` (the meeting's time)."""
        wrong = N_("must be a date and time such as 2020-10-31T23:59:59, not {value}")
        value = self._typed(name, datetime, wrong, required)
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=ZoneInfo(zone))
        return value.astimezone(UTC)

    def clock_time(self, name: str, *, required: bool = False) -> time | None:
        return self._typed(name, time, N_("must be a time such as 10:00:00, not {value}"), required)

    def texts(self, name: str) -> tuple[str, ...]:
        return self._list(name, str, (N_("must be a list of texts, not {value}"), N_("must be a list of texts")))

    def days(self, name: str) -> tuple[date, ...]:
        wrong = (N_("must be a list of dates, not {value}"), N_("must be a list of dates"))
        return self._list(name, date, wrong, required=True)

    def numbers(self, name: str) -> tuple[int, ...]:
        wrong = (N_("must be a list of whole numbers, not {value}"), N_("must be a list of whole numbers"))
        return self._list(name, int, wrong)

    def _list(self, name: str, kind: type[T], wrong: tuple[str, str], *, required: bool = False) -> tuple[T, ...]:
        """`wrong`: the faults of a value that is no list, and of a list holding something else."""
        value = self._typed(name, list, wrong[0], required)
        if value is None:
            return ()
        if not all(isinstance(item, kind) and not isinstance(item, bool) for item in value):
            self.fault(name, wrong[1])
            return ()
        return tuple(value)

    def duration(self, name: str) -> timedelta | None:
        raw = self.text(name)
        if raw is None:
            return None
        return self.parsed(name, raw, parse_duration, N_("must be a duration such as 90s, 3m or 1h30m, not {value}"))

    def zone(self, name: str, *, required: bool = False) -> str | None:
        raw = self.text(name, required=required)
        if raw is not None and not is_known_zone(raw):
            self.fault(name, UNKNOWN_ZONE, zone=repr(raw))
            return None
        return raw

    def table_of(self, name: str) -> dict[str, Any]:
        return self._typed(name, dict, N_("must be a table, not {value}"), False) or {}

    def tables(self, name: str) -> list[dict[str, Any]]:
        value = self._typed(name, list, N_("must be a list of tables, not {value}"), False) or []
        if not all(isinstance(item, dict) for item in value):
            self.fault(name, N_("must be a list of tables"))
            return []
        return value

    def parsed(self, name: str, raw: str, parse: Callable[[str], T | None], wrong: str, **values: str) -> T | None:
        """`raw` as `parse` reads it; else the fault `wrong`, a msgid with `{value}` (the raw text) and `values`."""
        value = parse(raw)
        if value is None:
            self.fault(name, wrong, value=repr(raw), **values)
        return value

    def child(self, table: dict[str, Any], where: str) -> Fields:
        """A nested table whose faults land in the same list."""
        return Fields(table, where, self.problems)


def unreadable(error: Exception) -> ScheduleProblem:
    """A file that cannot be read: the system's own reason (in its words) as a field of Podium's sentence."""
    return ScheduleProblem("file", "file", N_("cannot be read ({error})"), {"error": str(error)})


def syntax(error: Exception) -> ScheduleProblem:
    """A file that is not TOML: the parser's own words and position, which Podium cannot translate."""
    return ScheduleProblem("file", "syntax", str(error), verbatim=True)
