"""Session notes in Word from a roundtable replayed on SQLite: order heard, durations, a native chart, inert text."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import etree

from bot.formats.exports import ExportInput, export
from bot.formats.notes_docx import CHART_TITLE, NO_INTERVENTIONS
from bot.formats.word_chart import CHART_CONTENT_TYPE
from bot.services.record import MeetingRecord
from tests.integration.roundtable_replay import (
    ARMEN,
    ELIF,
    GENERATED,
    HOSTILE,
    NINO,
    OLGA,
    RT1,
    needs_libreoffice,
    pdf_text,
)
from tests.integration.test_report_docx import headings
from tests.words import english

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
HEARD = [
    "1. Markus Steiner (Germany, on behalf of the European Union), group of States, 10:40, 3 min 20 s",
    f"2. {ARMEN}, Member State, 10:43, 2 min, objectives 6 and 18",
    f"3. {OLGA}, Member State, 10:45, 1 min 5 s, objective 5",
    f"4. {NINO}, Member State, 10:46, 2 min 30 s",
    f"5. {ELIF}, Member State, 10:48, 45 s, objectives 2 and 12",
    "6. Fr. Paolo Rinaldi (Holy See), observer State, 10:49, 3 min",
    "7. Maria Santos (IOM), United Nations system, 10:52, 1 min",
]
# Minutes by time category, largest first: the EU statement counts as a group's.
BY_CATEGORY = [
    ("Member State", 6.33),
    ("group of States", 3.33),
    ("observer State", 3.0),
    ("United Nations system", 1.0),
]


def only(record: MeetingRecord, session_id: str) -> MeetingRecord:
    return replace(record, sessions=tuple(s for s in record.sessions if s.session.id == session_id))


@pytest.fixture
def notes(roundtable_record: MeetingRecord, tmp_path: Path) -> Path:
    path = tmp_path / "notes.docx"
    path.write_bytes(export("docx", ExportInput(only(roundtable_record, "rt1"), [], GENERATED, tr=english())))
    return path


def test_docx_of_one_session_is_its_notes(notes: Path) -> None:
    document = docx.Document(str(notes))
    assert document.core_properties.subject == "Session notes"
    found = headings(document)
    assert [text for style, text in found if style == "Heading 1"] == [RT1]
    assert [text for style, text in found if style == "Heading 2"] == [
        "Speakers, in the order heard",
        "Statements submitted in writing only",
        "Notes",
        "Speaking time",
    ]
    texts = [p.text for p in document.paragraphs]
    assert "Thursday 12 November 2020, 10:40–12:40 CET (09:40–11:40 UTC)." in texts


def test_speakers_are_numbered_in_the_order_heard_with_start_and_duration(notes: Path) -> None:
    leads = [p.text.split("\n")[0] for p in docx.Document(str(notes)).paragraphs if p.text[:2].rstrip(".").isdigit()]
    # The statement submitted in writing is numbered after the last one heard: /correct rt1:8 reaches it.
    assert leads == [*HEARD, "8. Luca Bianchi (ICMC)"]


def test_the_chart_is_a_native_word_chart_of_minutes_by_category(notes: Path) -> None:
    with zipfile.ZipFile(notes) as package:
        chart = etree.fromstring(package.read("word/charts/chart1.xml"))
        types = package.read("[Content_Types].xml").decode()
        relationships = package.read("word/_rels/document.xml.rels").decode()
        body = package.read("word/document.xml").decode()
    assert f'PartName="/word/charts/chart1.xml" ContentType="{CHART_CONTENT_TYPE}"' in types
    assert 'Target="charts/chart1.xml"' in relationships
    assert "<c:chart " in body
    title = "".join(chart.find(f"{C}chart/{C}title").itertext())
    labels = [v.text for v in chart.iter(f"{C}cat") for v in v.iter(f"{C}v")]
    values = [round(float(v.text), 2) for v in chart.iter(f"{C}val") for v in v.iter(f"{C}v")]
    assert title == CHART_TITLE
    assert list(zip(labels, values, strict=True)) == BY_CATEGORY


def test_the_tables_give_the_same_times_as_the_chart(notes: Path) -> None:
    by_category, by_delegation = ([[c.text for c in r.cells] for r in t.rows] for t in docx.Document(str(notes)).tables)
    assert by_category == [
        ["Category", "Speaking time"],
        ["Member State", "6 min 20 s"],
        ["group of States", "3 min 20 s"],
        ["observer State", "3 min"],
        ["United Nations system", "1 min"],
    ]
    assert by_delegation[1] == ["European Union", "3 min 20 s"]  # a group statement counts for the group
    assert "Total 13 min 40 s; points of order are not counted." in [
        p.text for p in docx.Document(str(notes)).paragraphs
    ]


def test_hostile_text_stays_text(notes: Path) -> None:
    with zipfile.ZipFile(notes) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))
        xml = package.read("word/document.xml")
    assert b"<script>" not in xml
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; @channel" in xml
    assert HOSTILE in "\n".join(p.text for p in docx.Document(str(notes)).paragraphs)


def test_a_session_with_no_interventions_is_a_valid_document_that_says_so(
    roundtable_record: MeetingRecord, tmp_path: Path
) -> None:
    path = tmp_path / "rt4.docx"
    path.write_bytes(export("docx", ExportInput(only(roundtable_record, "rt4"), [], GENERATED, tr=english())))
    document = docx.Document(str(path))
    assert NO_INTERVENTIONS in [p.text for p in document.paragraphs]
    assert document.tables == []
    with zipfile.ZipFile(path) as package:
        assert not [n for n in package.namelist() if n.startswith("word/charts/")]


def test_notes_docx_of_the_whole_meeting_has_a_chart_per_session_with_speakers(
    roundtable_record: MeetingRecord,
) -> None:
    data = export("notes-docx", ExportInput(roundtable_record, [], GENERATED, tr=english()))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        charts = sorted(n for n in package.namelist() if n.startswith("word/charts/"))
    assert charts == ["word/charts/chart1.xml", "word/charts/chart2.xml"]  # the opening and Roundtable 1


@needs_libreoffice
def test_libreoffice_draws_the_chart(notes: Path, tmp_path: Path) -> None:
    text = pdf_text(notes, tmp_path)
    assert CHART_TITLE in text
    assert "United Nations system" in text.split(CHART_TITLE)[1]  # a bar label drawn in the chart
