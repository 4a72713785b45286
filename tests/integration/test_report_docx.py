"""The summary report draft in Word from a roundtable replayed on SQLite: styles, fields, table, inert text."""

from __future__ import annotations

import ast
import io
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from bot.domain.participants import Level
from bot.domain.queue.entries import EntryKind, Intervention, QueueEntry, Speaker
from bot.domain.settings import Category, ReportSettings
from bot.domain.submissions import Submission
from bot.formats import notes_docx, report_docx
from bot.formats.exports import ExportInput, export
from bot.formats.report_docx import NO_INTERVENTIONS, TOC_INSTRUCTION, TOC_PLACEHOLDER, report_to_docx
from bot.scheduling.clock import SimulatedClock
from bot.services.record import MeetingRecord
from tests.integration.roundtable_replay import (
    ARMEN,
    ELIF,
    GENERATED,
    HOSTILE,
    NINO,
    OBJECTIVE_2,
    OBJECTIVE_5,
    OBJECTIVE_6,
    OBJECTIVE_12,
    OBJECTIVE_18,
    OLGA,
    RT1,
    STATEMENTS,
    W,
    needs_libreoffice,
    pdf_text,
    read_back,
)
from tests.integration.test_floor_end_to_end import process


@pytest.fixture
def report(roundtable_record: MeetingRecord, tmp_path: Path) -> Path:
    path = tmp_path / "report.docx"
    path.write_bytes(report_to_docx(roundtable_record, generated_at=GENERATED))
    return path


def headings(document: WordDocument) -> list[tuple[str, str]]:
    styled = ((p.style.name if p.style else "", p.text) for p in document.paragraphs)
    return [(style, text) for style, text in styled if style == "Title" or style.startswith("Heading")]


def speakers_under(document: WordDocument) -> dict[tuple[str, str], list[str]]:
    """For each (style, heading), the bold lead (who spoke) of every paragraph before the next heading."""
    found: dict[tuple[str, str], list[str]] = {}
    current = ("", "")
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style else ""
        if style.startswith("Heading"):
            current = (style, paragraph.text)
            found[current] = []
        elif paragraph.runs and paragraph.runs[0].bold:
            found[current].append(paragraph.runs[0].text)
    return found


def test_core_properties_name_the_draft(report: Path) -> None:
    properties = docx.Document(str(report)).core_properties
    assert properties.title.startswith("Regional Review of the Global Compact")
    assert properties.subject == "Summary report (draft)"
    assert properties.created == GENERATED


def test_headings_have_word_styles_in_report_order(report: Path) -> None:
    found = headings(docx.Document(str(report)))
    assert found[0] == (
        "Title",
        "Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the UNECE region",
    )
    assert [text for style, text in found if style == "Heading 1"] == [
        "Introduction",
        "Opening segment",  # not a roundtable, but someone spoke
        RT1,
        "Roundtable 2: Protecting migrants through rights-based border governance measures",
        "Roundtable 3: Supporting the integration of migrants and acknowledging their contribution to development",
        "Roundtable 4: Improving value- and evidence-based policymaking and public debate, and enhancing "
        "cooperation on migration",
        "Closing segment",  # every segment has its section, whether or not anyone spoke
        "Key messages and chair's summary",
        "Participation",
        "Annex: statements submitted in writing",
        "Annex II: voluntary written submissions",
    ]
    assert [text for style, text in found if style == "Heading 2"] == [
        OBJECTIVE_2,
        OBJECTIVE_5,
        OBJECTIVE_6,
        OBJECTIVE_12,
        OBJECTIVE_18,
        "Other interventions",
        RT1,  # in the annex
    ]


def test_the_introduction_comes_from_the_schedule_and_asserts_nothing_it_cannot_show(report: Path) -> None:
    document = docx.Document(str(report))
    texts = [p.text for p in document.paragraphs]
    body = "\n".join(texts[texts.index("Introduction") : texts.index(RT1)])
    assert "took place on 12–13 November 2020" in body
    assert "organized by" not in body  # the letter names no organiser
    assert "an opening segment, four thematic roundtables and a closing segment" in body
    assert "Thursday 12 November 2020, 10:40–12:40 CET: " + RT1 in body  # in the meeting's zone, not UTC
    assert "provenance" not in body  # the schedule's notes on its sources are for the secretariat, not the report


