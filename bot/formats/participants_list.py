"""The list of participants as a UN meeting circulates it: by delegation, States first, in Markdown, HTML, Word, CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from docx import Document

from bot.domain.language import N_
from bot.domain.meeting import Meeting
from bot.domain.participants import Level, Participant
from bot.domain.settings import Category
from bot.formats.markdown_text import markdown_line
from bot.formats.record_csv import csv_cell
from bot.formats.safe_text import clean, html_text
from bot.formats.word import a4, day, heading, page_numbers, paragraph, properties
from bot.formats.wording import sentence_start, sort_key
from bot.services.translation import Translator

TITLE = N_("List of participants")
# The order UN lists use: Member States, non-member observer States, the UN system, other intergovernmental
# organizations, then civil society and other stakeholders; the secretariat last. Titles translated where shown.
SECTIONS = (
    (N_("Member States"), (Category.MEMBER_STATE, Category.GROUP)),
    (N_("Observer States"), (Category.OBSERVER_STATE,)),
    (N_("United Nations system"), (Category.UN_SYSTEM,)),
    (N_("Intergovernmental organizations"), (Category.IGO,)),
    (N_("Civil society and other stakeholders"), (Category.STAKEHOLDER,)),
    (N_("Secretariat"), (Category.SECRETARIAT,)),
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
    tr: Translator = field(kw_only=True)  # the language the list is written in


def section_title(title: str, tr: Translator) -> str:
    """A section's title in the reader's language, as a heading: 'Système des Nations Unies'."""
    return sentence_start(tr.gettext(title))


def sections(lists: ParticipantsList) -> list[tuple[str, Delegations]]:
    """Each non-empty section with its delegations by name, and in each the head of delegation first (by level)."""
    found = []
    for title, categories in SECTIONS:
        members = [p for p in lists.participants if p.category in categories and p.verified]
        by_delegation: dict[str, list[Participant]] = {}
        for person in members:
            by_delegation.setdefault(lists.state_name(person.delegation or person.name), []).append(person)
        ordered = sorted(by_delegation.items(), key=lambda item: sort_key(item[0], lists.tr))
        if ordered:
            found.append((title, [(name, sorted(people, key=_seniority)) for name, people in ordered]))
    return found


def participants_md(lists: ParticipantsList) -> str:
    tr = lists.tr
    lines = [f"# {tr.gettext(TITLE)}", "", markdown_line(lists.meeting.title), ""]
    for title, delegations in sections(lists):
        lines += [f"## {section_title(title, tr)}", ""]
        for name, people in delegations:
            lines += [f"**{markdown_line(name)}**", ""]
            lines += [f"- {markdown_line(person_line(p))}" for p in people]
            lines.append("")
    return "\n".join(lines)


def participants_html(lists: ParticipantsList) -> str:
    tr = lists.tr
    body = [f"<h1>{html_text(tr.gettext(TITLE))}</h1>", f'<p class="meta">{html_text(lists.meeting.title)}</p>']
    for title, delegations in sections(lists):
        body.append(f"<h2>{html_text(section_title(title, tr))}</h2>")
        for name, people in delegations:
            items = "".join(f"<li>{html_text(person_line(p))}</li>" for p in people)
            body.append(f"<h3>{html_text(name)}</h3><ul>{items}</ul>")
    # not user-facing: HTML markup and CSS
    style = "body{font:15px/1.45 Arial,sans-serif;max-width:46em;margin:2em auto}@page{size:A4;margin:2cm}"
    # not user-facing: HTML markup and CSS
    head = f'<meta charset="utf-8"><title>{html_text(tr.gettext(TITLE))}</title><style>{style}</style>'
    return (
        # not user-facing: HTML markup and CSS
        f'<!DOCTYPE html>\n<html lang="{tr.language.value}">\n<head>{head}</head>\n<body>\n'
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def participants_docx(lists: ParticipantsList) -> bytes:
    tr, doc = lists.tr, Document()
    properties(doc, lists.meeting.title, tr.gettext(TITLE), lists.generated_at, tr)
    heading(doc, tr.gettext(TITLE), level=0)
    paragraph(doc, lists.meeting.title)
    as_of = day(lists.generated_at.astimezone(lists.meeting.zone), tr)
    paragraph(doc, tr.gettext("As of {day}").format(day=as_of), italic=True)
    for title, delegations in sections(lists):
        heading(doc, section_title(title, tr), level=1)
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
                section = section_title(title, lists.tr)
                writer.writerow([csv_cell(section), csv_cell(name), csv_cell(person.name), csv_cell(person.title)])
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
