"""Session notes as Markdown: who spoke in what order, for how long, on which objectives, and what was written."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.domain.meeting import Meeting
from bot.domain.queue.entries import EntryKind, Intervention, Speaker
from bot.formats.markdown_text import markdown_line as _text
from bot.formats.wording import category_of, credited_to, delegation_of, duration
from bot.services.record import MeetingRecord, SessionRecord


def notes_to_markdown(record: MeetingRecord) -> str:
    meeting = record.meeting
    parts = [f"# {_text(meeting.title)}", ""]
    for session in record.sessions:
        parts += _session(meeting, session, record)
    return "\n".join(parts).rstrip() + "\n"


def _session(meeting: Meeting, record: SessionRecord, whole: MeetingRecord) -> list[str]:
    session, zone = record.session, ZoneInfo(meeting.timezone)
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    lines = [
        f"## {_text(session.title)}",
        "",
        f"{start:%A %d %B %Y}, {start:%H:%M}–{end:%H:%M} {meeting.timezone} "
        f"({session.start:%H:%M}–{session.end:%H:%M} UTC)",
        "",
    ]
    if session.moderators:
        lines += [f"Moderated by {', '.join(_text(whole.name_of(m)) for m in session.moderators)}.", ""]
    objectives = [o for n in session.objectives if (o := meeting.objective(n))]
    lines += [f"- Objective {o.number}: {_text(o.title)}" for o in objectives] + ([""] if objectives else [])
    heard = list(record.delivered)
    if not heard and not record.unheard and not record.interventions:
        return [*lines, "No interventions were recorded in this session.", ""]
    lines += ["### Speakers, in the order heard", ""]
    lines += [_speaker_line(meeting, i, record, whole) for i in heard] or ["Nobody took the floor."]
    lines += _written(record, whole) + _unheard(record, whole) + _session_notes(record, whole) + _times(record, whole)
    return [*lines, ""]


def _speaker_line(meeting: Meeting, intervention: Intervention, record: SessionRecord, whole: MeetingRecord) -> str:
    entry, speaker = intervention.entry, intervention.entry.speaker
    zone = ZoneInfo(meeting.timezone)
    kind = "" if entry.kind is EntryKind.STATEMENT else f" — {_KINDS.get(entry.kind, entry.kind.value)}"
    if (cut := record.interrupted_by(intervention)) is not None:  # a point of order that took the floor at once
        kind += f", interrupted {_text(cut.entry.speaker.name)}"
    started = intervention.started_at.astimezone(zone)
    spoke = f", {duration(intervention.duration)}" if intervention.counts_for_time else ""  # a point of order: no time
    line = (
        f"{record.number_of(intervention)}. **{_who(speaker, whole)}**, {category_of(speaker)}{kind}, "
        f"{started:%H:%M}{spoke}"
    )
    addressed = whole.objectives_of(intervention)
    if addressed:
        label = "objective" if len(addressed) == 1 else "objectives"
        line += f" ({label} {', '.join(map(str, addressed))})"
    if intervention.statement:
        line += f"\n   > {_text(intervention.statement)}"
    notes = record.notes_on(intervention)
    line += "".join(f"\n   - Note by {_text(whole.name_of(n.author))}: {_text(n.text)}" for n in notes)
    if intervention.ruling is not None:
        line += f"\n   - Ruling of the chair: {_text(intervention.ruling)}"
    return line


_KINDS = {EntryKind.ORDER: "point of order", EntryKind.RIGHT_OF_REPLY: "right of reply"}


def _who(speaker: Speaker, whole: MeetingRecord) -> str:
    """'Armen Hakobyan (Armenia)', 'Markus Steiner (Germany, on behalf of the European Union)'."""
    on_behalf = delegation_of(speaker, whole.state_name)
    return _text(speaker.name) + (f" ({_text(on_behalf)})" if on_behalf else "")


def _written(record: SessionRecord, whole: MeetingRecord) -> list[str]:
    written = list(record.published_written)
    if not written:
        return []
    lines = ["", "### Statements submitted in writing only", ""]
    for i in written:
        number = record.number_of(i)
        lines.append(f"{number}. **{_who(i.entry.speaker, whole)}**: {_text(i.statement or '')}")
    return lines


def _unheard(record: SessionRecord, whole: MeetingRecord) -> list[str]:
    if not record.unheard:
        return []
    names = ", ".join(_who(e.speaker, whole) for e in record.unheard)
    return ["", "### Inscribed but not heard", "", names]


def _session_notes(record: SessionRecord, whole: MeetingRecord) -> list[str]:
    notes = record.session_notes
    said = (f"- {_text(whole.name_of(n.author))}: {_text(n.text)}" for n in notes)
    return ["", "### Notes", "", *said] if notes else []


def _times(record: SessionRecord, whole: MeetingRecord) -> list[str]:
    by_category = record.time_by(lambda i: category_of(i.entry.speaker))
    by_delegation = record.time_by(lambda i: credited_to(i.entry.speaker, whole.state_name))
    total = sum(by_category.values(), timedelta(0))
    lines = ["", "### Speaking time", "", f"Total {duration(total)}.", "", "| category | time |", "|---|---|"]
    lines += [f"| {c} | {duration(t)} |" for c, t in by_category.items()]
    lines += ["", "| delegation | time |", "|---|---|"]
    lines += [f"| {_text(d)} | {duration(t)} |" for d, t in by_delegation.items()]
    return lines
