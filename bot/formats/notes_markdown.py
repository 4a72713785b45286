"""Session notes as Markdown: who spoke in what order, for how long, on which objectives, and what was written."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.domain.durations import format_duration
from bot.domain.meeting import Meeting
from bot.domain.queue.entries import EntryKind, Intervention
from bot.formats.markdown_text import markdown_line as _text
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
    lines += _written(meeting, record) + _unheard(record) + _session_notes(record) + _times(record)
    return [*lines, ""]


def _speaker_line(meeting: Meeting, intervention: Intervention, record: SessionRecord, whole: MeetingRecord) -> str:
    entry, speaker = intervention.entry, intervention.entry.speaker
    zone = ZoneInfo(meeting.timezone)
    who = _text(speaker.name) + (f" ({_text(speaker.delegation)})" if speaker.delegation else "")
    kind = "" if entry.kind is EntryKind.STATEMENT else f" — {entry.kind.value.replace('-', ' ')}"
    started = intervention.started_at.astimezone(zone)
    line = (
        f"{record.number_of(intervention)}. **{who}**, {speaker.category.value}{kind}, {started:%H:%M}, "
        f"{format_duration(intervention.duration)}"
    )
    addressed = whole.objectives_of(intervention)
    if addressed:
        line += f" (objectives {', '.join(map(str, addressed))})"
    if intervention.statement:
        line += f"\n   > {_text(intervention.statement)}"
    line += "".join(f"\n   - Note by {_text(n.author)}: {_text(n.text)}" for n in record.notes_on(intervention))
    return line


def _written(meeting: Meeting, record: SessionRecord) -> list[str]:
    written = list(record.published_written)
    if not written:
        return []
    lines = ["", "### Statements submitted in writing only", ""]
    for i in written:
        who = _text(i.entry.speaker.name)
        number = record.number_of(i)
        lines.append(f"{number}. **{who}** ({_text(i.entry.speaker.delegation or '')}): {_text(i.statement or '')}")
    return lines


def _unheard(record: SessionRecord) -> list[str]:
    if not record.unheard:
        return []
    names = ", ".join(f"{_text(e.speaker.name)} ({_text(e.speaker.delegation or '')})" for e in record.unheard)
    return ["", "### Inscribed but not heard", "", names]


def _session_notes(record: SessionRecord) -> list[str]:
    notes = record.session_notes
    return ["", "### Notes", "", *(f"- {_text(n.author)}: {_text(n.text)}" for n in notes)] if notes else []


def _times(record: SessionRecord) -> list[str]:
    by_category = record.time_by(lambda i: i.entry.speaker.time_category.value)
    by_delegation = record.time_by(lambda i: i.entry.speaker.delegation or i.entry.speaker.name)
    total = sum(by_category.values(), timedelta(0))
    lines = ["", "### Speaking time", "", f"Total {format_duration(total)}.", "", "| category | time |", "|---|---|"]
    lines += [f"| {c} | {format_duration(t)} |" for c, t in by_category.items()]
    lines += ["", "| delegation | time |", "|---|---|"]
    lines += [f"| {_text(d)} | {format_duration(t)} |" for d, t in by_delegation.items()]
    return lines