def test_a_table_of_contents_field_follows_the_title(report: Path) -> None:
    document = docx.Document(str(report))
    title = next(i for i, p in enumerate(document.paragraphs) if p.style is not None and p.style.name == "Title")
    toc = document.paragraphs[title + 1]._p
    codes = [t.text for t in toc.iter(f"{W}instrText")]
    chars = [c.get(f"{W}fldCharType") for c in toc.iter(f"{W}fldChar")]
    assert [c.strip() for c in codes] == [TOC_INSTRUCTION]
    assert chars == ["begin", "separate", "end"]
    # Filled from the headings, so readers that do not update fields show the contents, not a placeholder.
    listed = document.paragraphs[title + 1].text.split("\n")
    assert TOC_PLACEHOLDER not in document.paragraphs[title + 1].text
    assert listed[0] == "Introduction"
    assert f"    {OBJECTIVE_5}" in listed  # a level-2 heading, indented
    assert listed[-1] == "Annex II: voluntary written submissions"
    with zipfile.ZipFile(report) as package:
        assert TOC_INSTRUCTION.encode() in package.read("word/document.xml")


def test_the_cover_block_shows_placeholders_until_the_schedule_sets_symbol_and_date(
    roundtable_record: MeetingRecord,
) -> None:
    def cover(record: MeetingRecord) -> list[str]:
        return [
            p.text for p in docx.Document(io.BytesIO(report_to_docx(record, generated_at=GENERATED))).paragraphs[:5]
        ]

    assert cover(roundtable_record) == [
        "Distr.: General",
        "[Document symbol to be assigned]",
        "[Date of issue]",
        "",
        "Original: English",
    ]
    meeting = replace(roundtable_record.meeting, report=ReportSettings("ECE/AC.35/2020/2", date(2020, 12, 4)))
    assert cover(replace(roundtable_record, meeting=meeting))[1:3] == ["ECE/AC.35/2020/2", "4 December 2020"]


def test_key_messages_are_left_to_the_secretariat_with_the_figures_beside(report: Path) -> None:
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    at = texts.index("Key messages and chair's summary")
    assert texts[at + 1].startswith("[To be written by the secretariat")
    assert texts[at + 2].startswith(
        "For the summary: 8 interventions in 2 segments; 8 delegations took the floor, 5 of"
    )


def test_the_footer_numbers_the_pages_centred(report: Path) -> None:
    footer = docx.Document(str(report)).sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert [t.text.strip() for t in footer._p.iter(f"{W}instrText")] == ["PAGE"]
    assert [c.get(f"{W}fldCharType") for c in footer._p.iter(f"{W}fldChar")] == ["begin", "separate", "end"]


def test_the_participation_table_groups_who_spoke_with_their_time(report: Path) -> None:
    document = docx.Document(str(report))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.style is not None
    assert table.style.name in {"Light Grid Accent 1", "Table Grid"}
    rows = [tuple(cell.text for cell in row.cells) for row in table.rows]
    assert rows[0] == ("Delegation", "Category", "Interventions", "Speaking time")
    group = "Intergovernmental organizations and United Nations system"
    assert rows[1:] == [
        ("Member States",) * 4,  # a label row: one cell across the table
        ("Armenia", "Member State", "1", "2 min"),
        ("European Union", "group of States", "1", "3 min 20 s"),  # the group's statement, not Germany's
        ("Georgia", "Member State", "1", "2 min 30 s"),
        ("Turkey", "Member State", "1", "45 s"),
        ("Ukraine", "Member State", "1", "1 min 5 s"),
        ("Observer States",) * 4,
        ("Holy See", "observer State", "1", "3 min"),
        (group,) * 4,
        ("IOM", "United Nations system", "1", "1 min"),
        ("Secretariat",) * 4,
        ("UNECE", "secretariat", "1", "4 min 10 s"),
        ("Total", "", "8", "17 min 50 s"),  # ICMC only wrote: not a speaker
    ]


def test_a_session_other_than_a_roundtable_lists_its_speakers_in_order(report: Path) -> None:
    under = speakers_under(docx.Document(str(report)))
    assert under["Heading 1", "Opening segment"] == ["Claire Dubois (UNECE)"]
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    assert "Claire Dubois (UNECE), secretariat, 4 min 10 s" in texts


