"""The words port: a reader's language as gettext and Babel give it, implemented in `bot.locales`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from bot.domain.language import Language


class Translator(Protocol):
    """Podium's words, plurals, dates and numbers in one language.

    Messages are English msgids with named `{fields}` filled after translation (`.format(...)`), so a
    translator may move them; `pybabel extract` finds every call by these method names.
    """

    language: Language

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form the language needs for `count` (Russian has three); `{count}` is left to fill."""
        ...

    def pgettext(self, context: str, message: str) -> str:
        """A message whose meaning depends on where it is shown (a button's 'Next' and a list's 'next')."""
        ...

    def date(self, moment: date | datetime, skeleton: str) -> str:
        """A date in the language's own order and names, from a CLDR skeleton ('yMMMMEEEEd', 'EEEEdMMMM')."""
        ...

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with the language's separators ('1,234.5', '1 234,5')."""
        ...


class Translations(Protocol):
    """The catalogs Podium ships: a translator for each language (None: English, the language of the msgids)."""

    def __call__(self, language: Language | None) -> Translator: ...
