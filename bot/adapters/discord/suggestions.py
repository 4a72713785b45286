"""What Discord offers as someone types an option: sessions, days, zones, delegations and commands."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from datetime import date

from bot.domain.language import Language
from bot.services.core import Core
from bot.services.registry import ParamKind
from bot.services.translation import Translator

SHOWN = 25  # Discord shows at most 25 suggestions


class Suggestions:
    """(value, label) pairs matching what is typed so far, read from the running meeting (a reload shows at once);
    the labels in the language of the person typing (their Discord's)."""

    def __init__(self, core: Core, delegations: Sequence[str] = ()) -> None:
        self.core = core
        self.delegations = tuple(delegations)
        self._zones: tuple[str, ...] = ()

    def __call__(self, kind: ParamKind, typed: str, language: Language = Language.EN) -> list[tuple[str, str]]:
        candidates = self._candidates(kind, self.core.translations(language))
        found = [(value, label) for value, label in candidates if _matches(typed, value, label)]
        return found[:SHOWN]

    def _candidates(self, kind: ParamKind, tr: Translator) -> list[tuple[str, str]]:
        meeting = self.core.meeting
        if kind is ParamKind.SESSION:
            sessions = [(s.id, f"{s.id}: {s.title_in(tr.language)}") for s in meeting.sessions]
            return [*sessions, ("all", tr.gettext("all sessions"))]
        if kind is ParamKind.DAY:
            days = enumerate(meeting.days, 1)
            return [(str(n), tr.gettext("day {number}: {date}").format(number=n, date=_day(d, tr))) for n, d in days]
        if kind is ParamKind.ZONE:
            return [(zone, zone) for zone in self._all_zones()]
        if kind is ParamKind.DELEGATION:
            return [(code, code) for code in self.delegations]
        if kind is ParamKind.COMMAND:
            return [(spec.name, f"/{spec.name}: {tr.gettext(spec.summary)}") for spec in self.core.registry.commands]
        return []

    def _all_zones(self) -> tuple[str, ...]:
        if not self._zones:
            self._zones = tuple(sorted(zoneinfo.available_timezones()))
        return self._zones


def _day(day: date, tr: Translator) -> str:
    """'Thursday 12 November 2020' as it always read in English; the language's own full date in the others."""
    return f"{day:%A %d %B %Y}" if tr.language is Language.EN else tr.date(day, "full")


def _matches(typed: str, value: str, label: str) -> bool:
    wanted = typed.strip().lower()
    return not wanted or wanted in value.lower() or wanted in label.lower()
