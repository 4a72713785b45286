"""The language the command line speaks: `--lang` where an action has it, else PODIUM_LANG, else English.

Only what Podium prints is translated; argparse's help and usage errors stay in English (they are read before
the language is known).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain.language import Language

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.services.translation import Translator


def translator(options: argparse.Namespace, settings: Settings | None = None) -> Translator:
    """The translator for this run's messages."""
    from bot.locales.catalogs import Catalogs  # Babel, read only by an action that prints something

    chosen = getattr(options, "lang", None) or (settings.language if settings else None)
    return Catalogs()(chosen or Language.EN)


def english() -> Translator:
    """The msgids themselves: for callers that have no reader's language to give."""
    from bot.locales.catalogs import Catalogs

    return Catalogs()(Language.EN)


def day_and_time(tr: Translator, moment: datetime) -> str:
    """'05 November 2020 17:00 CET' in English as it always was; the language's own date otherwise."""
    if tr.language is Language.EN:
        return f"{moment:%d %B %Y %H:%M %Z}"
    return f"{tr.date(moment, 'dMMMMy')} {moment:%H:%M %Z}"
