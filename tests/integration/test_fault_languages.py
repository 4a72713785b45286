"""The loaders' faults in the language of the command line: each is a msgid with the file's names and values as its
fields, so English reads as it always did and every other language gets every word of it through the catalogs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain.language import Language
from bot.domain.schedule_rules import ScheduleInvalid, ScheduleProblem
from bot.formats.registration_columns import load_column_mapping
from bot.formats.registrations import registrations_from_text
from bot.formats.roster import load_member_states
from bot.formats.schedule_toml import load_schedule_toml
from bot.formats.submission_files import SubmissionFileError, read_submission
from tests.conftest import GCM_2020, SCHEDULES
from tests.words import english

COLUMNS = SCHEDULES / "indico-columns.toml"
HEADER = "ID,First Name,Last Name,Email,Affiliation,Position,Country,Delegation,Category,Level"
# Several faults of several kinds: a key the file may not hold, a value of the wrong type, an unknown zone in a
# session's place, a session outside the meeting's days, one overlapping another, an id used twice, a bad link.
BROKEN = """
[meeting]
id = "m"
title = "A meeting"
timezone = "Europe/Zurich"
days = [2020-11-12]
colour = "blue"
announced = "yesterday"

[[session]]
id = "a"
kind = "roundtable"
title = "First"
day = 2020-11-12
start = 10:00:00
end = 12:00:00
links = { join = "ftp://example.org" }

[[session]]
id = "a"
kind = "plenary"
title = "Second"
day = 2020-11-12
start = 11:00:00
end = 13:00:00

[[session]]
id = "d"
kind = "workshop"
title = "Fourth"
day = 2020-11-12
start = 14:00:00
end = 15:00:00

[[session]]
id = "c"
kind = "break"
title = "Third"
day = 2020-11-13
start = 09:00:00
end = 08:00:00
"""
OPEN, CLOSE = "⟦", "⟧"


class Marking:
    """A translator that marks every message it is asked for: any word not marked bypassed the catalogs."""

    def __init__(self, language: Language = Language.FR) -> None:
        self.language = language

    def gettext(self, message: str) -> str:
        return OPEN + message + CLOSE

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.gettext(singular if count == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def date(self, moment: date | datetime, skeleton: str) -> str:
        return self.gettext(moment.isoformat())

    def number(self, value: float, decimals: int = 0) -> str:
        return f"{value:.{decimals}f}"


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every translator the command line makes (`--lang`, PODIUM_LANG or English) is the marking one."""
    monkeypatch.setattr("bot.locales.catalogs.Catalogs", lambda: Marking)
    monkeypatch.delenv("PODIUM_LANG", raising=False)


def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def invalid(tmp_path: Path) -> ScheduleInvalid:
    with pytest.raises(ScheduleInvalid) as caught:
        load_schedule_toml(broken(tmp_path))
    return caught.value


def said(line: str, source: str) -> str:
    """What a located fault line says after 'SOURCE: PLACE: FIELD: '."""
    assert line.startswith(f"{source}: "), line
    return line.removeprefix(f"{source}: ").split(": ", 2)[2]


def unmarked(lines: list[str]) -> Iterator[str]:
    """The lines with a word outside the marks (the file's names and values are inside them, as fields)."""
    for line in lines:
        outside = re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", "", line)
        if re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", outside):
            yield line


def test_english_reads_as_it_always_did(tmp_path: Path) -> None:
    fault = invalid(tmp_path)
    assert fault.lines(english()) == fault.lines()
    assert [said(line, fault.source) for line in fault.lines()] == [
        "unknown key (expected one of: announced, channel_languages, days, id, language, main_channel, "
        "objective_translations, organisers, short_title, timezone, title, title_fr, title_fr_official, title_ru, "
        "title_ru_official)",
        "must be an http(s) address, not 'ftp://example.org'",
        "unknown kind 'workshop' (one of: opening, roundtable, plenary, break, closing, other)",
        "must be a date such as 2020-11-12, not 'yesterday'",
        "used by 2 sessions",
        "must be after start",
        "2020-11-13 is not a meeting day (2020-11-12)",
        "overlaps session a (10:00–12:00)",
    ]


