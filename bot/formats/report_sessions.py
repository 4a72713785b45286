"""The report's chapter for each segment: when, who chaired, and by objective what was said and submitted."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.language import N_
from bot.domain.meeting import Objective, SessionKind
from bot.domain.queue.entries import Intervention
from bot.formats.report_draft import SPEAKERS_ANNEX, WRITTEN_ANNEX, Draft
from bot.formats.word import heading, joined, paragraph, when, who
from bot.formats.wording import titled
from bot.services.record import SessionRecord

NO_INTERVENTIONS = N_("No interventions were recorded in this segment.")


def session_chapter(draft: Draft, record: SessionRecord) -> None:
    meeting, session = draft.record.meeting, record.session
    draft.chapter(titled(session, draft.tr))
    draft.say(_held(draft, record))
    objectives = [o for n in session.objectives if (o := meeting.objective(n))]
    heard = list(record.delivered)
    if not heard:
        tr = draft.tr
        draft.say(tr.gettext("Nobody took the floor.") if record.interventions else tr.gettext(NO_INTERVENTIONS))
    # A roundtable nobody spoke in still has its objectives' written submissions to give.
    written = draft.record.submissions_on(session.objectives)
    if session.kind is SessionKind.ROUNDTABLE and objectives and (heard or written):
        _by_objective(draft, record, heard, objectives)
    else:
        _summarised(draft, record, heard)
    _after(draft, record)


def _held(draft: Draft, record: SessionRecord) -> str:
    """'The segment was held on Thursday 12 November 2020, 10:00–10:40 CET, chaired by …; it addressed …'."""
    meeting, session, tr = draft.record.meeting, record.session, draft.tr
    roundtable = session.kind is SessionKind.ROUNDTABLE
    held = (
        tr.gettext("The roundtable was held on {when}") if roundtable else tr.gettext("The segment was held on {when}")
    )
    text = held.format(when=when(meeting, session, tr=tr))
    chairs = [_person(draft, pid) for pid in session.moderators]
    text += tr.gettext(", moderated by {names}").format(names=joined(chairs, tr)) if chairs else ""
    numbers = [str(n) for n in session.objectives]
    if numbers:
        addressed = tr.ngettext(
            ". It addressed objective {numbers} of the Global Compact",
            ". It addressed objectives {numbers} of the Global Compact",
            len(numbers),
        )
        text += addressed.format(numbers=joined(numbers, tr))
    heard = record.delivered
    speakers = len({draft.summaries.who(i) for i in heard})
    if heard:
        took = tr.ngettext(
            "; {count} speaker took the floor (annex {annex})",
            "; {count} speakers took the floor (annex {annex})",
            speakers,
        )
        text += took.format(count=speakers, annex=SPEAKERS_ANNEX)
    return text + "."


def _person(draft: Draft, participant_id: str) -> str:
    """'Ana Sousa (Portugal)': a moderator by name and delegation, as the roster gives them."""
    found = next((p for p in draft.record.participants if p.id == participant_id), None)
    if found is None:
        return draft.record.name_of(participant_id)
    where = draft.record.state_name(found.delegation) if found.delegation else ""
    return f"{found.name} ({where})" if where else found.name


def _by_objective(
    draft: Draft, record: SessionRecord, heard: list[Intervention], objectives: Sequence[Objective]
) -> None:
    """A Heading 2 per objective: the interventions that addressed it (some address several), then the written
    submissions that did; then the interventions that named none of the session's objectives."""
    whole, tr = draft.record, draft.tr
    found = [(i, whole.objectives_of(i)) for i in heard]
    for objective in objectives:
        title = titled(objective, tr)
        heading(draft.doc, tr.gettext("Objective {number}: {title}").format(number=objective.number, title=title), 2)
        speakers = [i for i, numbers in found if objective.number in numbers]
        _summarised(draft, record, speakers)
        written = whole.submissions_on([objective.number])
        for submission in written:
            draft.say(draft.summaries.submission(submission, objective.number))
        if not speakers and not written:
            nothing = tr.gettext("No intervention or written submission referred to this objective.")
            paragraph(draft.doc, nothing, italic=True)
    covered = {o.number for o in objectives}
    others = [i for i, numbers in found if covered.isdisjoint(numbers)]
    if others:
        heading(draft.doc, tr.gettext("General and procedural interventions"), level=2)
        _summarised(draft, record, others)


def _summarised(draft: Draft, record: SessionRecord, interventions: Sequence[Intervention]) -> None:
    """A numbered paragraph per intervention with something to say it with; one for those without."""
    silent = []
    for intervention in interventions:
        notes, interrupted = record.notes_on(intervention), record.interrupted_by(intervention)
        said = draft.summaries.intervention(intervention, notes, interrupted)
        if said is None:
            silent.append(intervention)
        else:
            draft.say(said)
    if silent:
        draft.say(draft.summaries.also(silent))


def _after(draft: Draft, record: SessionRecord) -> None:
    """What closes a chapter: the session's own notes, who was not heard, where the written statements are."""
    for remark in record.session_notes:
        draft.say(remark.text.strip())
    tr = draft.tr
    if record.unheard:
        names = joined([who(e.speaker, draft.record.state_name, tr=tr) for e in record.unheard], tr)
        draft.say(tr.gettext("Inscribed but not heard: {names}.").format(names=names))
    if record.published_written:
        written = tr.gettext("Statements submitted in writing only are reproduced in annex {annex}.")
        draft.say(written.format(annex=WRITTEN_ANNEX))
