"""The list of participants as a UN meeting circulates it: by delegation, States first, in Markdown, HTML, Word, CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from docx import Document

from bot.domain.meeting import Meeting
from bot.domain.participants import Level, Participant
from bot.domain.settings import Category
from bot.formats.markdown_text import markdown_line
from bot.formats.record_csv import csv_cell
from bot.formats.safe_text import clean, html_text
from bot.formats.word import a4, day, heading, page_numbers, paragraph, properties

TITLE = "List of participants"
# The order UN lists use: Member States, non-member observer States, the UN system, other intergovernmental
# organizations, then civil society and other stakeholders; the secretariat last.
SECTIONS = (
    ("Member States", (Category.MEMBER_STATE, Category.GROUP)),
    ("Observer States", (Category.OBSERVER_STATE,)),
    ("United Nations system", (Category.UN_SYSTEM,)),
    ("Intergovernmental organizations", (Category.IGO,)),
    ("Civil society and other stakeholders", (Category.STAKEHOLDER,)),
    ("Secretariat", (Category.SECRETARIAT,)),
)
_RANK = {
    Level.HEAD_OF_STATE: 0,
    Level.HEAD_OF_GOVERNMENT: 1,
    Level.MINISTER: 2,
    Level.VICE_MINISTER: 3,
    Level.AMBASSADOR: 4,
    Level.OTHER: 5,
}
Delegations = list[tuple[str, list[Participant]]]


@dataclass(frozen=True)
class ParticipantsList:
    meeting: Meeting
    participants: tuple[Participant, ...]
    state_name: Callable[[str], str]  # "AM" -> "Armenia"; an organisation's name comes back as given
    generated_at: datetime


def sections(lists: ParticipantsList) -> list[tuple[str, Delegations]]:
    """Each non-empty section with its delegations by name, and in each the head of delegation first (by level)."""
    found = []
    for title, categories in SECTIONS:
        members = [p for p in lists.participants if p.category in categories and p.verified]
        by_delegation: dict[str, list[Participant]] = {}
        for person in members:
            by_delegation.setdefault(lists.state_name(person.delegation or person.name), []).append(person)
        ordered = sorted(by_delegation.items(), key=lambda item: item[0].casefold())
        if ordered:
            found.append((title, [(name, sorted(people, key=_seniority)) for name, people in ordered]))
    return found


def participants_md(lists: ParticipantsList) -> str:
    lines = [f"# {TITLE}", "", markdown_line(lists.meeting.title), ""]
    for title, delegations in sections(lists):
        lines += [f"## {title}", ""]
        for name, people in delegations:
            lines += [f"**{markdown_line(name)}**", ""]
            lines += [f"- {markdown_line(person_line(p))}" for p in people]
            lines.append("")
    return "\n".join(lines)


def participants_html(lists: ParticipantsList) -> str:
    body = [f"<h1>{TITLE}</h1>", f'<p class="meta">{html_text(lists.meeting.title)}</p>']
    for title, delegations in sections(lists):
        body.append(f"<h2>{title}</h2>")
        for name, people in delegations:
            items = "".join(f"<li>{html_text(person_line(p))}</li>" for p in people)
            body.append(f"<h3>{html_text(name)}</h3><ul>{items}</ul>")
    style = "body{font:15px/1.45 Arial,sans-serif;max-width:46em;margin:2em auto}@page{size:A4;margin:2cm}"
    head = f'<meta charset="utf-8"><title>{TITLE}</title><style>{style}</style>'
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>{head}</head>\n<body>\n' + "\n".join(body) + "\n</body>\n</html>\n"
    )


def participants_docx(lists: ParticipantsList) -> bytes:
    doc = Document()
    properties(doc, lists.meeting.title, TITLE, lists.generated_at)
    heading(doc, TITLE, level=0)
    paragraph(doc, lists.meeting.title)
    paragraph(doc, f"As of {day(lists.generated_at.astimezone(lists.meeting.zone))}", italic=True)
    for title, delegations in sections(lists):
        heading(doc, title, level=1)
        for name, people in delegations:
            heading(doc, name, level=2)
            for person in people:
                paragraph(doc, person_line(person))
    page_numbers(doc)
    a4(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def participants_csv(lists: ParticipantsList) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "delegation", "name", "title"])
    for title, delegations in sections(lists):
        for name, people in delegations:
            for person in people:
                writer.writerow([csv_cell(title), csv_cell(name), csv_cell(person.name), csv_cell(person.title)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # a byte-order mark: spreadsheets then read Cyrillic


def participants_file(form: str, lists: ParticipantsList) -> bytes:
    """The list in one of md, html, docx, csv."""
    if form in ("docx", "csv"):
        return (participants_docx if form == "docx" else participants_csv)(lists)
    return (participants_html(lists) if form == "html" else participants_md(lists)).encode()


def _seniority(person: Participant) -> tuple[int, str]:
    return _RANK[person.level], clean(person.name).casefold()


def person_line(person: Participant) -> str:
    return f"{person.name}, {person.title}" if person.title else person.name
