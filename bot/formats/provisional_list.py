"""The provisional list of speakers per segment, as the secretariat publishes it: Markdown, HTML and Word."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from docx import Document

from bot.domain.interests import Interest
from bot.domain.language import N_
from bot.domain.meeting import Meeting, Session
from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.formats.markdown_text import markdown_line
from bot.formats.safe_text import html_text
from bot.formats.word import a4, day, heading, page_numbers, paragraph, properties, table, when
from bot.formats.wording import delegation_in, titled
from bot.services.translation import Translator

TITLE = N_("Provisional list of speakers")
NO_SPEAKER = N_("No speaker has been inscribed yet.")
COLUMNS = (N_("No."), N_("Delegation"), N_("Speaker"), N_("Title"))
LEVEL_TITLES = {
    Level.HEAD_OF_STATE: N_("Head of State"),
    Level.HEAD_OF_GOVERNMENT: N_("Head of Government"),
    Level.MINISTER: N_("Minister"),
    Level.VICE_MINISTER: N_("Vice-Minister"),
    Level.AMBASSADOR: N_("Ambassador"),
    Level.OTHER: "",
}
# Those who do not speak for a member State are listed by what they are, not by rank.
CATEGORY_TITLES = {
    Category.OBSERVER_STATE: N_("Observer State"),
    Category.IGO: N_("Intergovernmental organization"),
    Category.UN_SYSTEM: N_("United Nations system"),
    Category.STAKEHOLDER: N_("Stakeholder"),
    Category.SECRETARIAT: N_("Secretariat"),
}
# not user-facing: CSS
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
    tr: Translator = field(kw_only=True)  # the language the list is published in


def provisional_list_md(lists: ProvisionalLists) -> str:
    tr = lists.tr
    columns = [tr.gettext(c) for c in COLUMNS]
    lines = [f"# {tr.gettext(TITLE)}", "", markdown_line(lists.meeting.title), "", _as_of(lists), ""]
    for session, speakers in lists.segments:
        lines += [f"## {markdown_line(_segment_heading(lists, session))}", ""]
        for line in _moderated_by(lists, session):
            lines += [markdown_line(line), ""]
        if not speakers:
            lines += [tr.gettext(NO_SPEAKER), ""]
            continue
        lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(markdown_line(c) for c in row) + " |" for row in _rows(lists, speakers)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def provisional_list_html(lists: ProvisionalLists) -> str:
    title = html_text(lists.tr.gettext(TITLE))
    body = [
        f"<h1>{title}</h1>",
        f'<p class="meta">{html_text(lists.meeting.title)}</p>',
        f'<p class="meta">{html_text(_as_of(lists))}</p>',
    ]
    body += [_html_segment(lists, session, speakers) for session, speakers in lists.segments]
    return (
        # not user-facing: HTML markup
        f'<!DOCTYPE html>\n<html lang="{lists.tr.language.value}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}: {html_text(lists.meeting.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def provisional_list_docx(lists: ProvisionalLists) -> bytes:
    tr, doc = lists.tr, Document()
    properties(doc, lists.meeting.title, tr.gettext(TITLE), lists.generated_at, tr)
    page_numbers(doc)
    heading(doc, tr.gettext(TITLE), level=0)
    paragraph(doc, lists.meeting.title, style="Subtitle")
    paragraph(doc, _as_of(lists), italic=True)
    for session, speakers in lists.segments:
        heading(doc, _segment_heading(lists, session), level=1)
        for line in _moderated_by(lists, session):
            paragraph(doc, line)
        if speakers:
            table(doc, [tr.gettext(c) for c in COLUMNS], _rows(lists, speakers))
        else:
            paragraph(doc, tr.gettext(NO_SPEAKER))
    a4(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def title_of(speaker: Speaker, tr: Translator) -> str:
    """A member State's speaker by rank ('Minister'); anyone else by what they speak as ('Stakeholder')."""
    title = CATEGORY_TITLES.get(speaker.category) or LEVEL_TITLES[speaker.level]
    return tr.gettext(title) if title else ""


def _rows(lists: ProvisionalLists, speakers: tuple[Interest, ...]) -> list[tuple[str, str, str, str]]:
    tr = lists.tr
    return [
        (str(number), delegation_in(i.speaker, lists.state_name, tr), i.speaker.name, title_of(i.speaker, tr))
        for number, i in enumerate(speakers, start=1)
    ]


def _html_segment(lists: ProvisionalLists, session: Session, speakers: tuple[Interest, ...]) -> str:
    parts = [
        # not user-facing: HTML markup
        f'<section id="{html_text(session.id)}">',
        f"<h2>{html_text(_segment_heading(lists, session))}</h2>",
    ]
    parts += [f'<p class="meta">{html_text(line)}</p>' for line in _moderated_by(lists, session)]
    if speakers:
        # not user-facing: HTML markup
        header = "".join(f'<th scope="col">{html_text(lists.tr.gettext(c))}</th>' for c in COLUMNS)
        rows = "".join(
            # not user-facing: HTML markup
            f'<tr><td class="num">{n}</td><td>{html_text(d)}</td><td>{html_text(s)}</td><td>{html_text(t)}</td></tr>'
            for n, d, s, t in _rows(lists, speakers)
        )
        parts.append(f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>")
    else:
        parts.append(f"<p>{html_text(lists.tr.gettext(NO_SPEAKER))}</p>")
    return "\n".join([*parts, "</section>"])


def _segment_heading(lists: ProvisionalLists, session: Session) -> str:
    """'Roundtable 1: … — Thursday 12 November 2020, 10:40–12:40 CET', in the meeting's own zone."""
    return f"{titled(session, lists.tr)} — {when(lists.meeting, session, tr=lists.tr)}"


def _moderated_by(lists: ProvisionalLists, session: Session) -> list[str]:
    """One 'Moderated by NAME (Delegation)' line per accepted moderator of the segment."""
    found = next((m for s, m in lists.moderators if s.id == session.id), ())
    lines = []
    for interest in found:
        delegation = lists.state_name(interest.speaker.delegation) if interest.speaker.delegation else ""
        name = interest.speaker.name + (f" ({delegation})" if delegation else "")
        lines.append(lists.tr.gettext("Moderated by {name}").format(name=name))
    return lines


def _as_of(lists: ProvisionalLists) -> str:
    return lists.tr.gettext("As of {day}").format(day=day(lists.generated_at.astimezone(lists.meeting.zone), lists.tr))
