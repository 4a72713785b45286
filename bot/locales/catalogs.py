"""The shipped catalogs as translators: gettext for words and plurals, Babel for dates and numbers."""

from __future__ import annotations

import gettext
from datetime import date, datetime
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from bot.domain.language import Language

DOMAIN = "podium"
LOCALE_DIR = Path(__file__).parent
# UN documents are in British English: '12 November 2020', not 'November 12, 2020'.
_BABEL_LOCALES = {Language.EN: "en_GB", Language.FR: "fr", Language.RU: "ru"}
_FORMATS = ("full", "long", "medium", "short")


class CatalogTranslator:
    """One language's words (its compiled catalog; English is the msgids themselves) and formats."""

    def __init__(self, language: Language, words: gettext.NullTranslations) -> None:
        self.language = language
        self._words = words
        self._locale = _BABEL_LOCALES[language]

    def gettext(self, message: str) -> str:
        return self._words.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._words.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self._words.pgettext(context, message)

    def date(self, moment: date | datetime, skeleton: str) -> str:
        if skeleton in _FORMATS:
            return format_date(moment, skeleton, locale=self._locale)
        return format_skeleton(skeleton, moment, locale=self._locale)

    def number(self, value: float, decimals: int = 0) -> str:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, pattern, locale=self._locale)


class Catalogs:
    """Every language's translator, each read from its `.mo` file once, when first asked for."""

    def __init__(self, directory: Path = LOCALE_DIR) -> None:
        self.directory = directory
        self._loaded: dict[Language, CatalogTranslator] = {}  # this object's, not the module's: none outlives it

    def __call__(self, language: Language | None) -> CatalogTranslator:
        chosen = language or Language.EN
        if chosen not in self._loaded:
            self._loaded[chosen] = self._load(chosen)
        return self._loaded[chosen]

    def _load(self, language: Language) -> CatalogTranslator:
        if language is Language.EN:
            return CatalogTranslator(language, gettext.NullTranslations())
        words = gettext.translation(DOMAIN, self.directory, languages=[language.value])
        return CatalogTranslator(language, words)
