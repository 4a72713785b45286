"""Every export in the secretariat's language: no word of ours bypasses the translator, statements come out as
given, States are named in the grammar of French and Russian, and `podium export --lang fr` writes French."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument

from bot.domain.language import Language
from bot.domain.meeting import Objective, Translation
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.formats.exports import EXPORTS, ExportInput, FileExporter, export
from bot.formats.roster import load_member_states
from bot.formats.schedules import load_meeting
from bot.services.record import MeetingRecord, SessionRecord
from tests.adapters.cli_support import run
from tests.conftest import GCM_2020, SCHEDULES
from tests.integration.roundtable_replay import GENERATED, RT1, needs_libreoffice, pdf_text, replay_roundtable
from tests.words import english, speaking

RUSSIAN = "Российская Федерация поддерживает региональное сотрудничество. «Цель 5» — ёжик, щука, Ъ."
FRENCH_OBJECTIVE_5 = "Accroître la disponibilité et la souplesse des filières de migration régulière"
MARK = re.compile(r"⟦[^⟧]*⟧")


class Marked:
    """A translator that marks every message it is asked for: '⟦Introduction⟧'; dates and numbers too."""

    def __init__(self, language: Language = Language.FR) -> None:
        self.language = language

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return f"⟦{singular if count == 1 else plural}⟧"

    def pgettext(self, context: str, message: str) -> str:
        return f"⟦{message}⟧"

    def date(self, moment: date | datetime, skeleton: str) -> str:
        return f"⟦{moment:%Y-%m-%d}⟧"

    def number(self, value: float, decimals: int = 0) -> str:
        return f"{value:.{decimals}f}"


class OneMessage(Marked):
    """A translator that knows one message (the rest stay English), as a catalog with a single entry would."""

    def __init__(self, language: Language, msgid: str, msgstr: str) -> None:
        super().__init__(language)
        self.msgid, self.msgstr = msgid, msgstr

    def gettext(self, message: str) -> str:
        return self.msgstr if message == self.msgid else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return message

    def date(self, moment: date | datetime, skeleton: str) -> str:
        return f"{moment:%d.%m.%Y}"


@pytest.fixture
async def record(tmp_path: Path) -> MeetingRecord:
    """Roundtable 1 replayed, with a Russian statement, and objective 5 given an official French title."""
    replayed = await replay_roundtable(tmp_path)
    sessions = [_russian_first(s) if s.session.id == "rt1" else s for s in replayed.sessions]
    french = (Translation(Language.FR, FRENCH_OBJECTIVE_5, official=True),)
    objectives = tuple(replace(o, translations=french) if o.number == 5 else o for o in replayed.meeting.objectives)
    return replace(replayed, sessions=tuple(sessions), meeting=replace(replayed.meeting, objectives=objectives))


def _russian_first(session: SessionRecord) -> SessionRecord:
    """The session with its first statement heard in Russian."""
    first = session.delivered[0]
    said = tuple(replace(i, statement=RUSSIAN) if i.id == first.id else i for i in session.interventions)
    return replace(session, interventions=said)


def transcript_of(record: MeetingRecord) -> list[TranscriptEntry]:
    rt1 = next(s.session for s in record.sessions if s.session.id == "rt1")
    said = f"/statement {RUSSIAN}"
    return [TranscriptEntry(record.meeting.id, rt1.start, EntryKind.COMMAND, said, "gcm-rt1", "olga", rt1.id)]


def document(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def headings(word: WordDocument) -> list[str]:
    return [p.text for p in word.paragraphs if p.style is not None and p.style.name.startswith(("Heading", "Title"))]


def header_cells(word: WordDocument) -> list[str]:
    return [cell.text for table in word.tables for cell in table.rows[0].cells]


def data_titles(record: MeetingRecord) -> set[str]:
    """What a heading may hold that is the schedule's, not ours: the meeting's and sessions' titles (in any
    language the schedule gives them)."""
    meeting, sessions = record.meeting, record.meeting.sessions
    named = {meeting.title, *(t.title for t in meeting.translations)}
    return named | {s.title for s in sessions} | {t.title for s in sessions for t in s.translations}


def unmarked(texts: list[str], record: MeetingRecord) -> list[str]:
    """The texts with none of our words marked, once the schedule's titles and chapter numbers are set aside."""
    titles = data_titles(record)
    return [t for t in texts if not MARK.search(t) and re.sub(r"^[IVXL]+\. ", "", t) not in titles]


