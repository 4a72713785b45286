"""How a speaker is named as a UN document names them: shared by the exports and the room's live page."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.language import N_
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category

# English msgids: translated where they are shown, `tr.gettext(CATEGORY_NAMES[category])`.
CATEGORY_NAMES = {
    Category.GROUP: N_("group of States"),
    Category.MEMBER_STATE: N_("Member State"),
    Category.OBSERVER_STATE: N_("observer State"),
    Category.IGO: N_("intergovernmental organization"),
    Category.UN_SYSTEM: N_("United Nations system"),
    Category.STAKEHOLDER: N_("stakeholder"),
    Category.SECRETARIAT: N_("secretariat"),
}
# Groups of States by the name a UN document gives them; any other group is written as the roster gives it.
GROUP_NAMES = {"EU": N_("the European Union")}


def group_name(group: str) -> str:
    return GROUP_NAMES.get(group, group)


def delegation_of(speaker: Speaker, state_name: Callable[[str], str]) -> str:
    """'Armenia'; 'Germany, on behalf of the European Union' for a group statement; '' for no delegation."""
    name = state_name(speaker.delegation) if speaker.delegation else ""
    if not speaker.group:
        return name
    group = group_name(speaker.group)
    return f"{name}, on behalf of {group}" if name else f"On behalf of {group}"


def category_of(speaker: Speaker) -> str:
    """The category a statement is made in: a group statement is a group of States' (as its time limit is)."""
    return CATEGORY_NAMES[speaker.time_category]
