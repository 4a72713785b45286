"""Helpers for the iCalendar tests: the shipped meetings, and ways to look inside an .ics."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

from bot.domain.meeting import Meeting
from bot.formats.schedule_toml import load_schedule_toml

SCHEDULES = Path(__file__).parents[2] / "bot" / "schedules"
STAMP = datetime(2020, 11, 1, 8, 0, tzinfo=UTC)
FILES = ["unece-gcm-review-2020", "harbour-forum-2027"]
ROUNDTABLES = {
    "rt1": "2,5,6,12,18",
    "rt2": "4,8,9,10,11,13,21",
    "rt3": "14,15,16,19,20,22",
    "rt4": "1,3,7,17,23",
}


def meeting_named(name: str = "unece-gcm-review-2020") -> Meeting:
    return load_schedule_toml(SCHEDULES / f"{name}.toml")


def events_of(ics: bytes) -> dict[str, dict[str, str]]:
    """Each VEVENT's properties as plain text, keyed by X-PODIUM-ID."""
    events = Calendar.from_ical(ics).events
    return {str(e["X-PODIUM-ID"]): {k: str(v) for k, v in e.items() if not isinstance(v, list)} for e in events}


def vtimezone_of(ics: bytes) -> str:
    text = ics.decode().replace("\r\n ", "").replace("\r\n", "\n")  # unfolded, one line per property
    return text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]


def same_sessions(ours: Meeting, theirs: Meeting) -> None:
    fields = ("id", "kind", "title", "start", "end", "objectives", "channel", "links", "moderators")
    for mine, back in zip(ours.sessions, theirs.sessions, strict=True):
        assert {f: getattr(back, f) for f in fields} == {f: getattr(mine, f) for f in fields}
