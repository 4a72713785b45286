"""The catalogs against the code: every message extracted is translated in French and Russian, with the same
fields, compiled, and plural forms as each language needs them."""

from __future__ import annotations

import gettext
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.domain.language import Language
from bot.locales.catalogs import DOMAIN, LOCALE_DIR, Catalogs

BOT = Path(__file__).parents[2] / "bot"
TRANSLATED = (Language.FR, Language.RU)
Key = str | tuple[str, str]


def _extracted() -> dict[Key, str | tuple[str, ...]]:
    """What pybabel extract finds in the code now (as `python -m bot.locales` runs it), by msgid and context."""
    found: dict[Key, str | tuple[str, ...]] = {}
    for _, _, message, _, context in extract_from_dir(BOT, [("**.py", "python")]):
        key: Key = message[0] if isinstance(message, tuple) else message
        found[(context, key) if context else key] = message  # type: ignore[index]
    return found


def _catalog(language: Language) -> Catalog:
    with (LOCALE_DIR / language.value / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=language.value)


def _key(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return (message.context, msgid) if message.context else msgid


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _strings(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def test_the_code_has_messages_to_translate() -> None:
    assert len(_extracted()) > 300  # the test below is not vacuous: the renderers go through gettext


def test_no_message_is_both_plural_and_singular() -> None:
    """gettext keeps one entry per msgid: a message used both ways would go untranslated in one of them."""
    kinds: dict[Key, set[bool]] = {}
    for _, _, message, _, context in extract_from_dir(BOT, [("**.py", "python")]):
        msgid = message[0] if isinstance(message, tuple) else message
        kinds.setdefault((context, msgid) if context else msgid, set()).add(isinstance(message, tuple))
    assert not [key for key, seen in kinds.items() if len(seen) > 1]


@pytest.mark.parametrize("language", TRANSLATED, ids=str)
def test_every_message_in_the_code_is_translated_in_the_catalog(language: Language) -> None:
    catalog = {_key(m): m for m in _catalog(language) if m.id}
    missing = sorted(str(key) for key in _extracted() if key not in catalog)
    assert not missing, f"not in the {language} catalog (run python -m bot.locales, then translate): {missing[:20]}"
    untranslated = sorted(str(k) for k, m in catalog.items() if m.fuzzy or not all(_strings(m.string)))
    assert not untranslated, f"empty or fuzzy in the {language} catalog: {untranslated[:20]}"


@pytest.mark.parametrize("language", TRANSLATED, ids=str)
def test_every_translation_keeps_the_fields_of_its_message(language: Language) -> None:
    wrong = []
    for message in _catalog(language):
        if not message.id:
            continue
        wanted = set().union(*(_fields(text) for text in _strings(message.id)))
        for text in _strings(message.string):
            # A plural form may leave out {count} ("une minute"), never add or rename a field.
            if not _fields(text) <= wanted or (not isinstance(message.id, tuple) and _fields(text) != wanted):
                wrong.append((message.id, text))
    assert not wrong, f"fields differ in the {language} catalog: {wrong[:10]}"


@pytest.mark.parametrize("language", TRANSLATED, ids=str)
def test_the_compiled_catalog_is_the_translated_one(language: Language) -> None:
    """The committed .mo matches its .po: nobody forgot to compile before committing."""
    compiled = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language.value])
    stale = []
    for message in _catalog(language):
        if not message.id or isinstance(message.id, tuple):
            continue
        got = compiled.pgettext(message.context, message.id) if message.context else compiled.gettext(message.id)
        if got != message.string:
            stale.append(message.id)
    assert not stale, f"run python -m bot.locales to compile: {stale[:10]}"


def test_russian_has_three_plural_forms_and_french_counts_zero_as_one() -> None:
    ru, fr, en = Catalogs()(Language.RU), Catalogs()(Language.FR), Catalogs()(Language.EN)
    words = [ru.ngettext("{count} word", "{count} words", n).format(count=n) for n in (1, 2, 5, 21, 22, 11)]
    assert words == ["1 слово", "2 слова", "5 слов", "21 слово", "22 слова", "11 слов"]
    # "In 1 minute" is «Через 1 минуту»: after «через» the one-form is the accusative.
    minutes = [ru.ngettext("{count} minute", "{count} minutes", n).format(count=n) for n in (1, 3, 15)]
    assert minutes == ["1 минуту", "3 минуты", "15 минут"]
    assert [fr.ngettext("{count} word", "{count} words", n).format(count=n) for n in (0, 1, 2)] == [
        "0 mot",
        "1 mot",
        "2 mots",
    ]
    assert en.ngettext("{count} word", "{count} words", 0).format(count=0) == "0 words"


def test_dates_and_numbers_are_written_as_each_language_writes_them() -> None:
    from datetime import date

    day = date(2020, 11, 12)
    assert Catalogs()(Language.EN).date(day, "full") == "Thursday, 12 November 2020"
    assert Catalogs()(Language.FR).date(day, "full") == "jeudi 12 novembre 2020"
    assert Catalogs()(Language.RU).date(day, "full") == "четверг, 12 ноября 2020\u202fг."
    assert Catalogs()(Language.EN).number(4800) == "4,800"
    assert Catalogs()(Language.FR).number(4800.5, 1) == "4\u202f800,5"
    assert Catalogs()(Language.RU).number(4800) == "4\xa0800"
