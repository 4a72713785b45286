"""Session notes as a Word document: the HTML notes' content, with a native chart of speaking time by category."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from docx import Document
from docx.document import Document as WordDocument

from bot.domain.queue.entries import EntryKind, Intervention
from bot.formats.word import (
    a4,
    duration,
    heading,
    joined,
    note,
    page_numbers,
    paragraph,
    properties,
    run,
    table,
    when,
    who,
)
from bot.formats.word_chart import add_bar_chart
from bot.formats.wording import category_of, credited_to
from bot.services.record import MeetingRecord, SessionRecord

SUBJECT = "Session notes"
NO_INTERVENTIONS = "No interventions were recorded in this session."
CHART_TITLE = "Speaking time by category (minutes)"


def notes_to_docx(record: MeetingRecord, *, generated_at: datetime) -> bytes:
    doc = Document()
    properties(doc, record.meeting.title, SUBJECT, generated_at)
    heading(doc, record.meeting.title, level=0)
    paragraph(doc, SUBJECT, style="Subtitle")
    page_numbers(doc)
    for session in record.sessions:
        _session(doc, record, session)
    if not record.sessions:
        paragraph(doc, NO_INTERVENTIONS)
    a4(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _session(doc: WordDocument, whole: MeetingRecord, record: SessionRecord) -> None:
    meeting, session = whole.meeting, record.session
    heading(doc, session.title, level=1)
    paragraph(doc, when(meeting, session, utc=True) + ".")
    if session.moderators:
        paragraph(doc, f"Moderated by {joined([whole.name_of(m) for m in session.moderators])}.")
    for number in session.objectives:
        if objective := meeting.objective(number):
            paragraph(doc, f"Objective {number}: {objective.title}", style="List Bullet")
    if not record.interventions and not record.unheard:
        paragraph(doc, NO_INTERVENTIONS)
        return
    heading(doc, "Speakers, in the order heard", level=2)
    heard = record.delivered
    for intervention in heard:  # numbered as /correct takes them: rt1:3 is the third heard
        _speaker(doc, whole, record, record.number_of(intervention), intervention)
    if not heard:
        paragraph(doc, "Nobody took the floor.")
    _written(doc, record, whole)
    _unheard(doc, record, whole)
    _session_notes(doc, record, whole)
    _speaking_time(doc, record, whole)


def _speaker(doc: WordDocument, whole: MeetingRecord, record: SessionRecord, position: int, said: Intervention) -> None:
    entry, speaker = said.entry, said.entry.speaker
    facts = [category_of(speaker)]
    if entry.kind is not EntryKind.STATEMENT:
        facts.append("point of order" if entry.kind is EntryKind.ORDER else entry.kind.value.replace("-", " "))
    if (cut := record.interrupted_by(said)) is not None:  # a point of order that took the floor at once
        facts.append(f"interrupted {cut.entry.speaker.name}")
    facts.append(f"{said.started_at.astimezone(whole.meeting.zone):%H:%M}")
    facts += [duration(said.duration)] if said.counts_for_time else []  # a point of order takes no speaking time
    if addressed := whole.objectives_of(said):
        facts.append(f"objective{'s' if len(addressed) > 1 else ''} {joined([str(n) for n in addressed])}")
    lead = paragraph(doc)
    run(lead, f"{position}. {who(speaker, whole.state_name)}", bold=True)
    run(lead, ", " + ", ".join(facts) + (f"\n{said.statement}" if said.statement else ""))
    for remark in record.notes_on(said):
        note(doc, remark, whole.name_of(remark.author))
    if said.ruling is not None:
        ruled = paragraph(doc)
        run(ruled, "Ruling of the chair: ", italic=True)
        run(ruled, said.ruling)


def _written(doc: WordDocument, record: SessionRecord, whole: MeetingRecord) -> None:
    if written := record.published_written:
        heading(doc, "Statements submitted in writing only", level=2)
    for intervention in written:
        lead = paragraph(doc)
        run(lead, f"{record.number_of(intervention)}. {who(intervention.entry.speaker, whole.state_name)}", bold=True)
        run(lead, f"\n{intervention.statement or ''}")


def _unheard(doc: WordDocument, record: SessionRecord, whole: MeetingRecord) -> None:
    if record.unheard:
        heading(doc, "Inscribed but not heard", level=2)
        paragraph(doc, ", ".join(who(e.speaker, whole.state_name) for e in record.unheard) + ".")


def _session_notes(doc: WordDocument, record: SessionRecord, whole: MeetingRecord) -> None:
    if notes := record.session_notes:
        heading(doc, "Notes", level=2)
    for remark in notes:
        note(doc, remark, whole.name_of(remark.author))


def _speaking_time(doc: WordDocument, record: SessionRecord, whole: MeetingRecord) -> None:
    by_category = record.time_by(lambda i: category_of(i.entry.speaker))
    by_delegation = record.time_by(lambda i: credited_to(i.entry.speaker, whole.state_name))
    heading(doc, "Speaking time", level=2)
    paragraph(doc, f"Total {duration(sum(by_category.values(), timedelta(0)))}; points of order are not counted.")
    if by_category:
        add_bar_chart(doc, paragraph(doc), CHART_TITLE, [(k, v.total_seconds() / 60) for k, v in by_category.items()])
    table(doc, ("Category", "Speaking time"), [(k, duration(v)) for k, v in by_category.items()])
    paragraph(doc)
    table(doc, ("Delegation", "Speaking time"), [(k, duration(v)) for k, v in by_delegation.items()])
