"""Reading who takes part: the member States list, and a roster exported from registration (TOML or CSV)."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from bot.domain.language import N_, Language
from bot.domain.participants import Directory, Level, MemberState, Participant, StateName
from bot.domain.schedule_rules import ScheduleInvalid, ScheduleProblem
from bot.domain.settings import Category
from bot.formats.fields import Fields, syntax, unreadable

E = TypeVar("E", Category, Level, Language)

PARTICIPANT_KEYS = ("id", "name", "delegation", "category", "level", "group", "roles", "timezone", "title", "language")


def load_directory(member_states: Path, roster: Path | None) -> Directory:
    """The Member States' names and the roster's participants (none without a roster)."""
    return Directory(load_member_states(member_states), load_roster(roster) if roster else ())


def load_member_states(path: Path) -> tuple[MemberState, ...]:
    fields = Fields(_toml(path), "file")
    fields.only(("state",))
    states = []
    for i, table in enumerate(fields.tables("state")):
        row = fields.child(table, f"state #{i + 1}")
        row.only(("iso", "name", "zone", *_NAMED))
        iso, name, zone = (
            row.text("iso", required=True),
            row.text("name", required=True),
            row.zone("zone", required=True),
        )
        if iso and name and zone:
            states.append(MemberState(iso.upper(), name, zone, _names(row)))
    if fields.problems:
        raise ScheduleInvalid(str(path), fields.problems)
    return tuple(states)


# Each other working language's short name and its "of" form: `fr`, `fr_of`, `ru`, `ru_of`.
_LANGUAGES = (Language.FR, Language.RU)
_NAMED = tuple(key for language in _LANGUAGES for key in (language.value, f"{language.value}_of"))


def _names(row: Fields) -> tuple[StateName, ...]:
    """The names the list gives in French and Russian; a name without its "of" form is a fault."""
    found = []
    for language in _LANGUAGES:
        name, of = row.text(language.value), row.text(f"{language.value}_of")
        if name and of:
            found.append(StateName(language, name, of))
        elif name or of:
            row.fault(f"{language.value}_of" if name else language.value, N_("is missing"))
    return tuple(found)


def load_roster(path: Path) -> tuple[Participant, ...]:
    """Participants from `[[participant]]` tables, or from a CSV with the same column names (roles space-separated)."""
    if path.suffix.lower() == ".csv":
        tables = _csv_rows(path)
    else:
        top = Fields(_toml(path), "file")
        top.only(("participant",))
        if top.problems:
            raise ScheduleInvalid(str(path), top.problems)
        tables = top.tables("participant")
    problems: list[ScheduleProblem] = []
    participants = [p for i, t in enumerate(tables) if (p := _participant(Fields(t, _where(t, i), problems)))]
    seen: set[str] = set()
    for participant in participants:
        if participant.id in seen:
            problems.append(ScheduleProblem(f"participant {participant.id}", "id", N_("appears twice")))
        seen.add(participant.id)
    if problems:
        raise ScheduleInvalid(str(path), problems)
    return tuple(participants)


def _participant(row: Fields) -> Participant | None:
    row.only(PARTICIPANT_KEYS)
    category = _choice(row, "category", Category, Category.STAKEHOLDER)
    level = _choice(row, "level", Level, Level.OTHER)
    pid, name = row.text("id", required=True), row.text("name", required=True)
    # The language the participant registered in (en, fr, ru); none: their platform's, else the meeting's.
    language = _choice(row, "language", Language, Language.EN) if row.text("language") else None
    if not (pid and name and category and level) or (row.text("language") and language is None):
        return None
    return Participant(
        id=pid,
        name=name,
        delegation=row.text("delegation"),
        category=category,
        level=level,
        group=row.text("group"),
        roles=row.texts("roles"),
        timezone=row.zone("timezone"),
        title=row.text("title") or "",
        language=language,
    )


def _choice(row: Fields, name: str, kind: type[E], default: E) -> E | None:
    raw = row.text(name)
    if raw is None:
        return default
    if raw not in {member.value for member in kind}:
        known = ", ".join(m.value for m in kind)
        row.fault(name, N_("unknown {field} {value} (one of: {known})"), field=name, value=repr(raw), known=known)
        return None
    return kind(raw)


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    # utf-8-sig: spreadsheets often save a byte-order mark.
    text = _read(path, "utf-8-sig")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        cleaned: dict[str, Any] = {k.strip(): v.strip() for k, v in row.items() if k and v and v.strip()}
        if "roles" in cleaned:
            cleaned["roles"] = cleaned["roles"].replace(";", " ").split()
        rows.append(cleaned)
    return rows


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(_read(path, "utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ScheduleInvalid(str(path), [syntax(error)]) from None


def _read(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as error:
        raise ScheduleInvalid(str(path), [unreadable(error)]) from None


def _where(table: dict[str, Any], index: int) -> str:
    return f"participant {table.get('id') or '#' + str(index + 1)}"
