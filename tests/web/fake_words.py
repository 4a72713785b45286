"""Translations that mark every message with its language, to see which language a page was rendered in."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.language import Language


class MarkedTranslator:
    """'[ru] Has the floor': the English message, its fields intact, marked with the language asked for."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def gettext(self, message: str) -> str:
        return f"[{self.language.value}] {message}"

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.gettext(singular if count == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def date(self, moment: date | datetime, skeleton: str) -> str:
        return f"[{self.language.value}] {moment.isoformat()}"

    def number(self, value: float, decimals: int = 0) -> str:
        return f"{value:.{decimals}f}"


class MarkedTranslations:
    def __call__(self, language: Language) -> MarkedTranslator:
        return MarkedTranslator(language)
