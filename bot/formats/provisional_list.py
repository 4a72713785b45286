"""The provisional list of speakers per segment, as the secretariat publishes it: Markdown, HTML and Word."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from docx import Document

from bot.domain.interests import Interest
from bot.domain.meeting import Meeting, Session
from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.formats.markdown_text import markdown_line
from bot.formats.safe_text import html_text
from bot.formats.word import a4, day, heading, page_numbers, paragraph, properties, table, when
from bot.formats.wording import delegation_of

TITLE = "Provisional list of speakers"
NO_SPEAKER = "No speaker has been inscribed yet."
COLUMNS = ("No.", "Delegation", "Speaker", "Title")
LEVEL_TITLES = {
    Level.HEAD_OF_STATE: "Head of State",
    Level.HEAD_OF_GOVERNMENT: "Head of Government",
    Level.MINISTER: "Minister",
    Level.VICE_MINISTER: "Vice-Minister",
    Level.AMBASSADOR: "Ambassador",
    Level.OTHER: "",
}
# Those who do not speak for a member State are listed by what they are, not by rank.
CATEGORY_TITLES = {
    Category.OBSERVER_STATE: "Observer State",
    Category.IGO: "Intergovernmental organization",
    Category.UN_SYSTEM: "United Nations system",
    Category.STAKEHOLDER: "Stakeholder",
    Category.SECRETARIAT: "Secretariat",
}
STYLE = """
body { font: 15px/1.45 "Segoe UI", "Noto Sans", Arial, sans-serif; max-width: 52em; margin: 2em auto; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; border-bottom: 2px solid #0b5394; padding-bottom: .2em; }
.meta { color: #555; } table { border-collapse: collapse; margin: .6em 0; width: 100%; }
td, th { border: 1px solid #bbb; padding: .2em .6em; text-align: left; } td.num { text-align: right; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
"""
Segments = tuple[tuple[Session, tuple[Interest, ...]], ...]


@dataclass(frozen=True)
class ProvisionalLists:
    """What a provisional list is built from: each segment's accepted speakers already in speaking order."""

    meeting: Meeting
    segments: Segments
    moderators: Segments
    state_name: Callable[[str], str]  # ISO code to the UN's name; an organisation's delegation comes back as is
    generated_at: datetime


def provisional_list_md(lists: ProvisionalLists) -> str:
    lines = [f"# {TITLE}", "", markdown_line(lists.meeting.title), "", _as_of(lists), ""]
    for session, speakers in lists.segments:
        lines += [f"## {markdown_line(_segment_heading(lists.meeting, session))}", ""]
        for line in _moderated_by(lists, session):
            lines += [markdown_line(line), ""]
        if not speakers:
            lines += [NO_SPEAKER, ""]
            continue
        lines += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += ["| " + " | ".join(markdown_line(c) for c in row) + " |" for row in _rows(lists, speakers)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def provisional_list_html(lists: ProvisionalLists) -> str:
    body = [
        f"<h1>{TITLE}</h1>",
        f'<p class="meta">{html_text(lists.meeting.title)}</p>',
        f'<p class="meta">{html_text(_as_of(lists))}</p>',
    ]
    body += [_html_segment(lists, session, speakers) for session, speakers in lists.segments]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{TITLE}: {html_text(lists.meeting.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def provisional_list_docx(lists: ProvisionalLists) -> bytes:
    doc = Document()
    properties(doc, lists.meeting.title, TITLE, lists.generated_at)
    page_numbers(doc)
    heading(doc, TITLE, level=0)
    paragraph(doc, lists.meeting.title, style="Subtitle")
    paragraph(doc, _as_of(lists), italic=True)
    for session, speakers in lists.segments:
        heading(doc, _segment_heading(lists.meeting, session), level=1)
        for line in _moderated_by(lists, session):
            paragraph(doc, line)
        if speakers:
            table(doc, COLUMNS, _rows(lists, speakers))
        else:
            paragraph(doc, NO_SPEAKER)
    a4(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def title_of(speaker: Speaker) -> str:
    """A member State's speaker by rank ('Minister'); anyone else by what they speak as ('Stakeholder')."""
    return CATEGORY_TITLES.get(speaker.category) or LEVEL_TITLES[speaker.level]


def _rows(lists: ProvisionalLists, speakers: tuple[Interest, ...]) -> list[tuple[str, str, str, str]]:
    return [
        (str(number), delegation_of(i.speaker, lists.state_name), i.speaker.name, title_of(i.speaker))
        for number, i in enumerate(speakers, start=1)
    ]


def _html_segment(lists: ProvisionalLists, session: Session, speakers: tuple[Interest, ...]) -> str:
    parts = [
        f'<section id="{html_text(session.id)}">',
        f"<h2>{html_text(_segment_heading(lists.meeting, session))}</h2>",
    ]
    parts += [f'<p class="meta">{html_text(line)}</p>' for line in _moderated_by(lists, session)]
    if speakers:
        header = "".join(f'<th scope="col">{c}</th>' for c in COLUMNS)
        rows = "".join(
            f'<tr><td class="num">{n}</td><td>{html_text(d)}</td><td>{html_text(s)}</td><td>{html_text(t)}</td></tr>'
            for n, d, s, t in _rows(lists, speakers)
        )
        parts.append(f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>")
    else:
        parts.append(f"<p>{NO_SPEAKER}</p>")
    return "\n".join([*parts, "</section>"])


def _segment_heading(meeting: Meeting, session: Session) -> str:
    """'Roundtable 1: … — Thursday 12 November 2020, 10:40–12:40 CET', in the meeting's own zone."""
    return f"{session.title} — {when(meeting, session)}"


def _moderated_by(lists: ProvisionalLists, session: Session) -> list[str]:
    """One 'Moderated by NAME (Delegation)' line per accepted moderator of the segment."""
    found = next((m for s, m in lists.moderators if s.id == session.id), ())
    lines = []
    for interest in found:
        delegation = lists.state_name(interest.speaker.delegation) if interest.speaker.delegation else ""
        lines.append(f"Moderated by {interest.speaker.name}" + (f" ({delegation})" if delegation else ""))
    return lines


def _as_of(lists: ProvisionalLists) -> str:
    return f"As of {day(lists.generated_at.astimezone(lists.meeting.zone))}"
