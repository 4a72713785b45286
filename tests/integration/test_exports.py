"""Session notes (Markdown) and the record (CSV) from a roundtable replayed on SQLite: order, times, inert text."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import docx
import pytest

from bot.domain.meeting import Meeting
from bot.formats.notes_docx import notes_to_docx
from bot.formats.notes_html import notes_to_html
from bot.formats.notes_markdown import notes_to_markdown
from bot.formats.record_csv import record_to_csv
from bot.formats.record_json import record_to_json
from bot.formats.schedules import load_meeting
from bot.formats.transcript import transcript_to_json, transcript_to_markdown
from bot.scheduling.clock import SimulatedClock
from bot.services.record import MeetingRecord, read_record
from bot.storage.database import Database
from tests.conftest import GCM_2020
from tests.integration.roundtable_replay import read_back
from tests.integration.test_floor_end_to_end import process
from tests.words import english

HOSTILE = '<script>alert(1)</script> @channel =HYPERLINK("x") objective 5'


@pytest.fixture
async def replayed(tmp_path: Path) -> str:
    """The database URL after a short roundtable was replayed through the console."""
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(datetime(2020, 11, 12, 9, 40, tzinfo=UTC))
    async with process(url, clock) as (_, console, _):
        await console.run_script(
            [
                "olga #gcm-rt1> /hand",
                "armen #gcm-rt1> /hand on decent work",
                "icmc #gcm-rt1> /hand",
                f"olga #gcm-rt1> /statement Ольга: {HOSTILE}",
                "icmc #gcm-rt1> /statement =1+1 community sponsorship (Objective 23)",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 2m",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 90s",
                "mod-rt1 #gcm-rt1> /floor end",
                "@clock 2020-11-12T13:00+01:00",
                "icmc> /consent rt1 yes",  # the written statement may be published
            ]
        )
    return url


@pytest.fixture
async def record(replayed: str) -> MeetingRecord:
    return await read_back(replayed)


def test_notes_list_speakers_in_order_with_times_and_objectives(record: MeetingRecord) -> None:
    text = notes_to_markdown(record, tr=english())
    rt1 = text.split("## Roundtable 1", 1)[1].split("\n## ", 1)[0]
    speakers = re.findall(r"^(\d+)\. \*\*(.+?)\*\*.*$", rt1, re.MULTILINE)
    assert speakers == [  # numbered as /correct takes them; the written statement follows the last one heard
        ("1", "Armen Hakobyan — Արմեն Հակոբյան (Armenia)"),
        ("2", "Olga Kovalenko — Ольга Коваленко (Ukraine)"),
        ("3", "Luca Bianchi (ICMC)"),
    ]
    assert "10:40, 2 min" in rt1
    assert "10:42, 1 min 30 s (objective 5)" in rt1
    assert "### Statements submitted in writing only" in rt1
    assert "Luca Bianchi" in rt1


def test_participant_text_is_inert_in_markdown(record: MeetingRecord) -> None:
    text = notes_to_markdown(record, tr=english())
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert re.search(r"(?<!\\)@channel", text) is None  # escaped: GitHub and Slack render it without a ping
    assert r"\@channel" in text


def test_a_session_without_interventions_is_a_valid_document_that_says_so(record: MeetingRecord) -> None:
    rt4 = notes_to_markdown(record, tr=english()).split("## Roundtable 4", 1)[1]
    assert "No interventions were recorded in this session." in rt4


def test_csv_opens_as_utf8_in_a_spreadsheet_and_keeps_formulas_as_text(record: MeetingRecord) -> None:
    data = record_to_csv(record)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["participant"], r["delivery"], r["duration_seconds"]) for r in rows] == [
        ("armen", "delivered", "120"),
        ("olga", "delivered", "90"),
        ("icmc", "written", "0"),
    ]
    assert rows[1]["statement"].startswith("Ольга: <script>")
    assert rows[2]["statement"].startswith("'=1+1")
    assert rows[2]["objectives"] == "23"


def test_html_notes_are_well_formed_self_contained_and_inert(record: MeetingRecord) -> None:
    page = notes_to_html(record, tr=english())
    parser = StrictHTML()
    parser.feed(page)
    parser.close()
    assert parser.tags["script"] == 0
    assert not parser.fetches, "a self-contained page fetches nothing"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; @channel" in page
    assert "Ольга" in page
    assert "<svg" in page
    assert "10:42, 1 min 30 s (objective 5)" in page
    assert "No interventions were recorded in this session." in page.split('id="rt4"', 1)[1]


class StrictHTML(HTMLParser):
    """Counts tags, checks every element opened is closed in order, notes what would be fetched, keeps the text."""

    VOID: ClassVar[set[str]] = {"meta", "br", "rect", "img", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: Counter[str] = Counter()
        self.fetches: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.fetches += [v or "" for k, v in attrs if k in {"src", "href"}]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes the wrong element"

    def handle_data(self, data: str) -> None:
        self.text += data


async def test_the_transcript_keeps_every_command_and_post_in_order(replayed: str) -> None:
    meeting = load_meeting(GCM_2020)
    database = await Database.open(replayed)
    try:
        async with database.uow() as uow:
            entries = await uow.transcript.entries(meeting.id)
    finally:
        await database.close()
    document = json.loads(transcript_to_json(meeting, entries))
    rt1 = [e for e in document["entries"] if e["session"] == "rt1"]
    assert [e["text"] for e in rt1 if e["kind"] == "command"][:3] == ["/hand", "/hand on decent work", "/hand"]
    assert [e["at"] for e in rt1] == sorted(e["at"] for e in rt1)
    assert any(e["kind"] == "message" and e["text"].startswith("The floor: Armen") for e in rt1)
    text = transcript_to_markdown(meeting, entries, tr=english())
    assert "## Roundtable 1" in text
    # Commands are quoted as code spans, where Markdown renders nothing and pings nobody; the rest is escaped.
    outside_code = re.sub(r"`[^`\n]*`", "", text)
    assert "<script>" not in outside_code
    assert re.search(r"(?<!\\)@channel", outside_code) is None
    assert "`/statement Ольга: <script>alert(1)</script> @channel" in text


async def test_the_number_the_notes_show_is_the_one_correct_takes(replayed: str) -> None:
    """Staff read "N. Armen Hakobyan" in the notes and type /correct rt1:N: Armen's statement changes, nobody else's."""
    meeting = load_meeting(GCM_2020)
    notes = notes_to_markdown(await _record(meeting, replayed), tr=english())
    (shown,) = re.findall(r"^(\d+)\. \*\*Armen Hakobyan", notes, flags=re.MULTILINE)
    assert shown != "2"  # Armen arrived second but was not heard second: the arrival number would be wrong
    clock = SimulatedClock(datetime(2020, 11, 12, 13, 30, tzinfo=UTC))
    async with process(replayed, clock) as (_, console, out):
        await console.run_script(
            [
                f"secretariat> /correct rt1:{shown} Armenia supports regular pathways (objective 5).",
                "aigerim> /correct rt1:2 Not staff.",
                "secretariat> /correct rt1:99 No such intervention.",
            ]
        )
    said = out.getvalue()
    assert f"Corrected rt1:{shown}, Armen Hakobyan — Արմեն Հակոբյան (Armenia): '" in said
    assert "/correct is for staff only." in said
    assert "There is no intervention 'rt1:99'" in said
    record = await _record(meeting, replayed)
    assert "Armenia supports regular pathways" in notes_to_markdown(record, tr=english())
    rt1 = next(s for s in json.loads(record_to_json(record, generated_at=clock.now()))["sessions"] if s["id"] == "rt1")
    changed = [i for i in rt1["interventions"] if i["corrections"]]
    assert [(i["participant"], i["number"]) for i in changed] == [("armen", int(shown))]
    assert changed[0]["statement"] == "Armenia supports regular pathways (objective 5)."
    assert changed[0]["corrections"] == [
        {"by": "secretariat", "at": "2020-11-12T13:30:00Z", "text": "Armenia supports regular pathways (objective 5)."}
    ]


async def _record(meeting: Meeting, url: str) -> MeetingRecord:
    database = await Database.open(url)
    try:
        return await read_record(meeting, database.uow())
    finally:
        await database.close()


@pytest.mark.parametrize(
    ("name", "render"),
    [
        pytest.param("notes-rt1.md", lambda r: notes_to_markdown(r, english()), id="markdown"),
        pytest.param("notes-rt1.html", lambda r: notes_to_html(r, english()), id="html"),
        pytest.param(
            "record-rt1.json", lambda r: record_to_json(r, generated_at=datetime(2020, 11, 14, tzinfo=UTC)), id="json"
        ),
        pytest.param("record-rt1.csv", lambda r: record_to_csv(r).decode("utf-8-sig"), id="csv"),
    ],
)
def test_exports_match_their_golden_files(record: MeetingRecord, name: str, render: object) -> None:
    rt1 = replace(record, sessions=tuple(s for s in record.sessions if s.session.id == "rt1"))
    text = render(rt1)  # type: ignore[operator]
    golden = Path(__file__).resolve().parents[1] / "golden" / name
    if os.environ.get("PODIUM_UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))  # bytes: the CSV's CRLF line ends stay as they are
    assert text == golden.read_bytes().decode("utf-8"), f"{name} differs; PODIUM_UPDATE_GOLDEN=1 rewrites"


async def test_a_point_of_order_shows_whom_it_interrupted_and_the_ruling_escaped_in_every_export(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(datetime(2020, 11, 12, 9, 40, tzinfo=UTC))
    async with process(url, clock) as (_, console, _):
        await console.run_script(
            [
                "armen #gcm-rt1> /hand",
                "mod-rt1 #gcm-rt1> /floor next",
                "@advance 1m",
                "sarah #gcm-rt1> /hand order quorum",
                "@advance 20s",
                f"mod-rt1 #gcm-rt1> /floor rule Quorum: {HOSTILE}",
                "@advance 30s",
                "mod-rt1 #gcm-rt1> /floor end",
            ]
        )
    record = await read_back(url)
    generated = datetime(2020, 11, 13, tzinfo=UTC)

    markdown = notes_to_markdown(record, tr=english())
    assert "— point of order, interrupted Armen Hakobyan" in markdown
    assert "\n   - Ruling of the chair: Quorum: " in markdown
    assert "<script>" not in markdown
    assert "10:40, 1 min 30 s" in markdown  # 1 min, then 30 s after the ruling: the 20 s pause left out
    html = notes_to_html(record, tr=english())
    assert '<p class="ruling">Ruling of the chair: Quorum: &lt;script&gt;' in html
    assert "interrupted Armen Hakobyan" in html
    rows = list(csv.DictReader(io.StringIO(record_to_csv(record).decode("utf-8-sig"))))
    assert [(r["kind"], r["duration_seconds"], r["paused_seconds"], r["interrupted"]) for r in rows] == [
        ("statement", "90", "20", ""),
        ("order", "20", "0", "1"),
    ]
    assert rows[1]["ruling"] == f"Quorum: {HOSTILE}"
    document = json.loads(record_to_json(record, generated_at=generated))
    order = next(s for s in document["sessions"] if s["id"] == "rt1")["interventions"][1]
    assert (order["ruling"], order["interrupted"]) == (f"Quorum: {HOSTILE}", 1)
    paragraphs = [
        p.text
        for p in docx.Document(io.BytesIO(notes_to_docx(record, generated_at=generated, tr=english()))).paragraphs
    ]
    assert f"Ruling of the chair: Quorum: {HOSTILE}" in paragraphs
    assert any("point of order, interrupted Armen Hakobyan" in p for p in paragraphs)
