"""The provisional list of speakers on the 2020 schedule: Word on A4, HTML, Markdown; names not codes; inert text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

import docx
import pytest
from docx.shared import Mm

from bot.domain.interests import Interest, Role, Status
from bot.domain.meeting import Meeting, Session
from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.formats.provisional_list import (
    NO_SPEAKER,
    ProvisionalLists,
    provisional_list_docx,
    provisional_list_html,
    provisional_list_md,
)
from bot.formats.schedule_toml import load_schedule_toml
from tests.conftest import GCM_2020
from tests.words import english

# 23:30 UTC on 9 November is already 10 November in Geneva: the date is the meeting's.
GENERATED = datetime(2020, 11, 9, 23, 30, tzinfo=UTC)
EXPRESSED = datetime(2020, 10, 20, 9, 0, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.invalid","click")'
RLO = "\u202e"
NAMES = {"AM": "Armenia", "UA": "Ukraine", "DE": "Germany", "TR": "Turkey", "GE": "Georgia"}
RT1 = "Roundtable 1: Ensuring that migration is voluntary, orderly and regular"
RT1_HEADING = f"{RT1} — Thursday 12 November 2020, 10:40–12:40 CET"
OPENING_HEADING = "Opening segment — Thursday 12 November 2020, 10:00–10:40 CET"
CLOSING_HEADING = "Closing segment — Friday 13 November 2020, 15:00–15:40 CET"


def state_name(code: str) -> str:
    return NAMES.get(code, code)


def accepted(number: int, role: Role, speaker: Speaker, session_id: str = "rt1") -> Interest:
    interest = Interest(number, session_id, role, speaker, "", EXPRESSED)
    return interest.accepted("secretariat", EXPRESSED, None)


OLGA = Speaker("olga", "Ольга Коваленко", "UA", Category.MEMBER_STATE, Level.MINISTER)
ARMEN = Speaker("armen", "Армен Акопян", "AM", Category.MEMBER_STATE, Level.AMBASSADOR)
MARKUS = Speaker("markus", "Markus Steiner", "DE", Category.MEMBER_STATE, Level.VICE_MINISTER, group="EU")
HOSTILE = Speaker("eve", f"{SCRIPT} {FORMULA} {RLO}evil|x", "ICMC", Category.STAKEHOLDER, Level.OTHER)
ELIF = Speaker("elif", "Elif Yılmaz", "TR", Category.MEMBER_STATE, Level.OTHER)
NINO = Speaker("nino", "Nino Beridze", "GE", Category.MEMBER_STATE, Level.AMBASSADOR)
# Speaking order as the domain gave it, deliberately not protocol order: the format must not re-sort.
RT1_SPEAKERS = (
    accepted(1, Role.SPEAKER, ARMEN),
    accepted(2, Role.SPEAKER, MARKUS),
    accepted(3, Role.SPEAKER, OLGA),
    accepted(4, Role.SPEAKER, HOSTILE),
    accepted(5, Role.SPEAKER, ELIF),
)
RT1_ROWS = [
    ["No.", "Delegation", "Speaker", "Title"],
    ["1", "Armenia", "Армен Акопян", "Ambassador"],
    ["2", "Germany, on behalf of the European Union", "Markus Steiner", "Vice-Minister"],
    ["3", "Ukraine", "Ольга Коваленко", "Minister"],
    ["4", "ICMC", f"{SCRIPT} {FORMULA} evil|x", "Stakeholder"],
    ["5", "Turkey", "Elif Yılmaz", ""],
]


@pytest.fixture
def meeting() -> Meeting:
    return load_schedule_toml(GCM_2020)


def session(meeting: Meeting, session_id: str) -> Session:
    found = meeting.session(session_id)
    assert found is not None
    return found


@pytest.fixture
def lists(meeting: Meeting) -> ProvisionalLists:
    rt1, opening, closing = (session(meeting, s) for s in ("rt1", "opening", "closing"))
    return ProvisionalLists(
        meeting=meeting,
        # Given out of schedule order: segments appear as given.
        segments=((rt1, RT1_SPEAKERS), (opening, ()), (closing, (accepted(7, Role.SPEAKER, NINO, "closing"),))),
        moderators=((rt1, (accepted(6, Role.MODERATOR, NINO),)),),
        state_name=state_name,
        generated_at=GENERATED,
        tr=english(),
    )


def table_rows(data: bytes) -> list[list[str]]:
    """The first table of the Word document, as the text of its cells."""
    return [[cell.text for cell in row.cells] for row in docx.Document(io.BytesIO(data)).tables[0].rows]


@pytest.fixture
def document(lists: ProvisionalLists) -> docx.document.Document:
    return docx.Document(io.BytesIO(provisional_list_docx(lists)))


def test_every_section_of_the_docx_is_a4(document: docx.document.Document) -> None:
    assert document.sections
    for section in document.sections:
        # Word stores twentieths of a point, so 210 mm comes back a few EMU off: within a tenth of a millimetre.
        assert section.page_width is not None
        assert section.page_height is not None
        assert abs(section.page_width - Mm(210)) < Mm(0.1)
        assert abs(section.page_height - Mm(297)) < Mm(0.1)


def test_docx_title_meeting_and_date_in_the_meetings_zone(document: docx.document.Document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == [
        "Provisional list of speakers",
        "Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the UNECE region",
        "As of 10 November 2020",
    ]
    assert document.paragraphs[0].style is not None
    assert document.paragraphs[0].style.name == "Title"


def test_docx_segments_appear_in_the_order_given(document: docx.document.Document) -> None:
    found = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert found == [RT1_HEADING, OPENING_HEADING, CLOSING_HEADING]


def test_docx_table_keeps_speaking_order_with_names_not_codes(document: docx.document.Document) -> None:
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows == RT1_ROWS
    assert all(cell != "AM" for row in rows for cell in row)
    closing = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert closing[1] == ["1", "Georgia", "Nino Beridze", "Ambassador"]


def test_docx_moderator_and_empty_segment(document: docx.document.Document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index(RT1_HEADING) + 1] == "Moderated by Nino Beridze (Georgia)"
    assert texts[texts.index(OPENING_HEADING) + 1] == NO_SPEAKER
    assert texts.count("Moderated by Nino Beridze (Georgia)") == 1  # not under the closing, where she speaks


def test_html_is_standalone_a4_and_inert(lists: ProvisionalLists) -> None:
    page = provisional_list_html(lists)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in page
    assert "@page { size: A4" in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert RLO not in page
    assert "Germany, on behalf of the European Union" in page
    assert "<td>Armenia</td>" in page
    assert "<td>AM</td>" not in page
    order = [page.index(h) for h in (RT1_HEADING, OPENING_HEADING, CLOSING_HEADING)]
    assert order == sorted(order)
    assert [page.index(n) for n in ("Армен Акопян", "Markus Steiner", "Ольга Коваленко")] == sorted(
        page.index(n) for n in ("Армен Акопян", "Markus Steiner", "Ольга Коваленко")
    )
    assert f"<p>{NO_SPEAKER}</p>" in page


def test_markdown_rows_in_order_and_inert(lists: ProvisionalLists) -> None:
    text = provisional_list_md(lists)
    assert text.startswith("# Provisional list of speakers\n")
    assert "As of 10 November 2020" in text
    assert "<script" not in text
    assert RLO not in text
    assert "&lt;script&gt;" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| No. | Delegation | Speaker | Title |"
    assert rows[1] == "| 1 | Armenia | Армен Акопян | Ambassador |"
    assert rows[2] == "| 2 | Germany, on behalf of the European Union | Markus Steiner | Vice-Minister |"
    assert rows[3] == "| 3 | Ukraine | Ольга Коваленко | Minister |"
    # The hostile name stays in its own cell: its '|' cannot open a column; its formula and markup read as typed.
    assert rows[4].count(" | ") == 3
    assert "evil\\|x" in rows[4]
    assert '=HYPERLINK("http://evil.invalid","click")' in rows[4]
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.replace("\\", "") for h in headings] == [
        f"## {h}" for h in (RT1_HEADING, OPENING_HEADING, CLOSING_HEADING)
    ]
    assert "Moderated by Nino Beridze (Georgia)" in text


def test_levels_and_categories_as_words(meeting: Meeting) -> None:
    speakers = [
        Speaker("a", "A", "AM", Category.MEMBER_STATE, Level.HEAD_OF_STATE),
        Speaker("b", "B", "AM", Category.MEMBER_STATE, Level.HEAD_OF_GOVERNMENT),
        Speaker("c", "C", "VA", Category.OBSERVER_STATE, Level.AMBASSADOR),
        Speaker("d", "D", "OSCE", Category.IGO, Level.OTHER),
        Speaker("e", "E", "IOM", Category.UN_SYSTEM, Level.OTHER),
        Speaker("f", "F", None, Category.SECRETARIAT, Level.OTHER),
        Speaker("g", "G", "AM", Category.MEMBER_STATE, Level.OTHER, group="CIS"),
    ]
    rt2 = session(meeting, "rt2")
    interests = tuple(accepted(n, Role.SPEAKER, s, "rt2") for n, s in enumerate(speakers, start=1))
    made = ProvisionalLists(meeting, ((rt2, interests),), (), state_name, GENERATED, tr=english())
    rows = table_rows(provisional_list_docx(made))
    assert [r[3] for r in rows[1:]] == [
        "Head of State",
        "Head of Government",
        "Observer State",
        "Intergovernmental organization",
        "United Nations system",
        "Secretariat",
        "",
    ]
    assert [r[1] for r in rows[1:]][-2:] == ["", "Armenia, on behalf of CIS"]


def test_a_segment_given_no_speakers_at_all(meeting: Meeting) -> None:
    made = ProvisionalLists(meeting, (), (), state_name, GENERATED, tr=english())
    document = docx.Document(io.BytesIO(provisional_list_docx(made)))
    assert not document.tables
    assert "<section" not in provisional_list_html(made)


def test_the_speaking_order_given_is_kept(lists: ProvisionalLists) -> None:
    """Reversing the given speakers reverses the rows: nothing is re-sorted by protocol."""
    rt1, speakers = lists.segments[0]
    reversed_lists = replace(lists, segments=((rt1, tuple(reversed(speakers))),))
    rows = table_rows(provisional_list_docx(reversed_lists))
    assert [r[2] for r in rows[1:]] == [r[2] for r in reversed(RT1_ROWS[1:])]
    assert all(i.status is Status.ACCEPTED for i in speakers)
