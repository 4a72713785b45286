"""The report's annexes: the list of participants, the speakers by session, the written submissions and statements."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.language import N_
from bot.domain.queue.entries import EntryKind, Intervention
from bot.domain.settings import Category
from bot.formats.participants_list import ParticipantsList, person_line, section_title, sections
from bot.formats.report_draft import (
    PARTICIPANTS_ANNEX,
    SPEAKERS_ANNEX,
    SUBMISSIONS_ANNEX,
    WRITTEN_ANNEX,
    Draft,
)
from bot.formats.word import day, duration, heading, paragraph, run, speaking_time, table, who
from bot.formats.wording import category_in, credited_to, sort_key, titled
from bot.services.record import SessionRecord
from bot.services.translation import Translator

TIME_HEADER = (N_("Delegation"), N_("Category"), N_("Interventions"), N_("Speaking time"))
# The order in which UN reports list participants; the secretariat last, should it have taken the floor.
_GROUPS = (
    (N_("Member States"), (Category.MEMBER_STATE, Category.GROUP)),
    (N_("Observer States"), (Category.OBSERVER_STATE,)),
    (N_("Intergovernmental organizations and United Nations system"), (Category.IGO, Category.UN_SYSTEM)),
    (N_("Stakeholders"), (Category.STAKEHOLDER,)),
    (N_("Secretariat"), (Category.SECRETARIAT,)),
)
# What the speakers' annex says of a request that is not a plain statement.
_KINDS = {
    EntryKind.ORDER: N_("point of order"),
    EntryKind.REPLY: N_("reply"),
    EntryKind.QUESTION: N_("question"),
    EntryKind.RIGHT_OF_REPLY: N_("right of reply"),
}


def annexes(draft: Draft, lists: ParticipantsList) -> None:
    _participants(draft, lists)
    _speakers(draft)
    _submissions(draft)
    _written(draft)


def _participants(draft: Draft, lists: ParticipantsList) -> None:
    tr = draft.tr
    draft.annex(PARTICIPANTS_ANNEX, tr.gettext("List of participants"))
    found = sections(lists)
    if not found:
        none = tr.gettext("No registration list was loaded: give Podium the roster to list the participants.")
        paragraph(draft.doc, none)
    for title, delegations in found:
        heading(draft.doc, section_title(title, tr), level=2)
        for name, people in delegations:
            run(paragraph(draft.doc), name, bold=True)
            for person in people:
                paragraph(draft.doc, person_line(person))


def _speakers(draft: Draft) -> None:
    """Every intervention heard, session by session, then speaking time by delegation."""
    tr = draft.tr
    draft.annex(SPEAKERS_ANNEX, tr.gettext("Speakers by session"))
    for record in draft.record.sessions:
        if record.delivered:
            heading(draft.doc, titled(record.session, tr), level=2)
        for intervention in record.delivered:
            speaker = who(intervention.entry.speaker, draft.record.state_name, tr=tr)
            facts = ", ".join(_facts(record, intervention, tr))
            paragraph(draft.doc, f"{record.number_of(intervention)}. {speaker}, {facts}")
    heard = [i for s in draft.record.sessions for i in s.delivered]
    heading(draft.doc, tr.gettext("Speaking time by delegation"), level=2)
    rows = _time_rows(draft, heard)
    if not rows:
        paragraph(draft.doc, tr.gettext("No delegation or stakeholder took the floor."))
        return
    lead = paragraph(draft.doc, tr.gettext("Points of order count no speaking time."))
    lead.paragraph_format.keep_with_next = True  # this line keeps with its table
    table(draft.doc, [tr.gettext(h) for h in TIME_HEADER], rows)


def _facts(record: SessionRecord, intervention: Intervention, tr: Translator) -> list[str]:
    entry = intervention.entry
    facts = [category_in(entry.speaker, tr)]
    if entry.kind in _KINDS:
        facts.append(tr.gettext(_KINDS[entry.kind]))
    if cut := record.interrupted_by(intervention):
        facts.append(tr.gettext("interrupting {name}").format(name=cut.entry.speaker.name))
    facts += [] if entry.speaker.verified else [tr.gettext("unverified participant")]
    if intervention.counts_for_time:  # a point of order has no time
        facts.append(duration(intervention.duration, tr) if intervention.ended_at else tr.gettext("still speaking"))
    return facts


def _time_rows(draft: Draft, heard: Sequence[Intervention]) -> list[str | tuple[str, ...]]:
    """Per delegation by its name (a group statement is the group's), grouped by category: a group label row,
    then delegation, category, count, time."""
    tr = draft.tr
    spoken: dict[str, list[Intervention]] = {}
    for i in heard:
        spoken.setdefault(credited_to(i.entry.speaker, draft.record.state_name, tr=tr), []).append(i)
    rows: list[str | tuple[str, ...]] = []
    for label, categories in _GROUPS:
        members = {d: said for d, said in spoken.items() if said[0].entry.speaker.time_category in categories}
        rows += [tr.gettext(label)] if members else []
        for delegation in sorted(members, key=lambda name: sort_key(name, tr)):
            said = members[delegation]
            rows.append((delegation, category_in(said[0].entry.speaker, tr), *_count_and_time(said, tr)))
    return [*rows, (tr.gettext("Total"), "", *_count_and_time(heard, tr))] if rows else []


def _count_and_time(said: Sequence[Intervention], tr: Translator) -> tuple[str, str]:
    """'2', '3 min 20 s'; a point of order is counted apart, with no time: '1 + 1 point of order', or
    '1 point of order' and '—' for a delegation that raised only that."""
    timed = [i for i in said if i.counts_for_time]
    orders = len(said) - len(timed)
    parts = [str(len(timed))] if timed else []
    parts += (
        [tr.ngettext("{count} point of order", "{count} points of order", orders).format(count=orders)]
        if orders
        else []
    )
    return " + ".join(parts), speaking_time(timed, tr) if timed else "—"


def _submissions(draft: Draft) -> None:
    record = draft.record
    tr = draft.tr
    draft.annex(SUBMISSIONS_ANNEX, tr.gettext("Voluntary written submissions"))
    if not record.submissions:
        paragraph(draft.doc, tr.gettext("No written submission was received."))
        return
    zone = record.meeting.zone
    ordered = sorted(record.submissions, key=lambda s: record.state_name(s.delegation))
    rows = [
        (record.state_name(s.delegation), day(s.received.astimezone(zone), tr), tr.number(s.words)) for s in ordered
    ]
    table(draft.doc, (tr.gettext("Member State"), tr.gettext("Received"), tr.gettext("Words")), rows)
    published = tr.gettext("The texts are published as received, each delegation's latest version.")
    paragraph(draft.doc, published, italic=True)


def _written(draft: Draft) -> None:
    tr = draft.tr
    draft.annex(WRITTEN_ANNEX, tr.gettext("Statements submitted in writing only"))
    written = [(s, s.published_written) for s in draft.record.sessions]
    for session, statements in written:
        if statements:
            heading(draft.doc, titled(session.session, tr), level=2)
        for statement in statements:
            said = paragraph(draft.doc)
            run(said, who(statement.entry.speaker, draft.record.state_name, tr=tr), bold=True)
            run(said, f"\n{statement.statement}")
    if not any(statements for _, statements in written):
        paragraph(draft.doc, tr.gettext("No statement was submitted in writing only."))
