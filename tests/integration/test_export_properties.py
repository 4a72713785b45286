"""Every export format, fed arbitrary Unicode in every participant-typed field, succeeds and reads back clean."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from lxml import etree

from bot.domain.corrections import Correction
from bot.domain.language import Language
from bot.domain.meeting import Meeting
from bot.domain.participants import Level
from bot.domain.queue.entries import Delivery, EntryKind, Intervention, Note, QueueEntry, Speaker
from bot.domain.settings import Category
from bot.domain.transcript import EntryKind as Said
from bot.domain.transcript import TranscriptEntry
from bot.formats.exports import EXPORTS, FileExporter
from bot.formats.schedule_toml import load_schedule_toml
from bot.locales.catalogs import Catalogs
from bot.services.record import MeetingRecord, SessionRecord
from tests.conftest import GCM_2020
from tests.integration.test_exports import StrictHTML

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# What a hostile or careless participant types, mixed into arbitrary text: controls, line ends, bidi, markup.
NASTY = [
    *"\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f\r\n\t",
    "\r\n",
    *BIDI,
    *"\ud800\udfff\ufffe\uffff",
    *"<>&\"'`*_=+-|#\\",
    "@channel",
    "</p><script>x</script>",
    "Ольга",
    "العربية",
    "👩🏽\u200d⚖️",
    "e\u0301",
]
TEXT = st.lists(st.one_of(st.text(max_size=10), st.sampled_from(NASTY)), max_size=8).map("".join)
NOW = datetime(2020, 11, 14, 12, 0, tzinfo=UTC)


def unsafe(character: str) -> bool:
    """What no export may carry: controls (but tab and line feed), surrogates, U+FFFE/U+FFFF, bidi controls."""
    kind = unicodedata.category(character)
    return (kind == "Cc" and character not in "\t\n") or kind == "Cs" or character in f"\ufffe\uffff{BIDI}"


def legit(text: str) -> str:
    """The test's own idea of what survives of a text: line ends as line feeds, a lone surrogate as U+FFFD (it was
    something, unreadable), every other unsafe character out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = ("\ufffd" if unicodedata.category(c) == "Cs" else c for c in text)
    return "".join(c for c in kept if not unsafe(c))


def words(text: str) -> str:
    return " ".join(text.split())


@cache
def meeting() -> Meeting:
    return load_schedule_toml(GCM_2020)


@dataclass(frozen=True)
class Drawn:
    """A generated record, the transcript beside it, and the texts the checks look for."""

    record: MeetingRecord
    transcript: list[TranscriptEntry]
    speaker: Speaker
    statement: str


@st.composite
def speakers(draw: st.DrawFn) -> Speaker:
    return Speaker(
        draw(TEXT),
        draw(TEXT),
        draw(st.none() | TEXT),
        draw(st.sampled_from(Category)),
        Level.OTHER,
        draw(st.none() | TEXT),
        draw(st.booleans()),
    )


@st.composite
def drawn(draw: st.DrawFn) -> Drawn:
    """Roundtables 1 and 2 (so `docx` is the report): one heard, one written, one not heard, notes, a correction."""
    titled = {s.id: replace(s, title=draw(TEXT)) for s in meeting().sessions if s.id in {"rt1", "rt2"}}
    rt1, rt2 = titled["rt1"], titled["rt2"]
    base = replace(meeting(), title=draw(TEXT), sessions=tuple(titled.get(s.id, s) for s in meeting().sessions))
    start = rt1.start + timedelta(minutes=5)
    entries = [
        QueueEntry(n, draw(speakers()), draw(st.sampled_from(EntryKind)), start, n, draw(TEXT), draw(TEXT))
        for n in (1, 2, 3)
    ]
    statement = draw(TEXT)
    heard = Intervention(entries[0], start, timedelta(minutes=3), start + timedelta(seconds=150), statement=statement)
    written = Intervention(entries[1], start, None, start, Delivery.WRITTEN, draw(TEXT))
    notes = (Note(draw(TEXT), draw(TEXT), start, intervention=1), Note(draw(TEXT), draw(TEXT), start))
    correction = Correction("rt1", 1, statement, draw(TEXT), start)
    sessions = (
        SessionRecord(rt1, (heard, written), notes, (entries[2],), (correction,)),
        SessionRecord(rt2, (), (), ()),
    )
    names = {m: draw(TEXT) for m in (*rt1.moderators, *rt2.moderators)}
    said = [
        TranscriptEntry(base.id, start, Said.COMMAND, draw(TEXT), draw(TEXT), draw(TEXT), "rt1"),
        TranscriptEntry(base.id, start, Said.MESSAGE, draw(TEXT), draw(TEXT), None, "rt1"),
    ]
    return Drawn(MeetingRecord(base, sessions, names), said, entries[0].speaker, statement)


def clean_text(data: bytes) -> str:
    text = data.decode("utf-8-sig")
    assert not [c for c in text if unsafe(c) and c != "\r"], "an unsafe character reached the file"
    return text


def check_docx(data: bytes, given: Drawn) -> None:
    document = docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert not [c for c in text if unsafe(c)]
    assert words(legit(given.speaker.name)) in words(text)


def check_html(data: bytes, given: Drawn) -> None:
    parser = StrictHTML()
    parser.feed(clean_text(data))
    parser.close()
    assert parser.tags["script"] == 0
    assert not [c for c in parser.text if unsafe(c)]
    assert words(legit(given.speaker.name)) in words(parser.text)


def check_csv(data: bytes, given: Drawn) -> None:
    rows = list(csv.DictReader(io.StringIO(clean_text(data), newline="")))
    assert len(rows) == 2  # the heard intervention and the written one
    assert rows[0]["statement"] in {legit(given.statement), "'" + legit(given.statement)}


def check_json(data: bytes, given: Drawn) -> None:
    heard = json.loads(clean_text(data))["sessions"][0]["interventions"][0]
    assert (heard["name"], heard["statement"]) == (legit(given.speaker.name), legit(given.statement))


def check_transcript_json(data: bytes, given: Drawn) -> None:
    entries = json.loads(clean_text(data))["entries"]
    assert [e["text"] for e in entries] == [legit(e.text) for e in given.transcript]


def check_ics(data: bytes, given: Drawn) -> None:
    calendar = IcsCalendarStream.calendar_from_ics(clean_text(data))
    assert len(calendar.events) == len(given.record.sessions)


def check_notes_markdown(data: bytes, given: Drawn) -> None:
    text = clean_text(data)
    assert "<" not in text, "HTML in the notes: every < a participant typed must be an entity"
    assert text.endswith("\n")


def check_transcript_markdown(data: bytes, given: Drawn) -> None:
    assert clean_text(data).endswith("\n")


CHECKS: dict[str, Callable[[bytes, Drawn], None]] = {
    "json": check_json,
    "md": check_notes_markdown,
    "html": check_html,
    "csv": check_csv,
    "docx": check_docx,
    "notes-docx": check_docx,
    "ics": check_ics,
    "transcript-md": check_transcript_markdown,
    "transcript-json": check_transcript_json,
}


def test_every_format_has_a_check() -> None:
    assert set(CHECKS) == set(EXPORTS)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(drawn())
def test_every_export_of_arbitrary_text_succeeds_and_parses_back(given: Drawn) -> None:
    exporter = FileExporter(Catalogs())
    for form in exporter.formats:
        CHECKS[form](exporter(form, given.record, given.transcript, NOW, Language.EN), given)
