"""The transcript of each session, every command and every bot message with its time, as Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC
from itertools import groupby
from zoneinfo import ZoneInfo

from bot.domain.meeting import Meeting
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.markdown_text import markdown_literal

OUTSIDE = "outside any session"


def transcript_to_markdown(meeting: Meeting, entries: Sequence[TranscriptEntry]) -> str:
    zone = ZoneInfo(meeting.timezone)
    lines = [f"# Transcript: {_md(meeting.title)}", "", f"Times in {meeting.timezone}.", ""]
    for session_id, group in groupby(_by_session(meeting, entries), key=lambda e: e.session_id):
        session = meeting.session(session_id) if session_id else None
        lines += [f"## {_md(session.title) if session else OUTSIDE}", ""]
        for entry in group:
            at = entry.at.astimezone(zone).strftime("%d %b %H:%M:%S")
            where = f" in \\#{_md(entry.channel)}" if entry.channel else ""
            who = f"**{_md(entry.actor)}**" if entry.kind is EntryKind.COMMAND and entry.actor else "*Podium*"
            body = "  \n".join(
                f"`{line}`" if entry.kind is EntryKind.COMMAND else _md(line) for line in _code_safe(entry).split("\n")
            )
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
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _by_session(meeting: Meeting, entries: Sequence[TranscriptEntry]) -> list[TranscriptEntry]:
    """Sessions in timetable order, entries in time order within each; what belongs to none comes last."""
    order = {s.id: i for i, s in enumerate(meeting.sessions)}
    return sorted(entries, key=lambda e: (order.get(e.session_id or "", len(order)), e.at))


def _code_safe(entry: TranscriptEntry) -> str:
    # A backtick inside a code span would end it early; what a participant typed stays one literal span.
    return entry.text.replace("`", "'") if entry.kind is EntryKind.COMMAND else entry.text


def _md(text: str) -> str:
    return markdown_literal(text)
