"""Durations as people write them in schedules and commands: 90s, 3m, 1h30m, -15m."""

from __future__ import annotations

import re
from datetime import timedelta

_PART = re.compile(r"(\d+)([hms])")
_WHOLE = re.compile(r"-?(\d+[hms])+")
_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> timedelta | None:
    """Read '3m', '90s', '1h30m' or '-15m'; None when the text is not a duration."""
    cleaned = text.strip().lower().replace(" ", "")
    if not _WHOLE.fullmatch(cleaned):
        return None
    seconds = sum(int(n) * _UNIT_SECONDS[unit] for n, unit in _PART.findall(cleaned))
    return timedelta(seconds=-seconds if cleaned.startswith("-") else seconds)


def format_duration(span: timedelta) -> str:
    """The shortest readable form: '3m', '1h30m', '45s', '-15m', '0m'."""
    total = int(span.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{seconds}s" if seconds else ""]
    return sign + ("".join(parts) or "0m")
