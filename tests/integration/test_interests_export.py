"""Every expression of interest as CSV and JSON on the 2020 schedule: a BOM, formulas as text, Cyrillic intact."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from bot.domain.interests import Interest, Role, Status
from bot.domain.meeting import Meeting
from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.formats.interests_export import COLUMNS, SCHEMA, interests_csv, interests_json
from bot.formats.schedule_toml import load_schedule_toml
from tests.conftest import GCM_2020

NAMES = {"AM": "Armenia", "UA": "Ukraine", "DE": "Germany"}
EXPRESSED = datetime(2020, 10, 20, 9, 0, tzinfo=UTC)
DECIDED = datetime(2020, 11, 2, 14, 30, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.invalid","click")'
RLO = "\u202e"
OLGA = Speaker("olga", "Ольга Коваленко", "UA", Category.MEMBER_STATE, Level.MINISTER)
MARKUS = Speaker("markus", "Markus Steiner", "DE", Category.MEMBER_STATE, Level.VICE_MINISTER, group="EU")
EVE = Speaker("eve", FORMULA, "ICMC", Category.STAKEHOLDER, Level.OTHER)
ARMEN = Speaker("armen", "Армен Акопян", "AM", Category.MEMBER_STATE, Level.AMBASSADOR)


def state_name(code: str) -> str:
    return NAMES.get(code, code)


@pytest.fixture
def meeting() -> Meeting:
    return load_schedule_toml(GCM_2020)


@pytest.fixture
def interests() -> list[Interest]:
    # Given out of order: the export lists them by number, the order they were expressed in.
    return [
        Interest(3, "rt2", Role.SPEAKER, EVE, f"{SCRIPT} {RLO}note", EXPRESSED).declined(
            "secretariat", DECIDED, "-1+1 too late"
        ),
        Interest(1, "rt1", Role.SPEAKER, OLGA, "Легальні шляхи міграції", EXPRESSED).accepted(
            "secretariat", DECIDED, 2
        ),
        Interest(2, "rt1", Role.SPEAKER, MARKUS, "@channel EU statement", EXPRESSED),
        Interest(4, "rt1", Role.MODERATOR, ARMEN, "", EXPRESSED).withdrawn(DECIDED),
    ]


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_starts_with_a_bom_and_the_columns(interests: list[Interest], meeting: Meeting) -> None:
    data = interests_csv(interests, meeting, state_name)
    assert data.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == list(COLUMNS)
    assert header[:3] == ["id", "segment", "segment_title"]
    assert header[-1] == "position"


def test_csv_rows_by_number_with_names_and_local_times(interests: list[Interest], meeting: Meeting) -> None:
    found = rows(interests_csv(interests, meeting, state_name))
    assert [r["id"] for r in found] == ["1", "2", "3", "4"]
    olga = found[0]
    assert olga["name"] == "Ольга Коваленко"
    assert olga["note"] == "Легальні шляхи міграції"
    assert (olga["delegation_code"], olga["delegation"]) == ("UA", "Ukraine")
    assert olga["segment_title"] == "Roundtable 1: Ensuring that migration is voluntary, orderly and regular"
    assert (olga["role"], olga["status"], olga["position"]) == ("speaker", "accepted", "2")
    assert olga["expressed_at"] == "2020-10-20T11:00:00+02:00"  # summer time in Geneva still
    assert olga["decided_at"] == "2020-11-02T15:30:00+01:00"
    assert (olga["category"], olga["level"]) == ("member-state", "minister")
    markus = found[1]
    assert (markus["group"], markus["status"], markus["decided_at"], markus["position"]) == ("EU", "pending", "", "")
    assert found[3]["role"] == "moderator"
    assert found[3]["status"] == "withdrawn"


def test_csv_formula_cells_are_text(interests: list[Interest], meeting: Meeting) -> None:
    found = rows(interests_csv(interests, meeting, state_name))
    eve = found[2]
    assert eve["name"] == "'" + FORMULA
    assert eve["reason"] == "'-1+1 too late"
    assert found[1]["note"] == "'@channel EU statement"
    assert eve["note"] == f"{SCRIPT} note"  # bidi override gone
    for row in found:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_json_parses_and_round_trips_cyrillic(interests: list[Interest], meeting: Meeting) -> None:
    data = interests_json(interests, meeting, state_name)
    assert "Ольга Коваленко".encode() in data  # written as UTF-8, not \\u escapes
    document = json.loads(data)
    assert document["schema"] == SCHEMA == "podium.interests/1"
    assert document["meeting"] == "unece-gcm-review-2020"
    found = document["interests"]
    assert [i["id"] for i in found] == [1, 2, 3, 4]
    assert found[0]["name"] == "Ольга Коваленко"
    assert found[0]["delegation"] == "Ukraine"
    assert found[0]["position"] == 2
    assert found[0]["expressed_at"] == "2020-10-20T11:00:00+02:00"
    assert datetime.fromisoformat(found[0]["decided_at"]) == DECIDED
    assert found[1]["decided_at"] is None
    assert found[1]["group"] == "EU"
    assert set(found[0]) == set(COLUMNS)


def test_json_cleans_but_does_not_quote(interests: list[Interest], meeting: Meeting) -> None:
    found = json.loads(interests_json(interests, meeting, state_name))["interests"]
    eve = next(i for i in found if i["id"] == 3)
    assert eve["name"] == FORMULA  # JSON is data, not a spreadsheet: no quote added
    assert eve["note"] == f"{SCRIPT} note"
    assert RLO not in json.dumps(found, ensure_ascii=False)
    assert eve["status"] == Status.DECLINED.value
    assert eve["reason"] == "-1+1 too late"


def test_an_unknown_segment_keeps_its_id(meeting: Meeting) -> None:
    gone = Interest(9, "rt9", Role.SPEAKER, OLGA, "", EXPRESSED)
    found = rows(interests_csv([gone], meeting, state_name))
    assert (found[0]["segment"], found[0]["segment_title"]) == ("rt9", "")
