"""One wording for every export: who spoke as what, for whom, and for how long, as a UN document writes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.domain.naming import CATEGORY_NAMES, GROUP_NAMES, category_of, delegation_of, group_name
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category

# The naming shared with the live page lives in the domain; the exports import it from here as before.
__all__ = ["CATEGORY_NAMES", "GROUP_NAMES", "category_of", "delegation_of", "group_name"]


def credited_to(speaker: Speaker, state_name: Callable[[str], str]) -> str:
    """Whom speaking time and participation count for: the group for a group statement ('European Union'),
    else the delegation by its name, else the speaker."""
    if speaker.group:
        group = group_name(speaker.group)
        return group[4:] if group.startswith("the ") else group
    return state_name(speaker.delegation) if speaker.delegation else speaker.name


def duration(span: timedelta) -> str:
    """'3 min 20 s', '1 h 5 min', '45 s', '0 s': how every export writes a speaking time."""
    hours, rest = divmod(int(span.total_seconds()), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else "", f"{seconds} s" if seconds else ""]
    return " ".join(p for p in parts if p) or "0 s"


# States a UN document writes with "the" before them ("the representative of the Russian Federation").
_STATES_WITH_ARTICLE = ("Republic of", "Russian Federation", "United ", "Holy See", "Netherlands", "State of")


def with_article(name: str, *, state: bool) -> str:
    """'the Russian Federation', 'Armenia'; an organisation by its name takes 'the' ('the International
    Organization for Migration'), by its acronym none ('IOM')."""
    if name.startswith("the "):
        return name
    if state:
        return f"the {name}" if name.startswith(_STATES_WITH_ARTICLE) else name
    return name if name.isupper() and " " not in name else f"the {name}"


def speaker_as(speaker: Speaker, state_name: Callable[[str], str], title: str = "") -> str:
    """Who took the floor as a UN summary names them: 'the representative of Armenia', 'the observer for the
    Holy See', 'the European Union, speaking on behalf of its member States'; someone of no delegation by name."""
    if speaker.group:
        group = group_name(speaker.group)
        if group == GROUP_NAMES["EU"]:
            return f"{group}, speaking on behalf of its member States"
        state = state_name(speaker.delegation) if speaker.delegation else ""
        return (
            f"the representative of {with_article(state, state=True)}, speaking on behalf of {group}"
            if state
            else group
        )
    if speaker.category is Category.SECRETARIAT:
        return f"{speaker.name}, {title}" if title else f"{speaker.name}, for the secretariat"
    if not speaker.delegation:
        return speaker.name
    is_state = speaker.category in (Category.MEMBER_STATE, Category.OBSERVER_STATE)
    place = with_article(state_name(speaker.delegation), state=is_state)
    return (
        f"the observer for {place}" if speaker.category is Category.OBSERVER_STATE else f"the representative of {place}"
    )


def sentence_start(text: str) -> str:
    """The text with its first letter capitalised, to open a sentence."""
    return text[:1].upper() + text[1:]
