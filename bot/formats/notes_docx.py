"""Session notes as a Word document: the HTML notes' content, with a native chart of speaking time by category."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from docx import Document
from docx.document import Document as WordDocument

from bot.domain.queue.entries import EntryKind, Intervention
from bot.formats.word import (
    CATEGORY_NAMES,
    duration,
    joined,
    note,
    page_numbers,
    plain,
    properties,
    run,
    table,
    when,
    who,
)
from bot.formats.word_chart import add_bar_chart
from bot.services.record import MeetingRecord, SessionRecord

SUBJECT = "Session notes"
NO_INTERVENTIONS = "No interventions were recorded in this session."
CHART_TITLE = "Speaking time by category (minutes)"


def notes_to_docx(record: MeetingRecord, *, generated_at: datetime) -> bytes:
    doc = Document()
    properties(doc, record.meeting.title, SUBJECT, generated_at)
    doc.add_heading(plain(record.meeting.title), level=0)
    doc.add_paragraph(SUBJECT, style="Subtitle")
    page_numbers(doc)
    for session in record.sessions:
        _session(doc, record, session)
    if not record.sessions:
        doc.add_paragraph(NO_INTERVENTIONS)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _session(doc: WordDocument, whole: MeetingRecord, record: SessionRecord) -> None:
    meeting, session = whole.meeting, record.session
    doc.add_heading(plain(session.title), level=1)
    doc.add_paragraph(when(meeting, session, utc=True) + ".")
    if session.moderators:
        doc.add_paragraph(f"Moderated by {joined([plain(whole.name_of(m)) for m in session.moderators])}.")
    for number in session.objectives:
        if objective := meeting.objective(number):
            doc.add_paragraph(f"Objective {number}: {plain(objective.title)}", style="List Bullet")
    if not record.interventions and not record.unheard:
        doc.add_paragraph(NO_INTERVENTIONS)
        return
    doc.add_heading("Speakers, in the order heard", level=2)
    heard = record.delivered
    for position, intervention in enumerate(heard, start=1):
        _speaker(doc, whole, record, position, intervention)
    if not heard:
        doc.add_paragraph("Nobody took the floor.")
    _written(doc, record)
    _unheard(doc, record)
    _session_notes(doc, record)
    _speaking_time(doc, record)


def _speaker(doc: WordDocument, whole: MeetingRecord, record: SessionRecord, position: int, said: Intervention) -> None:
    entry, speaker = said.entry, said.entry.speaker
    facts = [CATEGORY_NAMES[speaker.category]]
    if entry.kind is not EntryKind.STATEMENT:
        facts.append("point of order" if entry.kind is EntryKind.ORDER else entry.kind.value.replace("-", " "))
    facts += [f"{said.started_at.astimezone(whole.meeting.zone):%H:%M}", duration(said.duration)]
    if addressed := whole.objectives_of(said):
        facts.append(f"objective{'s' if len(addressed) > 1 else ''} {joined([str(n) for n in addressed])}")
    paragraph = doc.add_paragraph()
    run(paragraph, f"{position}. {who(speaker)}", bold=True)
    run(paragraph, ", " + ", ".join(facts) + (f"\n{said.statement}" if said.statement else ""))
    for remark in record.notes_on(said):
        note(doc, remark)


def _written(doc: WordDocument, record: SessionRecord) -> None:
    if written := record.written:
        doc.add_heading("Statements submitted in writing only", level=2)
    for intervention in written:
        paragraph = doc.add_paragraph()
        run(paragraph, who(intervention.entry.speaker), bold=True)
        run(paragraph, f"\n{intervention.statement or ''}")


def _unheard(doc: WordDocument, record: SessionRecord) -> None:
    if record.unheard:
        doc.add_heading("Inscribed but not heard", level=2)
        doc.add_paragraph(plain(", ".join(who(e.speaker) for e in record.unheard)) + ".")


def _session_notes(doc: WordDocument, record: SessionRecord) -> None:
    if notes := record.session_notes:
        doc.add_heading("Notes", level=2)
    for remark in notes:
        note(doc, remark)


def _speaking_time(doc: WordDocument, record: SessionRecord) -> None:
    by_category = record.time_by(lambda i: CATEGORY_NAMES[i.entry.speaker.time_category])
    by_delegation = record.time_by(lambda i: i.entry.speaker.delegation or i.entry.speaker.name)
    doc.add_heading("Speaking time", level=2)
    doc.add_paragraph(f"Total {duration(sum(by_category.values(), timedelta(0)))}; points of order are not counted.")
    if by_category:
        add_bar_chart(
            doc, doc.add_paragraph(), CHART_TITLE, [(k, v.total_seconds() / 60) for k, v in by_category.items()]
        )
    table(doc, ("Category", "Speaking time"), [(k, duration(v)) for k, v in by_category.items()])
    doc.add_paragraph()
    table(doc, ("Delegation", "Speaking time"), [(plain(k), duration(v)) for k, v in by_delegation.items()])
