"""The report's annexes: the list of participants, the speakers by session, the written submissions and statements."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.queue.entries import EntryKind, Intervention
from bot.domain.settings import Category
from bot.formats.participants_list import ParticipantsList, person_line, sections
from bot.formats.report_draft import (
    PARTICIPANTS_ANNEX,
    SPEAKERS_ANNEX,
    SUBMISSIONS_ANNEX,
    WRITTEN_ANNEX,
    Draft,
)
from bot.formats.word import day, duration, heading, paragraph, run, speaking_time, table, who
from bot.formats.wording import category_of, credited_to
from bot.services.record import SessionRecord

TIME_HEADER = ("Delegation", "Category", "Interventions", "Speaking time")
# The order in which UN reports list participants; the secretariat last, should it have taken the floor.
_GROUPS = (
    ("Member States", (Category.MEMBER_STATE, Category.GROUP)),
    ("Observer States", (Category.OBSERVER_STATE,)),
    ("Intergovernmental organizations and United Nations system", (Category.IGO, Category.UN_SYSTEM)),
    ("Stakeholders", (Category.STAKEHOLDER,)),
    ("Secretariat", (Category.SECRETARIAT,)),
)


def annexes(draft: Draft, lists: ParticipantsList) -> None:
    _participants(draft, lists)
    _speakers(draft)
    _submissions(draft)
    _written(draft)


def _participants(draft: Draft, lists: ParticipantsList) -> None:
    draft.annex(PARTICIPANTS_ANNEX, "List of participants")
    found = sections(lists)
    if not found:
        paragraph(draft.doc, "No registration list was loaded: give Podium the roster to list the participants.")
    for title, delegations in found:
        heading(draft.doc, title, level=2)
        for name, people in delegations:
            run(paragraph(draft.doc), name, bold=True)
            for person in people:
                paragraph(draft.doc, person_line(person))


def _speakers(draft: Draft) -> None:
    """Every intervention heard, session by session, then speaking time by delegation."""
    draft.annex(SPEAKERS_ANNEX, "Speakers by session")
    for record in draft.record.sessions:
        if record.delivered:
            heading(draft.doc, record.session.title, level=2)
        for intervention in record.delivered:
            speaker = who(intervention.entry.speaker, draft.record.state_name)
            facts = ", ".join(_facts(record, intervention))
            paragraph(draft.doc, f"{record.number_of(intervention)}. {speaker}, {facts}")
    heard = [i for s in draft.record.sessions for i in s.delivered]
    heading(draft.doc, "Speaking time by delegation", level=2)
    rows = _time_rows(draft, heard)
    if not rows:
        paragraph(draft.doc, "No delegation or stakeholder took the floor.")
        return
    lead = paragraph(draft.doc, "Points of order count no speaking time.")
    lead.paragraph_format.keep_with_next = True  # this line keeps with its table
    table(draft.doc, TIME_HEADER, rows)


def _facts(record: SessionRecord, intervention: Intervention) -> list[str]:
    entry = intervention.entry
    facts = [category_of(entry.speaker)]
    if entry.kind is not EntryKind.STATEMENT:
        facts.append("point of order" if entry.kind is EntryKind.ORDER else entry.kind.value.replace("-", " "))
    if cut := record.interrupted_by(intervention):
        facts.append(f"interrupting {cut.entry.speaker.name}")
    facts += [] if entry.speaker.verified else ["unverified participant"]
    if intervention.counts_for_time:  # a point of order has no time
        facts.append(duration(intervention.duration) if intervention.ended_at else "still speaking")
    return facts


def _time_rows(draft: Draft, heard: Sequence[Intervention]) -> list[str | tuple[str, ...]]:
    """Per delegation by its name (a group statement is the group's), grouped by category: a group label row,
    then delegation, category, count, time."""
    spoken: dict[str, list[Intervention]] = {}
    for i in heard:
        spoken.setdefault(credited_to(i.entry.speaker, draft.record.state_name), []).append(i)
    rows: list[str | tuple[str, ...]] = []
    for label, categories in _GROUPS:
        members = {d: said for d, said in spoken.items() if said[0].entry.speaker.time_category in categories}
        rows += [label] if members else []
        for delegation in sorted(members, key=str.casefold):
            said = members[delegation]
            rows.append((delegation, category_of(said[0].entry.speaker), *_count_and_time(said)))
    return [*rows, ("Total", "", *_count_and_time(heard))] if rows else []


def _count_and_time(said: Sequence[Intervention]) -> tuple[str, str]:
    """'2', '3 min 20 s'; a point of order is counted apart, with no time: '1 + 1 point of order', or
    '1 point of order' and '—' for a delegation that raised only that."""
    timed = [i for i in said if i.counts_for_time]
    orders = len(said) - len(timed)
    parts = [str(len(timed))] if timed else []
    parts += [f"{orders} point{'s' if orders > 1 else ''} of order"] if orders else []
    return " + ".join(parts), speaking_time(timed) if timed else "—"


def _submissions(draft: Draft) -> None:
    record = draft.record
    draft.annex(SUBMISSIONS_ANNEX, "Voluntary written submissions")
    if not record.submissions:
        paragraph(draft.doc, "No written submission was received.")
        return
    zone = record.meeting.zone
    ordered = sorted(record.submissions, key=lambda s: record.state_name(s.delegation))
    rows = [(record.state_name(s.delegation), day(s.received.astimezone(zone)), f"{s.words:,}") for s in ordered]
    table(draft.doc, ("Member State", "Received", "Words"), rows)
    paragraph(draft.doc, "The texts are published as received, each delegation's latest version.", italic=True)


def _written(draft: Draft) -> None:
    draft.annex(WRITTEN_ANNEX, "Statements submitted in writing only")
    written = [(s, s.published_written) for s in draft.record.sessions]
    for session, statements in written:
        if statements:
            heading(draft.doc, session.session.title, level=2)
        for statement in statements:
            said = paragraph(draft.doc)
            run(said, who(statement.entry.speaker, draft.record.state_name), bold=True)
            run(said, f"\n{statement.statement}")
    if not any(statements for _, statements in written):
        paragraph(draft.doc, "No statement was submitted in writing only.")
