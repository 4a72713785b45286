"""A registration export read through its column mapping: Indico's example, bad rows, delimiters, arbitrary text."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.participants import Level, MemberState, Participant
from bot.domain.schedule_rules import ScheduleInvalid
from bot.domain.settings import Category
from bot.domain.text import clean
from bot.formats.registration_columns import ColumnMapping, Source, load_column_mapping
from bot.formats.registrations import Registrations, read_registrations, registrations_from_text
from bot.formats.roster import load_member_states, load_roster
from bot.formats.roster_toml import roster_toml
from tests.conftest import SCHEDULES

EXAMPLE = SCHEDULES / "indico-registrants-example.csv"
HEADER = "ID,First Name,Last Name,Email,Affiliation,Position,Country,Delegation,Category,Level"


@pytest.fixture(scope="module")
def states() -> tuple[MemberState, ...]:
    return load_member_states(SCHEDULES / "unece-member-states.toml")


@pytest.fixture(scope="module")
def indico() -> ColumnMapping:
    return load_column_mapping(SCHEDULES / "indico-columns.toml")


def read(text: str, mapping: ColumnMapping, states: tuple[MemberState, ...]) -> Registrations:
    return registrations_from_text(text, mapping, states)


def test_the_indico_example_gives_the_expected_participants(
    indico: ColumnMapping, states: tuple[MemberState, ...]
) -> None:
    found = read_registrations(EXAMPLE, indico, states)

    by_id = {p.id: p for p in found.participants}
    assert len(by_id) == 13
    assert by_id["aigerim.seitkali@example.kz"] == Participant(
        "aigerim.seitkali@example.kz",
        "Айгерим Сейткали",
        "KZ",
        Category.MEMBER_STATE,
        Level.VICE_MINISTER,
        title="Deputy Minister of Foreign Affairs",
    )
    delegations = [p.delegation for p in found.participants]
    states, others = delegations[:8], delegations[8:]
    assert states == ["KZ", "AM", "RU", "TR", "FR", "KG", "UA", "DE"]
    assert others == ["Holy See", "IOM", "UNHCR", "PICUM", "University of Geneva"]
    assert by_id["francesco.bianchi@example.va"].category is Category.OBSERVER_STATE
    assert by_id["mjfernandez@example.int"].category is Category.IGO
    assert by_id["soren.odegaard@example.int"].category is Category.UN_SYSTEM
    assert by_id["zoe.oconnor@example.edu"].category is Category.STAKEHOLDER
    assert by_id["bakyt.asanov@example.kg"].level is Level.MINISTER
    assert by_id["olga.smirnova@example.ru"].title == "Director, Department of Migration Affairs"
    assert [(p.row, p.message) for p in found.problems] == [
        (15, "'Atlantis' is not a member State (give its name, such as Armenia, or its code, AM)")
    ]


def test_bad_rows_are_reported_with_their_numbers_and_the_good_ones_kept(
    indico: ColumnMapping, states: tuple[MemberState, ...]
) -> None:
    text = "\n".join(
        [
            HEADER,
            "1,Anna,Berg,anna@example.se,,,Sweden,,Government,Other",
            ",,,nobody@example.org,,,,PICUM,Civil society,",  # row 3: no name
            "",  # a blank line is no row
            "3,Otto,Kay,otto@example.at,,,Austria,,Martian,Other",  # row 5: unknown category
            "4,Anna,Berg,anna@example.se,,,Sweden,,Government,Prince",  # row 6: unknown level (and a duplicate)
            "5,Anna,Bis,anna@example.se,,,Sweden,,Government,Other",  # row 7: the same id again
            "6,Ivo,Ilić,ivo@example.hr,,,croatia,,government,AMBASSADOR",
        ]
    )
    found = read(text, indico, states)

    assert [p.id for p in found.participants] == ["anna@example.se", "ivo@example.hr"]
    assert found.participants[1].delegation == "HR"
    assert found.participants[1].level is Level.AMBASSADOR
    assert [p.row for p in found.problems] == [3, 5, 6, 7]
    assert "no name (columns First Name, Last Name empty)" in found.problems[0].message
    assert "unknown category 'Martian'" in found.problems[1].message
    assert "unknown level 'Prince'" in found.problems[2].message
    assert "appears again (first on row 2)" in found.problems[3].message


def test_semicolons_a_byte_order_mark_codes_and_turkiye(tmp_path: Path, states: tuple[MemberState, ...]) -> None:
    mapping = tmp_path / "columns.toml"
    mapping.write_text('[columns]\nid = "ID"\nname = "Full Name"\ndelegation = "Country"\ncategory = "Type"\n')
    export = tmp_path / "export.csv"
    rows = "ID;Full Name;Country;Type\r\n7;Ayşe  Yılmaz;Türkiye;member-state\r\n8;Jan Novák;cz;member-state\r\n"
    export.write_bytes(("\ufeff" + rows).encode("utf-8"))

    found = read_registrations(export, load_column_mapping(mapping), states)

    assert [(p.id, p.name, p.delegation) for p in found.participants] == [
        ("7", "Ayşe Yılmaz", "TR"),
        ("8", "Jan Novák", "CZ"),
    ]
    assert found.problems == ()


def test_a_mapping_naming_a_missing_column_is_refused(tmp_path: Path, states: tuple[MemberState, ...]) -> None:
    mapping = tmp_path / "columns.toml"
    mapping.write_text('[columns]\nid = "Email"\nname = "Full Name"\n')

    with pytest.raises(ScheduleInvalid) as refused:
        read_registrations(EXAMPLE, load_column_mapping(mapping), states)

    assert "the export has no column 'Full Name' (its columns: Affiliation, Category" in refused.value.lines()[0]


def test_a_mapping_without_an_id_or_with_unknown_fields_is_refused(tmp_path: Path) -> None:
    mapping = tmp_path / "columns.toml"
    mapping.write_text('[columns]\nname = ["First Name", 3]\nemail = "Email"\n')

    with pytest.raises(ScheduleInvalid) as refused:
        load_column_mapping(mapping)

    lines = "\n".join(refused.value.lines())
    assert "email: unknown key" in lines
    assert "columns.name: must be a column" in lines
    assert "columns.id: is missing" in lines


def test_import_then_roster_toml_then_load_roster_gives_the_same_participants(
    tmp_path: Path, indico: ColumnMapping, states: tuple[MemberState, ...]
) -> None:
    found = read_registrations(EXAMPLE, indico, states).participants
    roster = tmp_path / "roster.toml"
    roster.write_text(roster_toml(found, EXAMPLE.name), encoding="utf-8")

    assert load_roster(roster) == found


CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["\u202e", "\x00", '"', ";", ",", "\n", "\r\n", "=1+1", "\u2066x\u2069", "\x7f", "'"]
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(CELL, CELL, CELL, CELL), min_size=1, max_size=6), semicolons=st.booleans())
def test_arbitrary_cell_text_never_crashes_and_is_cleaned(
    rows: list[tuple[str, str, str, str]], semicolons: bool
) -> None:
    mapping = _mapping()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if semicolons else ",")
    writer.writerow(["ID", "Name", "Delegation", "Position"])
    writer.writerows(rows)

    found = registrations_from_text(out.getvalue(), mapping, ())

    for person in found.participants:
        for text in (person.id, person.name, person.delegation or "", person.title):
            assert text == clean(text) == text.strip()
            assert "\n" not in text
            assert "\u202e" not in text
            assert "\x00" not in text
        assert load_roster_text(roster_toml(found.participants, "x")) == found.participants


def _mapping() -> ColumnMapping:
    """What load_column_mapping reads from a file naming these four columns."""
    sources = {"id": Source(("ID",)), "name": Source(("Name",)), "delegation": Source(("Delegation",))}
    return ColumnMapping({**sources, "title": Source(("Position",))}, {})


def load_roster_text(text: str) -> tuple[Participant, ...]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.toml"
        path.write_text(text, encoding="utf-8")
        return load_roster(path)
