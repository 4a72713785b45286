"""The summary report draft in Word from a roundtable replayed on SQLite: its shape, numbering, wording, inert text."""

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
from bot.formats import notes_docx, report_annexes, report_attendance, report_docx, report_draft, report_sessions
from bot.formats.exports import ExportInput, export
from bot.formats.report_docx import TOC_INSTRUCTION, report_to_docx
from bot.formats.report_sessions import NO_INTERVENTIONS
from bot.formats.word_numbering import STYLE
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
from tests.words import english


@pytest.fixture
def report(roundtable_record: MeetingRecord, tmp_path: Path) -> Path:
    path = tmp_path / "report.docx"
    path.write_bytes(report_to_docx(roundtable_record, generated_at=GENERATED, tr=english()))
    return path


RT2 = "Roundtable 2: Protecting migrants through rights-based border governance measures"
RT3 = "Roundtable 3: Supporting the integration of migrants and acknowledging their contribution to development"
RT4 = (
    "Roundtable 4: Improving value- and evidence-based policymaking and public debate, and enhancing cooperation "
    "on migration"
)
ANNEXES = (
    "Annex I: List of participants",
    "Annex II: Speakers by session",
    "Annex III: Voluntary written submissions",
    "Annex IV: Statements submitted in writing only",
)


def headings(document: WordDocument) -> list[tuple[str, str]]:
    styled = ((p.style.name if p.style else "", p.text) for p in document.paragraphs)
    return [(style, text) for style, text in styled if style == "Title" or style.startswith("Heading")]


def under(document: WordDocument) -> dict[tuple[str, str], list[str]]:
    """For each (style, heading), the text of every paragraph before the next heading; a heading that comes
    again (a session's title in two annexes) is keyed '… (2)' the second time."""
    found: dict[tuple[str, str], list[str]] = {}
    current = ("", "")
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style else ""
        if style.startswith("Heading"):
            current = (style, paragraph.text)
            current = (style, f"{paragraph.text} (2)") if current in found else current
            found[current] = []
        elif current in found:
            found[current].append(paragraph.text)
    return found