def test_a_schedule_with_several_faults_says_each_through_the_catalogs(tmp_path: Path) -> None:
    fault = invalid(tmp_path)
    lines = fault.lines(Marking())
    assert len(lines) == len(fault.problems) >= 5
    assert [said(line, fault.source) for line in lines] == [
        f"{OPEN}{p.msgid if p.plural is None else p.plural}{CLOSE}".format(count=p.count, **p.values)
        for p in fault.problems
    ]
    assert said(lines[4], fault.source) == "⟦used by 2 sessions⟧"  # the plural form, its count filled after
    assert said(lines[6], fault.source) == "⟦{day} is not a meeting day ({days})⟧".format(
        day="2020-11-13", days="2020-11-12"
    )


def test_check_schedule_prints_every_fault_in_the_language_of_the_run(
    tmp_path: Path, marked: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(tmp_path)
    assert main(["check-schedule", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) >= 5
    assert all(said(line, str(path)).startswith(OPEN) for line in lines), lines
    assert not list(unmarked(lines))


def test_a_timetable_that_fails_to_load_at_start_says_why_in_the_language_of_the_run(
    tmp_path: Path, marked: None, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GCM_2020.read_text(encoding="utf-8").replace('timezone = "Europe/Zurich"', 'timezone = "Mars/Olympus"', 1)
    path = tmp_path / "mars.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["agenda", "--schedule", str(path), "--lang", "fr"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert f"{path}: meeting: timezone: ⟦unknown time zone 'Mars/Olympus' (use an IANA name such as " in lines[0]
    assert not list(unmarked(lines))


def test_a_bad_registration_row_is_said_through_the_catalogs(
    tmp_path: Path, marked: None, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.csv"
    rows = [
        HEADER,
        "1,Anna,Berg,anna@example.se,,,Sweden,,Government,Other",
        ",,,nobody@example.org,,,,PICUM,Civil society,",  # row 3: no name
        "3,Otto,Kay,otto@example.at,,,Atlantis,,Government,Prince",  # row 4: no member State, unknown level
    ]
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "roster.toml"
    assert main(["roster", "import", str(export), "--columns", str(COLUMNS), "-o", str(out)]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "⟦{file}: row {row}: {faults}⟧".format(
        file="export.csv", row=3, faults="⟦no {field} (columns {columns} empty)⟧"
    ).format(field="name", columns="First Name, Last Name")
    assert lines[1].startswith("⟦export.csv: row 4: ⟦unknown level 'Prince' (translate it under [values.level]")
    assert "; ⟦'Atlantis' is not a member State (give its name" in lines[1]
    assert not list(unmarked(lines))


def test_a_row_reads_in_english_as_before() -> None:
    states = load_member_states(SCHEDULES / "unece-member-states.toml")
    text = "\n".join([HEADER, ",,,nobody@example.org,,,,PICUM,Civil society,"])
    found = registrations_from_text(text, load_column_mapping(COLUMNS), states, "export.csv")
    (problem,) = found.problems
    assert problem.line("export.csv") == "export.csv: row 2: no name (columns First Name, Last Name empty)"
    assert problem.line("export.csv", english()) == problem.line("export.csv")


def test_an_unreadable_submission_file_is_said_through_the_catalogs(
    tmp_path: Path, marked: None, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "armenia.txt"
    latin.write_bytes("Déclaration de l'Arménie".encode("latin-1"))
    code = main(["submissions", "add", "--delegation", "AM", "--file", str(latin), "--db", "sqlite:///:memory:"])
    assert code == 2
    assert capsys.readouterr().err == "⟦armenia.txt is not UTF-8 text: save it as UTF-8 and send it again⟧\n"
    with pytest.raises(SubmissionFileError) as caught:
        read_submission(latin)
    assert caught.value.said(english()) == str(caught.value)


def test_a_parser_s_own_words_are_shown_as_it_wrote_them(tmp_path: Path) -> None:
    """Podium has no translation of tomllib's message: it is given as is, in every language."""
    path = tmp_path / "broken.toml"
    path.write_text("[meeting\n", encoding="utf-8")
    with pytest.raises(ScheduleInvalid) as caught:
        load_schedule_toml(path)
    assert caught.value.lines(Marking()) == caught.value.lines()
    assert caught.value.problems[0] == ScheduleProblem("file", "syntax", caught.value.problems[0].msgid, verbatim=True)
