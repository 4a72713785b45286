"""The report's attendance chapter: who registered and who took the floor, counted by category."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.language import N_
from bot.domain.queue.entries import Intervention
from bot.domain.settings import Category
from bot.formats.participants_list import ParticipantsList, sections
from bot.formats.report_draft import PARTICIPANTS_ANNEX, SPEAKERS_ANNEX, Draft
from bot.formats.word import joined, table
from bot.formats.wording import credited_to, sentence_start
from bot.services.translation import Translator

# The categories in the order UN lists use, each as the table's rows name it.
_ROWS = {
    Category.MEMBER_STATE: N_("Member States"),
    Category.GROUP: N_("Groups of States"),
    Category.OBSERVER_STATE: N_("Observer States"),
    Category.UN_SYSTEM: N_("United Nations entities"),
    Category.IGO: N_("Intergovernmental organizations"),
    Category.STAKEHOLDER: N_("Stakeholder organizations"),
}
HEADER = (
    N_("Category"),
    N_("Delegations registered"),
    N_("Participants registered"),
    N_("Delegations that took the floor"),
)


def attendance(draft: Draft, lists: ParticipantsList, heard: Sequence[Intervention]) -> None:
    tr = draft.tr
    draft.chapter(tr.gettext("Attendance"))
    registered = _registered(lists)
    took_floor = _took_floor(draft, heard)
    people = sum(count for _, count in registered.values())
    if people:
        counted = _counted({c: len(d) for c, (d, _) in registered.items()}, tr)
        said = tr.ngettext(
            # English writes 'participants' for one too, as the report always has.
            "{count} participants registered for the review, representing {counted} (annex {annex}).",
            "{count} participants registered for the review, representing {counted} (annex {annex}).",
            people,
        )
        draft.say(said.format(count=tr.number(people), counted=counted, annex=PARTICIPANTS_ANNEX))
    else:
        draft.say(tr.gettext("The number of participants will be given once the registration list is loaded."))
    if took_floor:
        counted = _counted({c: len(d) for c, d in took_floor.items()}, tr)
        said = tr.gettext("Delegations of {counted} took the floor (annex {annex}).")
        draft.say(said.format(counted=counted, annex=SPEAKERS_ANNEX))
    rows = [_row(c, registered, took_floor, tr) for c in _ROWS if c in registered or c in took_floor]
    if rows:
        table(draft.doc, [tr.gettext(h) for h in HEADER], rows)


def _row(
    category: Category,
    registered: dict[Category, tuple[set[str], int]],
    took_floor: dict[Category, set[str]],
    tr: Translator,
) -> tuple[str, ...]:
    delegations, people = registered.get(category, (set(), 0))
    floor = took_floor.get(category, set())
    return sentence_start(tr.gettext(_ROWS[category])), str(len(delegations)), str(people), str(len(floor))


def _registered(lists: ParticipantsList) -> dict[Category, tuple[set[str], int]]:
    """By category: the delegations registered and how many people (the secretariat is not counted)."""
    found: dict[Category, tuple[set[str], int]] = {}
    for _, delegations in sections(lists):
        for name, people in delegations:
            for person in people:
                if person.category in _ROWS:
                    names, count = found.get(person.category, (set(), 0))
                    found[person.category] = (names | {name}, count + 1)
    return found


def _took_floor(draft: Draft, heard: Sequence[Intervention]) -> dict[Category, set[str]]:
    found: dict[Category, set[str]] = {}
    for intervention in heard:
        speaker = intervention.entry.speaker
        if speaker.time_category in _ROWS:
            found.setdefault(speaker.time_category, set()).add(credited_to(speaker, draft.record.state_name, draft.tr))
    return found


def _counted(counts: dict[Category, int], tr: Translator) -> str:
    """'27 Member States, 1 observer State and 12 stakeholder organizations', in the order UN lists use."""
    parts = [_noun(c, n, tr).format(count=tr.number(n)) for c in _ROWS if (n := counts.get(c, 0))]
    return joined(parts, tr)


def _noun(category: Category, n: int, tr: Translator) -> str:
    """How a sentence counts one kind of delegation: '{count} Member State', '{count} Member States'."""
    if category is Category.MEMBER_STATE:
        return tr.ngettext("{count} Member State", "{count} Member States", n)
    if category is Category.GROUP:
        return tr.ngettext("{count} group of States", "{count} groups of States", n)
    if category is Category.OBSERVER_STATE:
        return tr.ngettext("{count} observer State", "{count} observer States", n)
    if category is Category.UN_SYSTEM:
        return tr.ngettext("{count} United Nations entity", "{count} United Nations entities", n)
    if category is Category.IGO:
        return tr.ngettext("{count} intergovernmental organization", "{count} intergovernmental organizations", n)
    return tr.ngettext("{count} stakeholder organization", "{count} stakeholder organizations", n)