def test_speakers_appear_under_every_objective_they_address(report: Path) -> None:
    under = speakers_under(docx.Document(str(report)))
    assert under["Heading 2", OBJECTIVE_2] == [ELIF]
    assert under["Heading 2", OBJECTIVE_5] == [OLGA]  # from the note of her hand, "on objective 5"
    assert under["Heading 2", OBJECTIVE_6] == [ARMEN]  # by short label
    assert under["Heading 2", OBJECTIVE_12] == [ELIF]
    assert under["Heading 2", OBJECTIVE_18] == [ARMEN]
    assert under["Heading 2", "Other interventions"] == [
        "Markus Steiner (Germany, on behalf of the European Union)",
        NINO,
        "Fr. Paolo Rinaldi (Holy See)",
        "Maria Santos (IOM)",
    ]


def test_an_intervention_reads_who_what_how_long_then_the_statement_and_notes(report: Path) -> None:
    paragraphs = docx.Document(str(report)).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith(ARMEN))
    assert paragraphs[at].text == f"{ARMEN}, Member State, 2 min\n{STATEMENTS['armen']}"
    note = paragraphs[at + 1]
    assert note.text == "Note by Claire Dubois: Referred to the 2019 national action plan"  # names, not ids
    assert note.paragraph_format.left_indent is not None
    assert note.paragraph_format.left_indent > 0
    assert "Markus Steiner (Germany, on behalf of the European Union), group of States, 3 min 20 s" in [
        p.text for p in paragraphs
    ]
    assert "Note by Tomás Ferreira: Roundtable closed on time." in [p.text for p in paragraphs]


def test_written_statements_go_to_the_annex_only(report: Path) -> None:
    document = docx.Document(str(report))
    under = speakers_under(document)
    assert under["Heading 1", RT1] == []
    assert under["Heading 2", RT1] == ["Luca Bianchi (ICMC)"]
    assert "Luca Bianchi (ICMC)" not in [name for names in under.values() for name in names][:-1]
    texts = [p.text for p in document.paragraphs]
    annex = texts[
        texts.index("Annex: statements submitted in writing") : texts.index("Annex II: voluntary written submissions")
    ]
    assert annex[1:] == [RT1, f"Luca Bianchi (ICMC), stakeholder\n{STATEMENTS['icmc']}"]


def test_hostile_text_is_literal_and_the_xml_still_parses(roundtable_record: MeetingRecord, tmp_path: Path) -> None:
    # Commands lose their controls where they enter; a record stored before that can still hold the bell.
    rung = replace(
        roundtable_record,
        sessions=tuple(
            replace(s, interventions=tuple(_said_by_olga_with_a_bell(i) for i in s.interventions))
            for s in roundtable_record.sessions
        ),
    )
    report = tmp_path / "bell.docx"
    report.write_bytes(report_to_docx(rung, generated_at=GENERATED))
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    lead = f"{OLGA}, Member State, 1 min 5 s, announced as “on objective 5”"
    assert f"{lead}\nУкраїна розширює легальні шляхи міграції. {HOSTILE} дзвінок" in texts  # the bell is gone
    with zipfile.ZipFile(report) as package:
        assert package.testzip() is None
        for name in package.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(package.read(name))  # raises on anything malformed
        xml = package.read("word/document.xml")
    assert b"<script>" not in xml
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; @channel" in xml
    assert b"\x07" not in xml


def _said_by_olga_with_a_bell(said: Intervention) -> Intervention:
    return replace(said, statement=STATEMENTS["olga"]) if said.entry.speaker.participant_id == "olga" else said


def test_unicode_names_and_statements_round_trip(report: Path) -> None:
    leads = [name for names in speakers_under(docx.Document(str(report))).values() for name in names]
    assert {OLGA, ARMEN, NINO, ELIF} <= set(leads)
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    for who in ("armen", "nino", "elif"):
        assert STATEMENTS[who] in text


async def test_a_meeting_with_no_interventions_is_a_valid_document_that_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    async with process(url, SimulatedClock(GENERATED)):
        pass
    path = tmp_path / "empty.docx"
    path.write_bytes(report_to_docx(await read_back(url), generated_at=GENERATED))
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts.count(NO_INTERVENTIONS) == 6  # every segment has its section, the opening and closing too
    assert [text for style, text in headings(document) if style == "Heading 2"] == []
    assert "No delegation or stakeholder took the floor." in texts
    assert texts[-3:] == [
        "No statement was submitted in writing only.",
        "Annex II: voluntary written submissions",
        "No written submission was received.",
    ]
    assert document.tables == []


