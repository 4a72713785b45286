"""The shipped catalogs for tests: a translator per language, as the composition root builds them."""

from __future__ import annotations

from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.domain.language import Language
from bot.locales.catalogs import Catalogs, CatalogTranslator
from bot.services.views import View


def english() -> CatalogTranslator:
    return Catalogs()(Language.EN)


def speaking(language: str) -> CatalogTranslator:
    return Catalogs()(Language(language))


def plain(view: View) -> str:
    """A view as the console shows it, in English."""
    return render(view, PlainTimes(), english())
