"""Session notes as Markdown: who spoke in what order, for how long, on which objectives, and what was written."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.domain.language import N_, Language
from bot.domain.meeting import Meeting
from bot.domain.queue.entries import EntryKind, Intervention, Speaker
from bot.formats.markdown_text import markdown_line as _text
from bot.formats.wording import category_in, credited_to, delegation_in, duration, titled
from bot.services.record import MeetingRecord, SessionRecord
from bot.services.translation import Translator

NOTES, SPEAKING_TIME, TOTAL = N_("Notes"), N_("Speaking time"), N_("Total {time}.")
# What the notes say of a request that is not a plain statement.
KINDS = {
    EntryKind.ORDER: N_("point of order"),
    EntryKind.RIGHT_OF_REPLY: N_("right of reply"),
    EntryKind.REPLY: N_("reply"),
    EntryKind.QUESTION: N_("question"),
}


def notes_to_markdown(record: MeetingRecord, tr: Translator) -> str:
    meeting = record.meeting
    parts = [f"# {_text(meeting.title)}", ""]
    for session in record.sessions:
        parts += _session(meeting, session, record, tr)
    return "\n".join(parts).rstrip() + "\n"


def local_day(moment: date, tr: Translator) -> str:
    """'Thursday 12 November 2020' (English as the notes always wrote it, day zero-padded), 'jeudi 12 novembre 2020'."""
    return f"{moment:%A %d %B %Y}" if tr.language is Language.EN else tr.date(moment, "full")


def _session(meeting: Meeting, record: SessionRecord, whole: MeetingRecord, tr: Translator) -> list[str]:
    session, zone = record.session, ZoneInfo(meeting.timezone)
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    lines = [
        f"## {_text(titled(session, tr))}",
        "",
        f"{local_day(start, tr)}, {start:%H:%M}–{end:%H:%M} {meeting.timezone} "
        f"({session.start:%H:%M}–{session.end:%H:%M} UTC)",
        "",
    ]
    if session.moderators:
        names = ", ".join(_text(whole.name_of(m)) for m in session.moderators)
        lines += [tr.gettext("Moderated by {names}.").format(names=names), ""]
    objectives = [o for n in session.objectives if (o := meeting.objective(n))]
    objective = tr.gettext("Objective {number}: {title}")
    lines += [f"- {objective.format(number=o.number, title=_text(titled(o, tr)))}" for o in objectives]
    lines += [""] if objectives else []
    heard = list(record.delivered)
    if not heard and not record.unheard and not record.interventions:
        return [*lines, tr.gettext("No interventions were recorded in this session."), ""]
    in_order = tr.gettext("Speakers, in the order heard")
    lines += [f"### {in_order}", ""]
    lines += [_speaker_line(meeting, i, record, whole, tr) for i in heard] or [tr.gettext("Nobody took the floor.")]
    lines += _written(record, whole, tr) + _unheard(record, whole, tr)
    lines += _session_notes(record, whole, tr) + _times(record, whole, tr)
    return [*lines, ""]


def _speaker_line(
    meeting: Meeting, intervention: Intervention, record: SessionRecord, whole: MeetingRecord, tr: Translator
) -> str:
    entry, speaker = intervention.entry, intervention.entry.speaker
    zone = ZoneInfo(meeting.timezone)
    kind = f" — {tr.gettext(KINDS[entry.kind])}" if entry.kind in KINDS else ""
    if (cut := record.interrupted_by(intervention)) is not None:  # a point of order that took the floor at once
        kind += ", " + tr.gettext("interrupted {name}").format(name=_text(cut.entry.speaker.name))
    started = intervention.started_at.astimezone(zone)
    # A point of order: no time.
    spoke = f", {duration(intervention.duration, tr)}" if intervention.counts_for_time else ""
    line = (
        f"{record.number_of(intervention)}. **{_who(speaker, whole, tr)}**, {category_in(speaker, tr)}{kind}, "
        f"{started:%H:%M}{spoke}"
    )
    addressed = whole.objectives_of(intervention)
    if addressed:
        numbers = ", ".join(map(str, addressed))
        label = tr.ngettext("objective {numbers}", "objectives {numbers}", len(addressed))
        line += f" ({label.format(numbers=numbers)})"
    if intervention.statement:
        line += f"\n   > {_text(intervention.statement)}"
    notes = record.notes_on(intervention)
    by = tr.gettext("Note by {author}: {text}")
    line += "".join(f"\n   - {by.format(author=_text(whole.name_of(n.author)), text=_text(n.text))}" for n in notes)
    if intervention.ruling is not None:
        ruling = tr.gettext("Ruling of the chair: {text}").format(text=_text(intervention.ruling))
        line += f"\n   - {ruling}"
    return line


def _who(speaker: Speaker, whole: MeetingRecord, tr: Translator) -> str:
    """'Armen Hakobyan (Armenia)', 'Markus Steiner (Germany, on behalf of the European Union)'."""
    on_behalf = delegation_in(speaker, whole.state_name, tr)
    return _text(speaker.name) + (f" ({_text(on_behalf)})" if on_behalf else "")


def _written(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> list[str]:
    written = list(record.published_written)
    if not written:
        return []
    title = tr.gettext("Statements submitted in writing only")
    lines = ["", f"### {title}", ""]
    for i in written:
        number = record.number_of(i)
        lines.append(f"{number}. **{_who(i.entry.speaker, whole, tr)}**: {_text(i.statement or '')}")
    return lines


def _unheard(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> list[str]:
    if not record.unheard:
        return []
    names = ", ".join(_who(e.speaker, whole, tr) for e in record.unheard)
    title = tr.gettext("Inscribed but not heard")
    return ["", f"### {title}", "", names]


def _session_notes(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> list[str]:
    notes = record.session_notes
    said = (f"- {_text(whole.name_of(n.author))}: {_text(n.text)}" for n in notes)
    return ["", f"### {tr.gettext(NOTES)}", "", *said] if notes else []


def _times(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> list[str]:
    by_category = record.time_by(lambda i: category_in(i.entry.speaker, tr))
    by_delegation = record.time_by(lambda i: credited_to(i.entry.speaker, whole.state_name, tr))
    total = sum(by_category.values(), timedelta(0))
    # Translators: the headers of the notes' speaking-time tables, in lower case as the English ones are.
    category, delegation, time = tr.gettext("category"), tr.gettext("delegation"), tr.gettext("time")
    lines = [
        "",
        f"### {tr.gettext(SPEAKING_TIME)}",
        "",
        tr.gettext(TOTAL).format(time=duration(total, tr)),
        "",
        f"| {category} | {time} |",
        "|---|---|",
    ]
    lines += [f"| {c} | {duration(t, tr)} |" for c, t in by_category.items()]
    lines += ["", f"| {delegation} | {time} |", "|---|---|"]
    lines += [f"| {_text(d)} | {duration(t, tr)} |" for d, t in by_delegation.items()]
    return lines