@pytest.mark.parametrize("form", ["docx", "notes-docx"])
def test_every_heading_and_table_header_of_the_word_exports_goes_through_the_translator(
    record: MeetingRecord, form: str
) -> None:
    word = document(export(form, ExportInput(record, [], GENERATED, tr=Marked())))
    assert unmarked(headings(word), record) == []
    assert header_cells(word)
    assert all(MARK.fullmatch(cell) for cell in header_cells(word))
    # The report's own sentences too: the cover, the introduction, each intervention's attribution.
    paragraphs = [p.text for p in word.paragraphs if p.text.strip()]
    said = [p for p in paragraphs if RUSSIAN[:20] in p]
    assert said
    assert all(MARK.search(p) for p in said)


def test_every_heading_of_the_markdown_and_html_notes_goes_through_the_translator(record: MeetingRecord) -> None:
    given = ExportInput(record, [], GENERATED, tr=Marked())
    markdown = export("md", given).decode()
    titled = [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]
    assert unmarked([t.replace("\\", "") for t in titled], record) == []
    assert "| ⟦category⟧ | ⟦time⟧ |" in markdown
    html = export("html", given).decode()
    tags = re.findall(r"<(h[1-3]|th)>(.*?)</\1>", html)
    assert tags
    assert unmarked([text for _, text in tags], record) == []
    assert '<html lang="fr">' in html


def test_a_russian_statement_comes_out_intact_in_every_export(record: MeetingRecord) -> None:
    exporter = FileExporter(lambda language: Marked(language or Language.EN))
    transcript = transcript_of(record)
    for form in EXPORTS:
        if form == "ics":
            continue  # a calendar holds the sessions, not what was said
        data = exporter(form, record, transcript, GENERATED, Language.RU)
        if form.endswith("docx"):
            text = "\n".join(p.text for p in document(data).paragraphs)
        elif form == "csv":
            rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
            text = "\n".join(row["statement"] for row in rows)
        elif form.endswith("json"):
            text = json.dumps(json.loads(data), ensure_ascii=False)
        else:
            text = data.decode("utf-8")
        assert RUSSIAN in text.replace("&laquo;", "«").replace("&raquo;", "»"), form


def test_the_csv_header_row_and_json_keys_stay_the_english_schema(record: MeetingRecord) -> None:
    given = ExportInput(record, [], GENERATED, tr=Marked(Language.RU))
    header = export("csv", given).decode("utf-8-sig").splitlines()[0]
    assert header.startswith("session,number,started_at_utc,")
    parsed = json.loads(export("json", given))
    assert {"schema", "generated_at", "meeting", "sessions"} <= parsed.keys()


def test_french_and_russian_name_the_state_in_the_form_the_sentence_needs(record: MeetingRecord) -> None:
    msgid = "the representative {of_state}"
    for language, msgstr, expected in (
        (Language.FR, "le représentant {of_state}", "Le représentant de l'Arménie said:"),
        (Language.RU, "представитель {of_state}", "Представитель Армении said:"),
    ):
        tr = OneMessage(language, msgid, msgstr)
        word = document(export("docx", ExportInput(record, [], GENERATED, tr=tr)))
        assert any(p.text.startswith(expected) for p in word.paragraphs), language
    in_english = document(export("docx", ExportInput(record, [], GENERATED, tr=english())))
    assert any(p.text.startswith("The representative of Armenia said:") for p in in_english.paragraphs)


