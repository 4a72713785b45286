"""What Discord offers as someone types an option: sessions, days, zones, delegations and commands."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence

from bot.services.core import Core
from bot.services.registry import ParamKind

SHOWN = 25  # Discord shows at most 25 suggestions


class Suggestions:
    """(value, label) pairs matching what is typed so far, read from the running meeting (a reload shows at once)."""

    def __init__(self, core: Core, delegations: Sequence[str] = ()) -> None:
        self.core = core
        self.delegations = tuple(delegations)
        self._zones: tuple[str, ...] = ()

    def __call__(self, kind: ParamKind, typed: str) -> list[tuple[str, str]]:
        found = [(value, label) for value, label in self._candidates(kind) if _matches(typed, value, label)]
        return found[:SHOWN]

    def _candidates(self, kind: ParamKind) -> list[tuple[str, str]]:
        meeting = self.core.meeting
        if kind is ParamKind.SESSION:
            return [(s.id, f"{s.id}: {s.title}") for s in meeting.sessions] + [("all", "all sessions")]
        if kind is ParamKind.DAY:
            return [(str(number), f"day {number}: {day:%A %d %B %Y}") for number, day in enumerate(meeting.days, 1)]
        if kind is ParamKind.ZONE:
            return [(zone, zone) for zone in self._all_zones()]
        if kind is ParamKind.DELEGATION:
            return [(code, code) for code in self.delegations]
        if kind is ParamKind.COMMAND:
            return [(spec.name, f"/{spec.name}: {spec.summary}") for spec in self.core.registry.commands]
        return []

    def _all_zones(self) -> tuple[str, ...]:
        if not self._zones:
            self._zones = tuple(sorted(zoneinfo.available_timezones()))
        return self._zones


def _matches(typed: str, value: str, label: str) -> bool:
    wanted = typed.strip().lower()
    return not wanted or wanted in value.lower() or wanted in label.lower()
