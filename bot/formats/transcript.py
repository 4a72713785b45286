"""The transcript of each session, every command and every bot message with its time, as Markdown or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from itertools import groupby
from zoneinfo import ZoneInfo

from bot.domain.meeting import Meeting
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.markdown_text import markdown_code, markdown_lines, markdown_literal
from bot.formats.safe_text import safe_json

OUTSIDE = "outside any session"


def transcript_to_markdown(meeting: Meeting, entries: Sequence[TranscriptEntry]) -> str:
    zone = ZoneInfo(meeting.timezone)
    lines = [f"# Transcript: {markdown_literal(meeting.title)}", "", f"Times in {meeting.timezone}.", ""]
    for session_id, group in groupby(_by_session(meeting, entries), key=lambda e: e.session_id):
        session = meeting.session(session_id) if session_id else None
        lines += [f"## {markdown_literal(session.title) if session else OUTSIDE}", ""]
        for entry in group:
            at = entry.at.astimezone(zone).strftime("%d %b %H:%M:%S")
            where = f" in \\#{markdown_literal(entry.channel)}" if entry.channel else ""
            who = (
                f"**{markdown_literal(entry.actor)}**"
                if entry.kind is EntryKind.COMMAND and entry.actor
                else "*Podium*"
            )
            said = markdown_code(entry.text) if entry.kind is EntryKind.COMMAND else markdown_lines(entry.text)
            body = "  \n".join(said)
            lines.append(f"- {at}{where}, {who}: {body}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def transcript_to_json(meeting: Meeting, entries: Sequence[TranscriptEntry]) -> str:
    document = {
        "meeting": meeting.id,
        "entries": [
            {
                "at": e.at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                "session": e.session_id,
                "channel": e.channel,
                "kind": e.kind.value,
                "actor": e.actor,
                "text": e.text,
            }
            for e in _by_session(meeting, entries)
        ],
    }
    return safe_json(document)


def _by_session(meeting: Meeting, entries: Sequence[TranscriptEntry]) -> list[TranscriptEntry]:
    """Sessions in timetable order, entries in time order within each; what belongs to none comes last."""
    order = {s.id: i for i, s in enumerate(meeting.sessions)}
    return sorted(entries, key=lambda e: (order.get(e.session_id or "", len(order)), e.at))
