"""Durations as written in schedules and commands."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.durations import MAX_DURATION, format_duration, parse_duration, plausible_date


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("3m", timedelta(minutes=3)),
        ("90s", timedelta(seconds=90)),
        ("1h30m", timedelta(minutes=90)),
        ("-15m", timedelta(minutes=-15)),
        ("0m", timedelta(0)),
        (" 2M ", timedelta(minutes=2)),
    ],
)
def test_parse(text: str, span: timedelta) -> None:
    assert parse_duration(text) == span


@pytest.mark.parametrize("text", ["", "m", "3", "three minutes", "3x", "--3m", "3m-", "1.5m"])
def test_parse_refuses(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    "text", ["24h1s", "-25h", "1441m", "10000000000000000000000m", "99999999999999h", "9" * 5000 + "s"]
)
def test_parse_refuses_more_than_a_day_either_way(text: str) -> None:
    assert parse_duration(text) is None


def test_parse_takes_a_whole_day_either_way() -> None:
    assert parse_duration("24h") == MAX_DURATION
    assert parse_duration("-1440m") == -MAX_DURATION


@pytest.mark.parametrize(("day", "plausible"), [(date(1, 1, 1), False), (date(1999, 12, 31), False),
    (date(2000, 1, 1), True), (date(2100, 12, 31), True), (date(2101, 1, 1), False)])  # fmt: skip
def test_clock_dates_are_bounded(day: date, *, plausible: bool) -> None:
    assert plausible_date(day) is plausible


@given(st.integers(min_value=-86400, max_value=86400))
def test_format_then_parse_is_identity(seconds: int) -> None:
    span = timedelta(seconds=seconds)
    assert parse_duration(format_duration(span)) == span
