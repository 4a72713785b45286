"""Loading timetables from TOML: the shipped files load, and each kind of fault is named by file, place and field."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain.meeting import Meeting
from bot.domain.schedule_rules import ScheduleInvalid
from bot.domain.settings import Category, SpeakingPolicy
from bot.formats.schedule_toml import load_schedule_toml
from tests.conftest import GCM_2020


def faults_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScheduleInvalid) as caught:
        load_schedule_toml(path)
    return caught.value.lines()


def edited(old: str, new: str, count: int = 1) -> str:
    text = GCM_2020.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, count)


def test_the_2020_schedule_carries_the_settings_later_features_read(gcm: Meeting) -> None:
    assert gcm.timezone == "Europe/Zurich"
    assert gcm.speaking.policy is SpeakingPolicy.PROTOCOL
    assert gcm.speaking.limit_for(Category.STAKEHOLDER).total_seconds() == 120
    assert gcm.speaking.limit_for(Category.GROUP).total_seconds() == 300
    assert [o.total_seconds() for o in gcm.reminders.offsets] == [-900, 0]
    assert len(gcm.objectives) == 23
    assert "reconstructed" in gcm.provenance.footer


def test_the_2020_call_for_written_inputs_ends_at_the_last_second_of_31_october_cet(gcm: Meeting) -> None:
    rules = gcm.submissions
    assert rules is not None
    assert rules.deadline == datetime(2020, 10, 31, 22, 59, 59, tzinfo=UTC)  # 23:59:59 CET: summer time had ended
    assert rules.word_limit == 5000
    assert rules.categories == (Category.MEMBER_STATE,)
    assert rules.late_until is None


def test_a_meeting_without_a_call_takes_no_submissions(tmp_path: Path) -> None:
    start = GCM_2020.read_text(encoding="utf-8").index("[submissions]")
    end = GCM_2020.read_text(encoding="utf-8").index('categories = ["member-state"]\n')
    text = GCM_2020.read_text(encoding="utf-8")
    path = tmp_path / "no-call.toml"
    path.write_text(text[:start] + text[end + len('categories = ["member-state"]\n') :], encoding="utf-8")
    assert load_schedule_toml(path).submissions is None


def test_overlap_and_missing_objective_are_both_named(tmp_path: Path) -> None:
    text = edited("start = 10:40:00\nend = 12:40:00", "start = 10:30:00\nend = 12:40:00")
    text = text.replace("objectives = [1, 3, 7, 17, 23]", "objectives = [1, 3, 7, 17]")
    lines = faults_of(tmp_path, text)
    assert any("session rt1: start: overlaps session opening (10:00–10:40)" in line for line in lines)
    assert any("objective 23: objectives: is covered by no roundtable" in line for line in lines)
    assert all(line.startswith(str(tmp_path / "broken.toml")) for line in lines)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            'timezone = "Europe/Zurich"',
            'timezone = "Europe/Geneva"',
            "meeting: timezone: unknown time zone 'Europe/Geneva'",
            id="unknown-zone",
        ),
        pytest.param(
            "start = 13:40:00\nend = 15:40:00",
            "start = 15:40:00\nend = 13:40:00",
            "session rt2: end: must be after start",
            id="end-before-start",
        ),
        pytest.param(
            "day = 2020-11-13\nstart = 15:00:00",
            "day = 2020-11-14\nstart = 15:00:00",
            "session closing: day: 2020-11-14 is not a meeting day",
            id="outside-days",
        ),
        pytest.param(
            "objectives = [2, 5, 6, 12, 18]",
            "objectives = [2, 5, 6, 12, 18, 23]",
            "objective 23: objectives: is covered twice (rt1, rt4)",
            id="covered-twice",
        ),
        pytest.param(
            'kind = "roundtable"\ntitle = "Roundtable 1',
            'kind = "roundtable"\nroom = "A"\ntitle = "Roundtable 1',
            "session rt1: room: unknown key",
            id="unknown-key",
        ),
        pytest.param(
            'join = "https://meeting.invalid/unece-gcm-2020/rt3"',
            'join = "ftp://example.org/rt3"',
            "session rt3: links.join: must be an http(s) address",
            id="not-http-link",
        ),
        pytest.param(
            'kind = "opening"',
            'kind = "keynote"',
            "session opening: kind: unknown kind 'keynote'",
            id="unknown-kind",
        ),
        pytest.param(
            'policy = "protocol"',
            'policy = "loudest"',
            "speaking: policy: unknown policy 'loudest'",
            id="unknown-policy",
        ),
        pytest.param(
            'offsets = ["-15m", "0m"]',
            'offsets = ["15m"]',
            "reminders: offsets: must be an offset",
            id="positive-offset",
        ),
        pytest.param('id = "rt4"', 'id = "rt3"', "session rt3: id: used by 2 sessions", id="duplicate-id"),
        pytest.param(
            "deadline = 2020-10-31T23:59:59",
            'deadline = "31 October"',
            "submissions: deadline: must be a date and time",
            id="deadline-not-a-date-time",
        ),
        pytest.param(
            "word_limit = 5000", "word_limit = 0", "submissions: word_limit: must be at least 1", id="no-words"
        ),
        pytest.param(
            'categories = ["member-state"]',
            'categories = ["member-states"]',
            "submissions: categories: must be one of",
            id="unknown-category",
        ),
    ],
)
def test_each_fault_is_named(tmp_path: Path, old: str, new: str, expected: str) -> None:
    lines = faults_of(tmp_path, edited(old, new))
    assert any(expected in line for line in lines), lines


def test_a_syntax_error_is_one_line_with_its_position(tmp_path: Path) -> None:
    lines = faults_of(tmp_path, "[meeting\nid = 1")
    assert len(lines) == 1
    assert "file: syntax:" in lines[0]
    assert "line 1" in lines[0]


def test_a_missing_file_is_reported_not_raised_raw(tmp_path: Path) -> None:
    with pytest.raises(ScheduleInvalid) as caught:
        load_schedule_toml(tmp_path / "nowhere.toml")
    assert "cannot be read" in caught.value.lines()[0]


def test_every_fault_is_listed_at_once(tmp_path: Path) -> None:
    text = edited('timezone = "Europe/Zurich"', 'timezone = "Nowhere/City"')
    text = text.replace('kind = "opening"', 'kind = "keynote"').replace("number = 23", "number = 24")
    lines = faults_of(tmp_path, text)
    assert len(lines) >= 3
