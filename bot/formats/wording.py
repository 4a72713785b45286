"""One wording for every export: who spoke as what, for whom, and for how long, as a UN document writes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category

CATEGORY_NAMES = {
    Category.GROUP: "group of States",
    Category.MEMBER_STATE: "Member State",
    Category.OBSERVER_STATE: "observer State",
    Category.IGO: "intergovernmental organization",
    Category.UN_SYSTEM: "United Nations system",
    Category.STAKEHOLDER: "stakeholder",
    Category.SECRETARIAT: "secretariat",
}
# Groups of States by the name a UN document gives them; any other group is written as the roster gives it.
GROUP_NAMES = {"EU": "the European Union"}


def group_name(group: str) -> str:
    return GROUP_NAMES.get(group, group)


def delegation_of(speaker: Speaker, state_name: Callable[[str], str]) -> str:
    """'Armenia'; 'Germany, on behalf of the European Union' for a group statement; '' for no delegation."""
    name = state_name(speaker.delegation) if speaker.delegation else ""
    if not speaker.group:
        return name
    group = group_name(speaker.group)
    return f"{name}, on behalf of {group}" if name else f"On behalf of {group}"


def credited_to(speaker: Speaker, state_name: Callable[[str], str]) -> str:
    """Whom speaking time and participation count for: the group for a group statement ('European Union'),
    else the delegation by its name, else the speaker."""
    if speaker.group:
        group = group_name(speaker.group)
        return group[4:] if group.startswith("the ") else group
    return state_name(speaker.delegation) if speaker.delegation else speaker.name


def category_of(speaker: Speaker) -> str:
    """The category a statement is made in: a group statement is a group of States' (as its time limit is)."""
    return CATEGORY_NAMES[speaker.time_category]


def duration(span: timedelta) -> str:
    """'3 min 20 s', '1 h 5 min', '45 s', '0 s': how every export writes a speaking time."""
    hours, rest = divmod(int(span.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else "", f"{seconds} s" if seconds else ""]
    return " ".join(p for p in parts if p) or "0 s"
