"""A schedule's languages: its announcements', its channels', and its titles in French and Russian."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from bot.config import BUNDLED
from bot.domain.language import N_, Language
from bot.domain.meeting import Meeting, Objective, Translation
from bot.domain.schedule_rules import ScheduleProblem
from bot.formats.fields import Fields

# An objective's titles in the other working languages, in the schedule or in the translations file it names.
TRANSLATION_KEYS = tuple(f"{code}{end}" for code in ("fr", "ru") for end in ("", "_official", "_label", "_source"))
TRANSLATIONS_FILE_KEYS = ("compact", "objective", "missing")
CODES = ", ".join(Language)
NOT_A_LANGUAGE = N_("must be a language code: {codes}, not {value}")


def translations(fields: Fields, title: str, official: str, label: str = "") -> tuple[Translation, ...]:
    """The French and Russian titles a table gives: official unless it says false (then shown marked)."""
    found = []
    for code in (Language.FR, Language.RU):
        text, flag = fields.text(title.format(code)), fields.flag(official.format(code))
        name = fields.text(label.format(code)) if label else None
        if label:
            fields.text(f"{code}_source")  # where the wording comes from: for the secretariat, checked as text
        if text is None:
            if flag is not None or name:
                fields.fault(title.format(code), N_("is missing (the other keys of this language need the title)"))
            continue
        found.append(Translation(code, text, name or "", official=flag is not False))
    return tuple(found)


def with_translations_file(
    head: Fields, objectives: tuple[Objective, ...], folder: Path, name: str
) -> tuple[Objective, ...]:
    """The objectives with the titles the translations file gives them (named relative to the schedule)."""
    given = _translations_file(head, _beside_or_shipped(folder, name), name)
    for number in sorted(given.keys() - {o.number for o in objectives}):
        lacking = N_("{file} translates objective {number}, which the schedule lacks")
        head.fault("objective_translations", lacking, file=name, number=str(number))
    merged = []
    for objective in objectives:
        extra = given.get(objective.number, ())
        for twice in sorted({t.language for t in extra} & {t.language for t in objective.translations}):
            # One source of truth: a title kept in two files would drift apart.
            repeated = N_("objective {number} has its {language} title twice")
            head.fault("objective_translations", repeated, number=str(objective.number), language=twice)
        merged.append(replace(objective, translations=objective.translations + extra))
    return tuple(merged)


def _beside_or_shipped(folder: Path, name: str) -> Path:
    """The file beside the schedule; else Podium's own, so a copy of a shipped schedule still finds its titles."""
    beside = folder / name
    return beside if beside.exists() or not (BUNDLED / name).exists() else BUNDLED / name


def _translations_file(head: Fields, path: Path, name: str) -> dict[int, tuple[Translation, ...]]:
    """Each objective's translations in the file, by number; its faults are named by the file's name."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        head.fault("objective_translations", N_("cannot be read ({error})"), error=str(error))
        return {}
    except tomllib.TOMLDecodeError as error:
        # The parser's own words, which Podium cannot translate, after the file's name.
        head.problems.append(ScheduleProblem(head.where, "objective_translations", f"{name}: {error}", verbatim=True))
        return {}
    top = head.child(raw, name)
    top.only(TRANSLATIONS_FILE_KEYS)
    compact = top.child(top.table_of("compact"), f"{name} compact")
    compact.only(("en", "fr", "ru", "fr_source", "ru_source"))
    missing = top.child(top.table_of("missing"), f"{name} missing")
    missing.only(("fr_title", "ru_title", "fr_label", "ru_label"))
    for key in compact.table:
        compact.text(key)
    for key in missing.table:
        missing.numbers(key)
    found: dict[int, tuple[Translation, ...]] = {}
    for i, table in enumerate(top.tables("objective")):
        fields = top.child(table, f"{name} objective #{i + 1}")
        fields.only(("number", *TRANSLATION_KEYS))
        number = fields.number("number", required=True)
        titles = translations(fields, "{}", "{}_official", "{}_label")
        if number in found:
            fields.fault("number", N_("objective {number} is translated twice"), number=str(number))
        elif number is not None:
            found[number] = titles
    return found


def meeting_language(head: Fields) -> Language:
    """The language of the meeting's announcements: English unless the schedule says otherwise."""
    raw = head.text("language")
    return (head.parsed("language", raw, _language, NOT_A_LANGUAGE, codes=CODES) if raw else None) or Language.EN


def _language(raw: str) -> Language | None:
    return Language(raw) if raw in set(Language) else None


def channel_languages(head: Fields) -> tuple[tuple[str, Language], ...]:
    """The channels whose announcements are in another language than the meeting's, e.g. a Russian roundtable."""
    pairs = []
    for channel, raw in head.table_of("channel_languages").items():
        key = f"channel_languages.{channel}"
        language = head.parsed(key, raw, _language, NOT_A_LANGUAGE, codes=CODES) if isinstance(raw, str) else None
        if not isinstance(raw, str):
            head.fault(key, NOT_A_LANGUAGE, codes=CODES, value=repr(raw))
        if language is not None:
            pairs.append((channel, language))
    return tuple(pairs)


def channels_known(head: Fields, meeting: Meeting) -> None:
    """A language set for a channel the meeting never uses is a typo that would silently do nothing."""
    for channel, _ in meeting.channel_languages:
        if channel not in meeting.channels:
            key = f"channel_languages.{channel}"
            if meeting.channels:
                used = ", ".join(meeting.channels)
                head.fault(key, N_("no session uses this channel (the schedule's: {channels})"), channels=used)
            else:
                head.fault(key, N_("no session uses this channel (the schedule's: none)"))
