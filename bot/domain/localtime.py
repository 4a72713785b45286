"""A moment seen from a place: local clock time, UTC offset, and whether it falls in the night there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

NIGHT_ENDS = time(7, 0)


def is_known_zone(name: str) -> bool:
    """True for a zone the tz database knows (links such as Europe/Kiev included)."""
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True


def is_night(moment: datetime, zone: ZoneInfo) -> bool:
    """00:00 to 06:59 local: the hours a delegate would have to get up for."""
    return moment.astimezone(zone).time() < NIGHT_ENDS


@dataclass(frozen=True, slots=True)
class LocalSpan:
    """A session's start and end as seen in one zone."""

    start: datetime
    end: datetime

    @classmethod
    def of(cls, start: datetime, end: datetime, zone: ZoneInfo) -> LocalSpan:
        return cls(start.astimezone(zone), end.astimezone(zone))

    @property
    def crosses_midnight(self) -> bool:
        return self.end.date() != self.start.date() and self.end.time() != time(0)

    @property
    def in_night(self) -> bool:
        """Any part of the span inside 00:00–06:59 local, on any of the days it touches."""
        start, end = self.start.replace(tzinfo=None), self.end.replace(tzinfo=None)
        day = start.date()
        while day <= end.date():
            night_start = datetime.combine(day, time(0))
            if start < datetime.combine(day, NIGHT_ENDS) and end > night_start:
                return True
            day += timedelta(days=1)
        return False


def utc_offset_label(moment: datetime, zone: ZoneInfo) -> str:
    """'UTC+06:00' for Almaty on 12 November 2020, 'UTC-05:00' for New York."""
    offset = moment.astimezone(zone).utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
