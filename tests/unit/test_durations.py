"""Durations as written in schedules and commands."""

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.durations import format_duration, parse_duration


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


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_format_then_parse_is_identity(seconds: int) -> None:
    span = timedelta(seconds=seconds)
    assert parse_duration(format_duration(span)) == span
