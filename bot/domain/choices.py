"""What a participant chose for how Podium speaks to them: their own time zone (/zone) and language (/language)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.language import Language


@dataclass(frozen=True, slots=True)
class ReaderChoices:
    """None: not chosen, so the platform's locale, the roster, their capital or the meeting decides."""

    zone: str | None = None
    language: Language | None = None

    @property
    def empty(self) -> bool:
        return self.zone is None and self.language is None
