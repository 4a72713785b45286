"""Session notes as a Word document: the HTML notes' content, with a native chart of speaking time by category."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from docx import Document
from docx.document import Document as WordDocument

from bot.domain.language import N_
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
from bot.formats.wording import category_in, credited_to, titled
from bot.services.record import MeetingRecord, SessionRecord
from bot.services.translation import Translator

SUBJECT = N_("Session notes")
NO_INTERVENTIONS = N_("No interventions were recorded in this session.")
CHART_TITLE = N_("Speaking time by category (minutes)")
# What the notes say of a request that is not a plain statement.
KINDS = {
    EntryKind.ORDER: N_("point of order"),
    EntryKind.REPLY: N_("reply"),
    EntryKind.QUESTION: N_("question"),
    EntryKind.RIGHT_OF_REPLY: N_("right of reply"),
}


def notes_to_docx(record: MeetingRecord, *, generated_at: datetime, tr: Translator) -> bytes:
    doc = Document()
    properties(doc, record.meeting.title, tr.gettext(SUBJECT), generated_at, tr)
    heading(doc, record.meeting.title, level=0)
    paragraph(doc, tr.gettext(SUBJECT), style="Subtitle")
    page_numbers(doc)
    for session in record.sessions:
        _session(doc, record, session, tr)
    if not record.sessions:
        paragraph(doc, tr.gettext(NO_INTERVENTIONS))
    a4(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _session(doc: WordDocument, whole: MeetingRecord, record: SessionRecord, tr: Translator) -> None:
    meeting, session = whole.meeting, record.session
    heading(doc, titled(session, tr), level=1)
    paragraph(doc, when(meeting, session, utc=True, tr=tr) + ".")
    if session.moderators:
        names = joined([whole.name_of(m) for m in session.moderators], tr)
        paragraph(doc, tr.gettext("Moderated by {names}.").format(names=names))
    for number in session.objectives:
        if objective := meeting.objective(number):
            line = tr.gettext("Objective {number}: {title}").format(number=number, title=titled(objective, tr))
            paragraph(doc, line, style="List Bullet")  # not user-facing: a Word style's name
    if not record.interventions and not record.unheard:
        paragraph(doc, tr.gettext(NO_INTERVENTIONS))
        return
    heading(doc, tr.gettext("Speakers, in the order heard"), level=2)
    heard = record.delivered
    for intervention in heard:  # numbered as /correct takes them: rt1:3 is the third heard
        _speaker(doc, whole, record, intervention, tr)
    if not heard:
        paragraph(doc, tr.gettext("Nobody took the floor."))
    _written(doc, record, whole, tr)
    _unheard(doc, record, whole, tr)
    _session_notes(doc, record, whole, tr)
    _speaking_time(doc, record, whole, tr)


def _speaker(
    doc: WordDocument, whole: MeetingRecord, record: SessionRecord, said: Intervention, tr: Translator
) -> None:
    entry, speaker = said.entry, said.entry.speaker
    facts = [category_in(speaker, tr)]
    if entry.kind in KINDS:
        facts.append(tr.gettext(KINDS[entry.kind]))
    if (cut := record.interrupted_by(said)) is not None:  # a point of order that took the floor at once
        facts.append(tr.gettext("interrupted {name}").format(name=cut.entry.speaker.name))
    facts.append(f"{said.started_at.astimezone(whole.meeting.zone):%H:%M}")
    facts += [duration(said.duration, tr)] if said.counts_for_time else []  # a point of order takes no speaking time
    if addressed := whole.objectives_of(said):
        numbers = joined([str(n) for n in addressed], tr)
        facts.append(tr.ngettext("objective {numbers}", "objectives {numbers}", len(addressed)).format(numbers=numbers))
    lead = paragraph(doc)
    run(lead, f"{record.number_of(said)}. {who(speaker, whole.state_name, tr=tr)}", bold=True)
    run(lead, ", " + ", ".join(facts) + (f"\n{said.statement}" if said.statement else ""))
    for remark in record.notes_on(said):
        note(doc, remark, whole.name_of(remark.author), tr=tr)
    if said.ruling is not None:
        ruled = paragraph(doc)
        run(ruled, tr.gettext("Ruling of the chair: "), italic=True)
        run(ruled, said.ruling)


def _written(doc: WordDocument, record: SessionRecord, whole: MeetingRecord, tr: Translator) -> None:
    if written := record.published_written:
        heading(doc, tr.gettext("Statements submitted in writing only"), level=2)
    for intervention in written:
        lead = paragraph(doc)
        speaker = who(intervention.entry.speaker, whole.state_name, tr=tr)
        run(lead, f"{record.number_of(intervention)}. {speaker}", bold=True)
        run(lead, f"\n{intervention.statement or ''}")


def _unheard(doc: WordDocument, record: SessionRecord, whole: MeetingRecord, tr: Translator) -> None:
    if record.unheard:
        heading(doc, tr.gettext("Inscribed but not heard"), level=2)
        paragraph(doc, ", ".join(who(e.speaker, whole.state_name, tr=tr) for e in record.unheard) + ".")


def _session_notes(doc: WordDocument, record: SessionRecord, whole: MeetingRecord, tr: Translator) -> None:
    if notes := record.session_notes:
        heading(doc, tr.gettext("Notes"), level=2)
    for remark in notes:
        note(doc, remark, whole.name_of(remark.author), tr=tr)


def _speaking_time(doc: WordDocument, record: SessionRecord, whole: MeetingRecord, tr: Translator) -> None:
    by_category = record.time_by(lambda i: category_in(i.entry.speaker, tr))
    by_delegation = record.time_by(lambda i: credited_to(i.entry.speaker, whole.state_name, tr=tr))
    heading(doc, tr.gettext("Speaking time"), level=2)
    total = duration(sum(by_category.values(), timedelta(0)), tr)
    paragraph(doc, tr.gettext("Total {time}; points of order are not counted.").format(time=total))
    if by_category:
        bars = [(k, v.total_seconds() / 60) for k, v in by_category.items()]
        add_bar_chart(doc, paragraph(doc), tr.gettext(CHART_TITLE), bars, tr.gettext("minutes"))
    speaking = tr.gettext("Speaking time")
    table(doc, (tr.gettext("Category"), speaking), [(k, duration(v, tr)) for k, v in by_category.items()])
    paragraph(doc)
    table(doc, (tr.gettext("Delegation"), speaking), [(k, duration(v, tr)) for k, v in by_delegation.items()])