def test_the_states_forms_are_loaded_for_all_fifty_six() -> None:
    states = load_member_states(SCHEDULES / "unece-member-states.toml")
    assert len(states) == 56
    assert all(s.of_in(Language.FR) and s.of_in(Language.RU) for s in states)
    by_code = {s.iso: s for s in states}
    assert by_code["RU"].name_in(Language.FR) == "Fédération de Russie"
    assert by_code["RU"].of_in(Language.FR) == "de la Fédération de Russie"
    assert by_code["NL"].of_in(Language.FR) == "des Pays-Bas"
    assert by_code["KZ"].of_in(Language.FR) == "du Kazakhstan"
    assert by_code["AM"].of_in(Language.RU) == "Армении"
    assert by_code["TR"].name_in(Language.RU) == "Турция"
    assert by_code["AM"].name_in(Language.EN) == "Armenia"
    assert by_code["AM"].of_in(Language.EN) is None


def test_an_export_in_french_names_the_states_and_objectives_in_french(record: MeetingRecord) -> None:
    word = document(export("docx", ExportInput(record, [], GENERATED, tr=OneMessage(Language.FR, "", ""))))
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"Objective 5: {FRENCH_OBJECTIVE_5}" in headings(word)
    assert "Arménie" in text
    assert "Armenia (" not in text
    unofficial = (Translation(Language.FR, "Titre non officiel", official=False),)
    objectives = tuple(replace(o, translations=unofficial) if o.number == 6 else o for o in record.meeting.objectives)
    marked = replace(record, meeting=replace(record.meeting, objectives=objectives))
    word = document(export("docx", ExportInput(marked, [], GENERATED, tr=OneMessage(Language.FR, "", ""))))
    assert "Objective 6: Titre non officiel (unofficial translation)" in headings(word)


def test_a_translated_objective_is_built_as_the_schedule_would_give_it() -> None:
    french = (Translation(Language.FR, "Accroître", official=True),)
    objective = Objective(5, "Pathways", "Enhance availability", translations=french)
    assert objective.title_in(Language.FR) == "Accroître"
    assert not objective.unofficial_in(Language.FR)
    assert objective.title_in(Language.RU) == "Enhance availability"


def test_podium_export_lang_fr_writes_the_report_in_the_catalogs_french(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:

    url = f"sqlite:///{tmp_path / 'podium.db'}"
    asyncio.run(replay_roundtable(tmp_path))
    out = tmp_path / "rapport.docx"
    roster = str(SCHEDULES / "demo-roster-2020.toml")
    argv = ("export", "--format", "docx", "--lang", "fr", "--out", str(out), "--db", url, "--roster", roster)
    assert run(capsys, *argv)[0] == 0
    french = speaking("fr")
    found = headings(document(out.read_bytes()))
    assert f"I. {french.gettext('Introduction')}" in found
    assert f"II. {french.gettext('Attendance')}" in found
    meeting = load_meeting(GCM_2020)
    objective = meeting.objective(5)
    assert objective is not None
    title = objective.title_in(Language.FR)
    if objective.unofficial_in(Language.FR):
        title = french.gettext("{title} (unofficial translation)").format(title=title)
    assert french.gettext("Objective {number}: {title}").format(number=5, title=title) in found


@needs_libreoffice
def test_libreoffice_shows_the_russian_report_with_the_catalogs_russian_headings(
    record: MeetingRecord, tmp_path: Path
) -> None:
    """The headings as LibreOffice lays the Russian report out are the Russian catalog's (English until the
    catalogs hold them: the test then checks the pipeline, and the words once they are compiled)."""
    russian = speaking("ru")
    report = tmp_path / "доклад.docx"
    report.write_bytes(export("docx", ExportInput(record, [], datetime(2020, 11, 13, 15, tzinfo=UTC), tr=russian)))
    text = " ".join(pdf_text(report, tmp_path).split())
    for heading in ("Introduction", "Attendance", "Key messages and chair's summary"):
        assert russian.gettext(heading) in text
    assert (
        russian.gettext("Annex {number}: {title}").format(number="I", title=russian.gettext("List of participants"))
        in text
    )
    rt1 = next(s.session for s in record.sessions if s.session.id == "rt1")
    assert rt1.title_in(Language.RU) in text or RT1 in text
    assert RUSSIAN[:40] in text
