"""What the exports were made fast with (issue: 20,000 interventions) writes what the slow way wrote.

No timing here: the figures are in `python -m bench`. These check the shortcuts: Word paragraphs built without
python-docx's add_paragraph give the same XML, in the same place; notes and corrections by intervention, found
through a dictionary, are those a scan of the session found, in the same order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from bot.domain.corrections import Correction
from bot.domain.meeting import Session, SessionKind
from bot.domain.participants import Level
from bot.domain.queue.entries import EntryKind, Intervention, Note, QueueEntry, Speaker
from bot.domain.settings import Category
from bot.formats.word import heading, note, paragraph, run
from bot.services.record import SessionRecord
from tests.words import english

AT = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


def body_xml(document: docx.document.Document) -> list[bytes]:
    return [etree.tostring(child) for child in document.element.body]


def test_paragraphs_headings_and_notes_are_what_python_docx_writes() -> None:
    """The text goes in through `run` on both sides: what differs would be the paragraphs and where they go."""
    fast, slow = docx.Document(), docx.Document()
    for level in (0, 1, 2):
        heading(fast, f"Heading {level}", level)
        run(slow.add_heading(level=level), f"Heading {level}")
    paragraph(fast, "A bullet", style="List Bullet")
    run(slow.add_paragraph(style="List Bullet"), "A bullet")
    paragraph(fast, "Plain")
    run(slow.add_paragraph(), "Plain")
    note(fast, Note("rapporteur", "Said well", AT, 1), tr=english())
    indented = slow.add_paragraph()
    indented.paragraph_format.left_indent = Cm(1)
    run(indented, "Note by rapporteur: ", italic=True)
    run(indented, "Said well")

    assert body_xml(fast) == body_xml(slow)
    assert fast.element.body[-1].tag.endswith("}sectPr")  # the section properties still close the body


def test_a_run_is_the_elements_it_was_built_of_with_oxml_element() -> None:
    fast, slow = docx.Document(), docx.Document()
    run(paragraph(fast), "first\nsecond", bold=True, italic=True)
    element = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.extend([OxmlElement("w:b"), OxmlElement("w:i")])
    element.append(properties)
    for index, line in enumerate(["first", "second"]):
        if index:
            element.append(OxmlElement("w:br"))
        piece = OxmlElement("w:t", {qn("xml:space"): "preserve"})
        piece.text = line
        element.append(piece)
    slow.add_paragraph()._p.append(element)

    assert body_xml(fast) == body_xml(slow)


def test_notes_and_corrections_by_intervention_are_those_a_scan_finds_in_order() -> None:
    heard = tuple(_intervention(i) for i in range(1, 8))
    notes = (
        Note("mod", "on the session", AT),
        *(Note("rapporteur", f"note {n} on {i}", AT, i) for n in range(3) for i in (2, 5, 5, 9)),
    )
    corrections = tuple(Correction("rt1", i, f"text {n}", "sec", AT) for n in range(2) for i in (3, 3, 6, 11))
    record = SessionRecord(_session(), heard, notes, (), corrections)

    for intervention in heard:
        assert record.notes_on(intervention) == tuple(n for n in notes if n.intervention == intervention.id)
        assert record.corrections_of(intervention) == tuple(c for c in corrections if c.entry_id == intervention.id)
    assert record.session_notes == (notes[0],)


def _session() -> Session:
    return Session("rt1", SessionKind.ROUNDTABLE, "Roundtable 1", AT, AT + timedelta(hours=2))


def _intervention(number: int) -> Intervention:
    speaker = Speaker(f"p{number}", f"Delegate {number}", f"D{number}", Category.MEMBER_STATE, Level.OTHER)
    entry = QueueEntry(number, speaker, EntryKind.STATEMENT, AT, number)
    return Intervention(entry, AT, timedelta(minutes=3), AT + timedelta(minutes=2))
