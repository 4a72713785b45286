"""The transcript of each session, every command and every bot message with its time, as Markdown or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from itertools import groupby
from zoneinfo import ZoneInfo

from bot.domain.language import N_, Language
from bot.domain.meeting import Meeting
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.markdown_text import markdown_code, markdown_lines, markdown_literal
from bot.formats.safe_text import safe_json
from bot.formats.wording import titled
from bot.services.translation import Translator

OUTSIDE = N_("outside any session")


def transcript_to_markdown(meeting: Meeting, entries: Sequence[TranscriptEntry], tr: Translator) -> str:
    zone = ZoneInfo(meeting.timezone)
    title = tr.gettext("Transcript: {title}").format(title=markdown_literal(meeting.title))
    lines = [f"# {title}", "", tr.gettext("Times in {zone}.").format(zone=meeting.timezone), ""]
    for session_id, group in groupby(_by_session(meeting, entries), key=lambda e: e.session_id):
        session = meeting.session(session_id) if session_id else None
        lines += [f"## {markdown_literal(titled(session, tr)) if session else tr.gettext(OUTSIDE)}", ""]
        for entry in group:
            local = entry.at.astimezone(zone)
            # English as the transcript always wrote it ('12 Nov'); other languages in their own order and names.
            on = f"{local:%d %b}" if tr.language is Language.EN else tr.date(local, "dMMM")
            at = f"{on} {local:%H:%M:%S}"
            channel = f"\\#{markdown_literal(entry.channel or '')}"
            where = " " + tr.gettext("in {channel}").format(channel=channel) if entry.channel else ""
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