def texts_of(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_core_properties_name_the_draft(report: Path) -> None:
    properties = docx.Document(str(report)).core_properties
    assert properties.title.startswith("Regional Review of the Global Compact")
    assert properties.subject == "Summary report (draft)"
    assert properties.created == GENERATED


def test_chapters_are_numbered_and_every_segment_has_one_then_the_annexes(report: Path) -> None:
    found = headings(docx.Document(str(report)))
    assert found[0] == (
        "Title",
        "Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the UNECE region",
    )
    assert [text for style, text in found if style == "Heading 1"] == [
        "I. Introduction",
        "II. Attendance",
        "III. Opening segment",  # not a roundtable, but someone spoke
        f"IV. {RT1}",
        f"V. {RT2}",
        f"VI. {RT3}",
        f"VII. {RT4}",
        "VIII. Closing segment",  # every segment has its chapter, whether or not anyone spoke
        "IX. Key messages and chair's summary",
        *ANNEXES,
    ]
    assert [text for style, text in found if style == "Heading 2"] == [
        OBJECTIVE_2,
        OBJECTIVE_5,
        OBJECTIVE_6,
        OBJECTIVE_12,
        OBJECTIVE_18,
        "General and procedural interventions",
        "Member States",  # annex I, in the order UN lists use
        "Observer States",
        "United Nations system",
        "Intergovernmental organizations",
        "Civil society and other stakeholders",
        "Secretariat",
        "Opening segment",  # annex II
        RT1,
        "Speaking time by delegation",
        RT1,  # annex IV
    ]


def test_body_paragraphs_are_numbered_by_word_through_the_document_and_annexes_are_not(report: Path) -> None:
    document = docx.Document(str(report))
    numbered = [p for p in document.paragraphs if p.style is not None and p.style.name == STYLE]
    assert numbered[0].text.startswith("The Regional Review of the Global Compact")
    assert len(numbered) >= 20
    # One list, decimal "1.", defined in the numbering part and attached to the style: Word renumbers as the
    # secretariat edits, and LibreOffice shows the numbers (test_libreoffice_lays_out_the_draft).
    style = document.styles[STYLE].element
    num_id = style.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.iterchildren(f"{W}num") if n.get(f"{W}numId") == num_id)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in numbering.iterchildren(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
    assert abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "decimal"
    assert abstract.find(f"{W}lvl/{W}lvlText").get(f"{W}val") == "%1."
    texts = [p.text for p in document.paragraphs]
    annexes_start = texts.index(ANNEXES[0])
    assert all(texts.index(p.text) < annexes_start for p in numbered)


def test_the_introduction_comes_from_the_schedule_and_asserts_nothing_it_cannot_show(report: Path) -> None:
    texts = texts_of(report)
    body = "\n".join(texts[texts.index("I. Introduction") : texts.index("II. Attendance")])
    assert "took place on 12–13 November 2020" in body
    assert "organized by" not in body  # the letter names no organiser
    assert "an opening segment, four thematic roundtables and a closing segment" in body
    assert "Thursday 12 November 2020, 10:40–12:40 CET: " + RT1 in body  # in the meeting's zone, not UTC
    assert "provenance" not in body  # the schedule's notes on its sources are for the secretariat, not the report


def test_attendance_counts_who_registered_and_who_took_the_floor_by_category(report: Path) -> None:
    document = docx.Document(str(report))
    chapter = under(document)["Heading 1", "II. Attendance"]
    assert chapter[:2] == [
        "19 participants registered for the review, representing 13 Member States, 1 observer State, 1 United "
        "Nations entity, 1 intergovernmental organization and 3 stakeholder organizations (annex I).",
        "Delegations of 4 Member States, 1 group of States, 1 observer State and 1 United Nations entity took the "
        "floor (annex II).",  # the EU's statement counts for the group, not for Germany; ICMC only wrote
    ]
    rows = [tuple(cell.text for cell in row.cells) for row in document.tables[0].rows]
    assert rows == [
        ("Category", "Delegations registered", "Participants registered", "Delegations that took the floor"),
        ("Member States", "13", "13", "4"),
        ("Groups of States", "0", "0", "1"),
        ("Observer States", "1", "1", "1"),
        ("United Nations entities", "1", "1", "1"),
        ("Intergovernmental organizations", "1", "1", "0"),
        ("Stakeholder organizations", "3", "3", "0"),
    ]


def test_a_table_of_contents_field_is_filled_from_the_headings(report: Path) -> None:
    document = docx.Document(str(report))
    toc = next(p for p in document.paragraphs if list(p._p.iter(f"{W}instrText")))
    codes = [t.text for t in toc._p.iter(f"{W}instrText")]
    chars = [c.get(f"{W}fldCharType") for c in toc._p.iter(f"{W}fldChar")]
    assert [c.strip() for c in codes] == [TOC_INSTRUCTION]
    assert chars == ["begin", "separate", "end"]
    # Filled from the headings, so readers that do not update fields show the contents, not a placeholder.
    listed = toc.text.split("\n")
    assert listed[0] == "I. Introduction"
    assert f"    {OBJECTIVE_5}" in listed  # a level-2 heading, indented
    assert listed[-1] == f"    {RT1}"
    assert "Right-click" not in toc.text
    with zipfile.ZipFile(report) as package:
        assert TOC_INSTRUCTION.encode() in package.read("word/document.xml")


def test_the_cover_block_shows_placeholders_until_the_schedule_sets_symbol_and_date(
    roundtable_record: MeetingRecord,
) -> None:
    def cover(record: MeetingRecord) -> list[str]:
        return [
            p.text
            for p in docx.Document(io.BytesIO(report_to_docx(record, generated_at=GENERATED, tr=english()))).paragraphs[
                :5
            ]
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
    chapter = under(docx.Document(str(report)))["Heading 1", "IX. Key messages and chair's summary"]
    assert chapter[0].startswith("[To be written by the secretariat")
    assert chapter[1] == (
        "For the summary: 8 interventions in 2 segments; 8 delegations and speakers took the floor; "
        "0 written submissions; speaking time 17 min 50 s."
    )


def test_the_footer_numbers_the_pages_centred(report: Path) -> None:
    footer = docx.Document(str(report)).sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert [t.text.strip() for t in footer._p.iter(f"{W}instrText")] == ["PAGE"]
    assert [c.get(f"{W}fldCharType") for c in footer._p.iter(f"{W}fldChar")] == ["begin", "separate", "end"]


def test_speaking_time_by_delegation_credits_a_group_statement_to_the_group(report: Path) -> None:
    document = docx.Document(str(report))
    table = document.tables[-1]
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


def test_each_segment_opens_with_when_and_who_moderated_by_name(report: Path) -> None:
    chapters = under(docx.Document(str(report)))
    assert chapters["Heading 1", "III. Opening segment"] == [
        "The segment was held on Thursday 12 November 2020, 10:00–10:40 CET, moderated by Ingrid Halvorsen "
        "(Norway); 1 speaker took the floor (annex II).",
        "Claire Dubois, for the secretariat, also took the floor.",  # no text given: named, not a bare name
    ]
    assert chapters["Heading 1", f"IV. {RT1}"] == [
        "The roundtable was held on Thursday 12 November 2020, 10:40–12:40 CET, moderated by Tomás Ferreira "
        "(Portugal). It addressed objectives 2, 5, 6, 12 and 18 of the Global Compact; 7 speakers took the floor "
        "(annex II)."
    ]
    assert chapters["Heading 1", "VIII. Closing segment"][1] == NO_INTERVENTIONS


def test_each_objective_summarises_what_was_said_on_it_in_house_style(report: Path) -> None:
    chapters = under(docx.Document(str(report)))
    turkey = f"The representative of Turkey said: “{STATEMENTS['elif']}”"
    assert chapters["Heading 2", OBJECTIVE_2] == [turkey]
    assert chapters["Heading 2", OBJECTIVE_12] == [turkey]  # a statement on two objectives is under both
    # Her hand's note said "on objective 5"; the statement's first two sentences, as typed, inert.
    assert chapters["Heading 2", OBJECTIVE_5] == [
        f"The representative of Ukraine said: “Україна розширює легальні шляхи міграції. {HOSTILE} дзвінок.”"
    ]
    # Armenia's statement (found by the objectives' short labels), then the rapporteur's note on it, by name.
    armenia = (
        f"The representative of Armenia said: “{STATEMENTS['armen']}” "
        "Note by Claire Dubois: Referred to the 2019 national action plan."
    )
    assert chapters["Heading 2", OBJECTIVE_6] == [armenia]
    assert chapters["Heading 2", OBJECTIVE_18] == [armenia]
    assert chapters["Heading 2", "General and procedural interventions"] == [
        f"The representative of Georgia said: “{STATEMENTS['nino']}”",
        # Those who gave no text, in one sentence, each as a UN summary names them.
        "The European Union, speaking on behalf of its member States; the observer for the Holy See; and the "
        "representative of IOM also took the floor.",
        "Roundtable closed on time.",  # the moderator's note on the session
        "Statements submitted in writing only are reproduced in annex IV.",
    ]


def test_annex_ii_lists_every_speaker_by_session_with_kind_and_time(report: Path) -> None:
    chapters = under(docx.Document(str(report)))
    assert chapters["Heading 2", "Opening segment"] == ["1. Claire Dubois (UNECE), secretariat, 4 min 10 s"]
    assert chapters["Heading 2", RT1][:3] == [
        "1. Markus Steiner (Germany, on behalf of the European Union), group of States, 3 min 20 s",
        f"2. {ARMEN}, Member State, 2 min",
        f"3. {OLGA}, Member State, 1 min 5 s",
    ]


def test_annex_i_lists_the_registered_participants_by_delegation_with_titles(report: Path) -> None:
    chapters = under(docx.Document(str(report)))
    members = chapters["Heading 2", "Member States"]
    assert members[:2] == ["Armenia", "Armen Hakobyan — Արմեն Հակոբյան, Minister of Labour and Social Affairs"]
    assert "Turkey" in members  # as the UN wrote it in 2020
    assert chapters["Heading 2", "Observer States"] == ["Holy See", "Fr. Paolo Rinaldi"]


def test_written_statements_go_to_annex_iv_only(report: Path) -> None:
    document = docx.Document(str(report))
    texts = [p.text for p in document.paragraphs]
    body = "\n".join(texts[: texts.index(ANNEXES[0])])
    assert "ICMC" not in body
    assert "Community sponsorship" not in body
    annex = texts[texts.index(ANNEXES[3]) :]
    assert annex[1:] == [RT1, f"Luca Bianchi (ICMC)\n{STATEMENTS['icmc']}"]


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
    report.write_bytes(report_to_docx(rung, generated_at=GENERATED, tr=english()))
    texts = texts_of(report)
    said = f"The representative of Ukraine said: “Україна розширює легальні шляхи міграції. {HOSTILE} дзвінок.”"
    assert said in texts  # the bell is gone
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
    text = "\n".join(texts_of(report))
    for name in (OLGA, ARMEN, NINO, ELIF):
        assert name in text
    for who in ("nino", "elif", "icmc"):
        assert STATEMENTS[who] in text


async def test_a_meeting_with_no_interventions_is_a_valid_document_that_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    async with process(url, SimulatedClock(GENERATED)):
        pass
    path = tmp_path / "empty.docx"
    path.write_bytes(report_to_docx(await read_back(url), generated_at=GENERATED, tr=english()))
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts.count(NO_INTERVENTIONS) == 6  # every segment has its chapter, the opening and closing too
    assert "No delegation or stakeholder took the floor." in texts
    assert texts[-3:] == [
        "No written submission was received.",
        ANNEXES[3],
        "No statement was submitted in writing only.",
    ]
    assert len(document.tables) == 1  # attendance: who registered


@needs_libreoffice
def test_libreoffice_lays_out_the_draft(report: Path, tmp_path: Path) -> None:
    text = " ".join(pdf_text(report, tmp_path).split())  # lines as laid out, joined
    assert "Україна розширює легальні шляхи міграції." in text
    # The contents list shows as LibreOffice opens it, without updating fields: each heading appears twice.
    assert text.count(ANNEXES[3]) == 2
    assert "Right-click to update" not in text
    # The paragraphs carry their numbers as LibreOffice lays them out.
    assert "1. The Regional Review of the Global Compact" in text
    assert "2. The programme comprised" in text


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
        document = docx.Document(io.BytesIO(export(form, ExportInput(record, [], GENERATED, tr=english()))))
        assert line in [p.text for p in document.paragraphs], form


@pytest.mark.parametrize(
    "module",
    [report_docx, report_sessions, report_annexes, report_attendance, report_draft, notes_docx],
    ids=["report", "sessions", "annexes", "attendance", "draft", "notes"],
)
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


def test_written_submissions_are_listed_in_annex_iii_and_summarised_under_the_objectives_they_address(
    roundtable_record: MeetingRecord,
) -> None:
    received = datetime(2020, 10, 30, 23, 30, tzinfo=UTC)  # 31 October, 00:30 in Geneva
    text = "Introduction. We thank the secretariat.\n\nOn objective 5, regular pathways were widened. Visas too. More."
    submissions = (
        Submission("GE", text, received, 4800, 2),
        Submission("AM", "Our <b>return</b> policy & data, under objective 21.", received, 1200, 1),
    )
    record = replace(roundtable_record, submissions=submissions, states={"GE": "Georgia", "AM": "Armenia"})
    document = docx.Document(io.BytesIO(report_to_docx(record, generated_at=GENERATED, tr=english())))
    texts = [p.text for p in document.paragraphs]
    assert (
        "The report is based on the discussions and on the voluntary written submissions of Member States: two "
        "submissions were received (annex III)." in texts
    )
    # Roundtable 1 covers objective 5, not 21: only Georgia's is summarised there, by the passage on it.
    sections = under(document)
    assert sections["Heading 2", OBJECTIVE_5][-1] == (
        "In its written submission, Georgia stated: “On objective 5, regular pathways were widened. Visas too.”"
    )
    # Roundtable 2, where nobody spoke, still gives Armenia's under objective 21; the other objectives say none.
    (on_21,) = [texts for (_, title), texts in sections.items() if title.startswith("Objective 21:")]
    assert on_21 == [
        "In its written submission, Armenia stated: “Our <b>return</b> policy & data, under objective 21.”"
    ]
    (on_4,) = [texts for (_, title), texts in sections.items() if title.startswith("Objective 4:")]
    assert on_4 == ["No intervention or written submission referred to this objective."]
    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert rows == [
        ["Member State", "Received", "Words"],
        ["Armenia", "31 October 2020", "1,200"],
        ["Georgia", "31 October 2020", "4,800"],
    ]


def test_without_submissions_annex_iii_says_none_was_received(report: Path) -> None:
    texts = texts_of(report)
    assert texts[texts.index(ANNEXES[2]) + 1] == "No written submission was received."


def test_pages_are_a4_and_the_time_table_keeps_with_its_heading(report: Path) -> None:
    document = docx.Document(str(report))
    assert {(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections} == {(210, 297)}
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "Speaking time by delegation")
    assert paragraphs[at].style is not None
    assert paragraphs[at].style.paragraph_format.keep_with_next  # Word's heading styles keep with what follows
    assert paragraphs[at + 1].paragraph_format.keep_with_next


def test_a_point_of_order_says_whom_it_interrupted_and_the_chair_s_ruling(roundtable_record: MeetingRecord) -> None:
    rt1 = next(s for s in roundtable_record.sessions if s.session.id == "rt1")
    nino = next(i for i in rt1.interventions if i.entry.speaker.participant_id == "nino")
    sarah = Speaker("sarah", "Sarah Mitchell", "US", Category.MEMBER_STATE, Level.OTHER)
    at = nino.started_at + timedelta(seconds=30)
    entry = QueueEntry(50, sarah, EntryKind.ORDER, at, 0, "quorum and interpretation")
    ruling = "The meeting has quorum; interpretation is restored"
    order = Intervention(entry, at, None, at + timedelta(seconds=40), interrupted=nino.id, ruling=ruling)
    ordered = tuple(sorted((*rt1.interventions, order), key=lambda i: i.started_at))
    sessions = tuple(replace(s, interventions=ordered) if s is rt1 else s for s in roundtable_record.sessions)
    record = replace(roundtable_record, sessions=sessions, states={**roundtable_record.states, "US": "United States"})
    document = docx.Document(io.BytesIO(report_to_docx(record, generated_at=GENERATED, tr=english())))
    procedural = under(document)["Heading 2", "General and procedural interventions"]
    assert (
        "On a point of order, the representative of the United States interrupted the representative of Georgia, "
        f"raising quorum and interpretation. The Chair ruled: “{ruling}.”"
    ) in procedural
    rows = [tuple(cell.text for cell in row.cells) for row in document.tables[-1].rows]
    assert ("United States", "Member State", "1 point of order", "—") in rows  # not "1, 0 s"
    assert rows[-1] == ("Total", "", "8 + 1 point of order", "17 min 50 s")
    speakers = under(document)["Heading 2", RT1]
    assert any(
        line.endswith("Member State, point of order, interrupting Nino Beridze — ნინო ბერიძე") for line in speakers
    )