@needs_libreoffice
def test_libreoffice_lays_out_the_draft(report: Path, tmp_path: Path) -> None:
    text = pdf_text(report, tmp_path)
    assert "Annex: statements submitted in writing" in text
    assert "Україна розширює легальні шляхи міграції." in text
    # The contents list shows as LibreOffice opens it, without updating fields: each heading appears twice.
    assert text.count("Annex II: voluntary written submissions") == 2
    assert "Right-click to update" not in text


def test_a_control_character_in_the_delegation_of_someone_not_heard_is_dropped(
    roundtable_record: MeetingRecord,
) -> None:
    """Found by review: `/iam` with U+0001 in the delegation, a hand not heard, and the report failed to build."""
    zed = Speaker("zed", "Zed Zee", "Atl\x01antis\u202e", Category.MEMBER_STATE, Level.OTHER)
    sessions = tuple(
        replace(s, unheard=(QueueEntry(99, zed, EntryKind.STATEMENT, s.session.start + timedelta(minutes=1), 99),))
        if s.session.id == "rt1"
        else s
        for s in roundtable_record.sessions
    )
    record = replace(roundtable_record, sessions=sessions)
    for form, line in (("docx", "Inscribed but not heard: Zed Zee (Atlantis)."), ("notes-docx", "Zed Zee (Atlantis).")):
        document = docx.Document(io.BytesIO(export(form, ExportInput(record, [], GENERATED))))
        assert line in [p.text for p in document.paragraphs], form


@pytest.mark.parametrize("module", [report_docx, notes_docx], ids=["report", "notes"])
def test_text_reaches_word_only_through_the_helpers_that_make_it_safe(module: object) -> None:
    """python-docx takes text as it is given: only word.py's helpers, which clean it, may call it to add text."""
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    adds = {"add_paragraph", "add_heading", "add_run", "add_table", "add_row"}
    direct = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and (node.attr in adds or (node.attr == "text" and isinstance(node.ctx, ast.Store)))
    ]
    assert direct == [], f"python-docx called directly on lines {direct}: use word.paragraph, heading, run, table"


def test_written_submissions_are_listed_in_annex_ii_and_cited_where_they_address_a_roundtable(
    roundtable_record: MeetingRecord,
) -> None:
    received = datetime(2020, 10, 30, 23, 30, tzinfo=UTC)  # 31 October, 00:30 in Geneva
    submissions = (
        Submission("GE", "On objective 5, regular pathways…", received, 4800, 2),
        Submission("AM", "Our <b>return</b> policy & data, under objective 21.", received, 1200, 1),
    )
    record = replace(roundtable_record, submissions=submissions, states={"GE": "Georgia", "AM": "Armenia"})
    document = docx.Document(io.BytesIO(report_to_docx(record, generated_at=GENERATED)))
    texts = [p.text for p in document.paragraphs]
    assert (
        "The report is based on the discussions and on the voluntary written submissions of Member States: two "
        "submissions were received (annex II)." in texts
    )
    # Roundtable 1 covers objective 5, not 21: only Georgia's is cited there.
    assert "Written submissions addressing these objectives were received from Georgia (annex II)." in texts
    annex = document.tables[-1]
    assert [[cell.text for cell in row.cells] for row in annex.rows] == [
        ["Member State", "Received", "Words"],
        ["Armenia", "31 October 2020", "1,200"],
        ["Georgia", "31 October 2020", "4,800"],
    ]


def test_without_submissions_annex_ii_says_none_was_received(report: Path) -> None:
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    assert texts[texts.index("Annex II: voluntary written submissions") + 1] == "No written submission was received."


def test_pages_are_a4_and_the_participation_heading_keeps_with_its_table(report: Path) -> None:
    document = docx.Document(str(report))
    assert {(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections} == {(210, 297)}
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "Participation")
    assert paragraphs[at].style is not None
    assert paragraphs[at].style.paragraph_format.keep_with_next  # Word's heading styles keep with what follows
    assert paragraphs[at + 1].paragraph_format.keep_with_next
