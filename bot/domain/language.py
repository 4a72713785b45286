"""The working languages of the UNECE a reader may have: English, French and Russian."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name, which pybabel extracts
    """Mark a message for the catalogs where it is defined; it is translated where it is shown."""
    return message


class Words(Protocol):
    """What a message needs of a translator to be said (`bot.services.translation.Translator` is one)."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, count: int) -> str: ...


class _AsWritten:
    """English: the msgids themselves, for what is said before any reader's language is known."""

    __slots__ = ()

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural


AS_WRITTEN: Words = _AsWritten()


class Language(StrEnum):
    EN = "en"
    FR = "fr"
    RU = "ru"

    @property
    def own_name(self) -> str:
        """The language's name in itself, as a reader looks for it in a list."""
        return _OWN_NAMES[self]


_OWN_NAMES = {Language.EN: "English", Language.FR: "français", Language.RU: "русский"}
# What a person or a platform may write for each: codes, locales (Slack's "fr-FR", Discord's "ru"), names.
_SPELLINGS = {
    Language.EN: ("english", "anglais", "английский"),
    Language.FR: ("french", "français", "francais", "французский"),
    Language.RU: ("russian", "russe", "русский", "russkiy"),
}


def language_of(text: str | None) -> Language | None:
    """The language a code, a locale ('fr-FR', 'ru_RU', 'en-GB') or a name denotes; None for any other."""
    if not text:
        return None
    word = text.strip().casefold()
    code = word.replace("_", "-").split("-", 1)[0]
    for language in Language:
        if code == language.value or word in _SPELLINGS[language]:
            return language
    return None
