"""The report's attendance chapter: who registered and who took the floor, counted by category."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.queue.entries import Intervention
from bot.domain.settings import Category
from bot.formats.participants_list import ParticipantsList, sections
from bot.formats.report_draft import PARTICIPANTS_ANNEX, SPEAKERS_ANNEX, Draft
from bot.formats.word import joined, table
from bot.formats.wording import credited_to, sentence_start

# How a sentence counts each kind of delegation: one and several.
_NOUNS = {
    Category.MEMBER_STATE: ("Member State", "Member States"),
    Category.GROUP: ("group of States", "groups of States"),
    Category.OBSERVER_STATE: ("observer State", "observer States"),
    Category.UN_SYSTEM: ("United Nations entity", "United Nations entities"),
    Category.IGO: ("intergovernmental organization", "intergovernmental organizations"),
    Category.STAKEHOLDER: ("stakeholder organization", "stakeholder organizations"),
}
HEADER = ("Category", "Delegations registered", "Participants registered", "Delegations that took the floor")


def attendance(draft: Draft, lists: ParticipantsList, heard: Sequence[Intervention]) -> None:
    draft.chapter("Attendance")
    registered = _registered(lists)
    took_floor = _took_floor(draft, heard)
    people = sum(count for _, count in registered.values())
    if people:
        counted = _counted({c: len(d) for c, (d, _) in registered.items()})
        draft.say(
            f"{people:,} participants registered for the review, representing {counted} (annex {PARTICIPANTS_ANNEX})."
        )
    else:
        draft.say("The number of participants will be given once the registration list is loaded.")
    if took_floor:
        counted = _counted({c: len(d) for c, d in took_floor.items()})
        draft.say(f"Delegations of {counted} took the floor (annex {SPEAKERS_ANNEX}).")
    rows = [_row(c, registered, took_floor) for c in _NOUNS if c in registered or c in took_floor]
    if rows:
        table(draft.doc, HEADER, rows)


def _row(
    category: Category, registered: dict[Category, tuple[set[str], int]], took_floor: dict[Category, set[str]]
) -> tuple[str, ...]:
    delegations, people = registered.get(category, (set(), 0))
    floor = took_floor.get(category, set())
    return sentence_start(_NOUNS[category][1]), str(len(delegations)), str(people), str(len(floor))


def _registered(lists: ParticipantsList) -> dict[Category, tuple[set[str], int]]:
    """By category: the delegations registered and how many people (the secretariat is not counted)."""
    found: dict[Category, tuple[set[str], int]] = {}
    for _, delegations in sections(lists):
        for name, people in delegations:
            for person in people:
                if person.category in _NOUNS:
                    names, count = found.get(person.category, (set(), 0))
                    found[person.category] = (names | {name}, count + 1)
    return found


def _took_floor(draft: Draft, heard: Sequence[Intervention]) -> dict[Category, set[str]]:
    found: dict[Category, set[str]] = {}
    for intervention in heard:
        speaker = intervention.entry.speaker
        if speaker.time_category in _NOUNS:
            found.setdefault(speaker.time_category, set()).add(credited_to(speaker, draft.record.state_name))
    return found


def _counted(counts: dict[Category, int]) -> str:
    """'27 Member States, 1 observer State and 12 stakeholder organizations', in the order UN lists use."""
    parts = [f"{n:,} {_NOUNS[c][0] if n == 1 else _NOUNS[c][1]}" for c in _NOUNS if (n := counts.get(c, 0))]
    return joined(parts)
