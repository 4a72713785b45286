"""Local time with historical rules: Almaty at UTC+6 in 2020, the night mark, offset labels."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.localtime import LocalSpan, is_known_zone, is_night, utc_offset_label

OPENING = datetime(2020, 11, 12, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "clock", "label"),
    [
        pytest.param("Asia/Almaty", "15:00", "UTC+06:00", id="almaty-2020-rules"),
        pytest.param("America/New_York", "04:00", "UTC-05:00", id="new-york-after-dst"),
        pytest.param("America/Vancouver", "01:00", "UTC-08:00", id="vancouver"),
        pytest.param("Europe/Zurich", "10:00", "UTC+01:00", id="geneva-cet"),
        pytest.param("Asia/Kolkata", "14:30", "UTC+05:30", id="half-hour-zone"),
    ],
)
def test_the_opening_in_each_zone(zone: str, clock: str, label: str) -> None:
    assert OPENING.astimezone(ZoneInfo(zone)).strftime("%H:%M") == clock
    assert utc_offset_label(OPENING, ZoneInfo(zone)) == label


def test_almaty_is_utc_plus_five_today() -> None:
    assert utc_offset_label(datetime(2026, 11, 12, 9, tzinfo=UTC), ZoneInfo("Asia/Almaty")) == "UTC+05:00"


def test_night_runs_from_midnight_to_seven() -> None:
    new_york = ZoneInfo("America/New_York")
    assert is_night(OPENING, new_york)  # 04:00
    assert not is_night(OPENING, ZoneInfo("Asia/Almaty"))  # 15:00
    assert not is_night(datetime(2020, 11, 12, 12, 0, tzinfo=UTC), new_york)  # 07:00


def test_a_span_that_reaches_past_midnight_is_in_the_night() -> None:
    vladivostok = ZoneInfo("Asia/Vladivostok")  # UTC+10: 13:40–15:40 CET is 22:40–00:40
    span = LocalSpan.of(
        datetime(2020, 11, 12, 12, 40, tzinfo=UTC), datetime(2020, 11, 12, 14, 40, tzinfo=UTC), vladivostok
    )
    assert span.in_night
    assert span.crosses_midnight


def test_a_daytime_span_is_not_in_the_night() -> None:
    span = LocalSpan.of(OPENING, datetime(2020, 11, 12, 14, 40, tzinfo=UTC), ZoneInfo("Europe/Zurich"))
    assert not span.in_night
    assert not span.crosses_midnight


def test_known_zones_include_links_and_refuse_nonsense() -> None:
    assert is_known_zone("Europe/Kiev")
    assert is_known_zone("Europe/Kyiv")
    assert not is_known_zone("Mars/Olympus_Mons")
    assert not is_known_zone("../etc/passwd")
