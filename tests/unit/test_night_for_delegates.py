"""Night warnings look at every zone a delegation's registered members sit in, not only its capital's."""

from __future__ import annotations

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory, Participant
from bot.domain.settings import Category
from bot.formats.roster import load_member_states
from bot.services.timetable import Timetable
from tests.conftest import SCHEDULES


def timetable(gcm: Meeting, *members: Participant) -> Timetable:
    return Timetable(gcm, Directory(load_member_states(SCHEDULES / "unece-member-states.toml"), members))


def nights(table: Timetable, gcm: Meeting, session_id: str) -> list[str]:
    session = gcm.session(session_id)
    assert session is not None
    return [f"{n.delegation} {n.start:%H:%M} {n.zone}" for n in table.night_for(session)]


def test_a_delegate_in_vladivostok_is_warned_of_the_closing_which_moscow_is_not(gcm: Meeting) -> None:
    vladivostok = Participant("ivan", "Ivan", "RU", Category.MEMBER_STATE, timezone="Asia/Vladivostok")
    # 15:00–15:40 CET on 13 November 2020 is 00:00–00:40 in Vladivostok (UTC+10), 17:00 in Moscow.
    assert nights(timetable(gcm), gcm, "closing") == []
    assert nights(timetable(gcm, vladivostok), gcm, "closing") == ["RU 00:00 Asia/Vladivostok"]


def test_a_delegate_in_anchorage_is_warned_beside_the_capitals_own_night(gcm: Meeting) -> None:
    anchorage = Participant("kim", "Kim", "US", Category.MEMBER_STATE, timezone="America/Anchorage")
    # 10:00 CET is 04:00 in New York and 00:00 in Anchorage (AKST, UTC-9): both are warned, earliest first.
    assert nights(timetable(gcm, anchorage), gcm, "opening")[:2] == [
        "US 00:00 America/Anchorage",
        "CA 04:00 America/Toronto",
    ]
    assert "US 04:00 America/New_York" in nights(timetable(gcm, anchorage), gcm, "opening")


def test_a_member_sitting_in_the_capitals_zone_adds_nothing(gcm: Meeting) -> None:
    washington = Participant("sam", "Sam", "US", Category.MEMBER_STATE, timezone="America/New_York")
    assert nights(timetable(gcm, washington), gcm, "opening") == nights(timetable(gcm), gcm, "opening")
