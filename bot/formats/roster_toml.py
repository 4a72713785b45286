"""A roster written as Podium's TOML (`[[participant]]` tables), as `load_roster` reads it back."""

from __future__ import annotations

import json
from collections.abc import Iterable

from bot.domain.participants import Level, Participant
from bot.domain.settings import Category

# not user-facing: comments of a TOML file for the secretariat's editor, English like the schedules'
HEADER = """\
# A Podium roster, written by `podium roster import` from {source}.
# id: the platform user id (Slack U…, or the console name): replace e-mail addresses by them before the meeting.
# category: member-state | observer-state | igo | un-system | stakeholder | secretariat
# level: head-of-state | head-of-government | minister | vice-minister | ambassador | other
"""


def roster_toml(participants: Iterable[Participant], source: str) -> str:
    """Each participant as a `[[participant]]` table; fields left at their defaults are left out."""
    tables = [_table(p) for p in participants]
    return HEADER.format(source=" ".join(source.split())) + "".join(f"\n{table}" for table in tables)


def _table(person: Participant) -> str:
    fields: list[tuple[str, str | tuple[str, ...] | None]] = [
        ("id", person.id),
        ("name", person.name),
        ("delegation", person.delegation),
        ("category", person.category.value if person.category is not Category.STAKEHOLDER else None),
        ("level", person.level.value if person.level is not Level.OTHER else None),
        ("group", person.group),
        ("roles", person.roles or None),
        ("timezone", person.timezone),
        ("title", person.title or None),
    ]
    lines = ["[[participant]]"] + [f"{key} = {_value(value)}" for key, value in fields if value is not None]
    return "\n".join(lines) + "\n"


def _value(value: str | tuple[str, ...]) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_string(v) for v in value) + "]"
    return _string(value)


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, DEL aside."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
