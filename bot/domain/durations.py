"""Durations as people write them (90s, 3m, 1h30m, -15m), and the bounds of durations and clock dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

MAX_DURATION = timedelta(hours=24)  # no limit, offset or jump in a meeting is longer; larger numbers are typos
CLOCK_YEARS = range(2000, 2101)  # a clock or rehearsal date outside these is a typo, and near year 1 overflows
_LONGEST_TEXT = 32  # longer text is never a duration within the bound; also keeps int() off huge digit strings
_PART = re.compile(r"(\d+)([hms])")
_WHOLE = re.compile(r"-?(\d+[hms])+")
_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> timedelta | None:
    """Read '3m', '90s', '1h30m' or '-15m'; None when the text is not a duration of at most 24h either way."""
    cleaned = text.strip().lower().replace(" ", "")
    if len(cleaned) > _LONGEST_TEXT or not _WHOLE.fullmatch(cleaned):
        return None
    seconds = sum(int(n) * _UNIT_SECONDS[unit] for n, unit in _PART.findall(cleaned))
    if seconds > MAX_DURATION.total_seconds():
        return None
    return timedelta(seconds=-seconds if cleaned.startswith("-") else seconds)


def plausible_date(day: date) -> bool:
    """Whether a clock or a rehearsal may be set to this date (years 2000–2100)."""
    return day.year in CLOCK_YEARS


def format_duration(span: timedelta) -> str:
    """The shortest readable form: '3m', '1h30m', '45s', '-15m', '0m'."""
    total = int(span.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{seconds}s" if seconds else ""]
    return sign + ("".join(parts) or "0m")
