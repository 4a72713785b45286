"""The .ics export, and its round trip, checked on the real schedules with icalendar and the independent `ical`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from bot.domain.meeting import Meeting, Session, SessionKind
from bot.formats.ical_export import meeting_to_ics
from bot.formats.ical_import import meeting_from_ics
from tests.integration.ical_support import (
    FILES,
    ROUNDTABLES,
    STAMP,
    events_of,
    meeting_named,
    same_sessions,
    vtimezone_of,
)
from tests.words import english

# --- Export ------------------------------------------------------------------------------------------


def test_the_2020_export_parses_back_with_icalendar() -> None:
    ics = meeting_to_ics(meeting_named(), stamp=STAMP, tr=english())
    calendar = Calendar.from_ical(ics)
    assert str(calendar["PRODID"]) == "-//Podium//Meeting bot//EN"
    assert str(calendar["X-WR-CALNAME"]).startswith("Regional Review of the Global Compact")
    assert len(calendar.events) == 8
    opening = calendar.events[0]
    assert str(opening["SUMMARY"]) == "Opening segment"
    assert opening.start.astimezone(UTC) == datetime(2020, 11, 12, 9, 0, tzinfo=UTC)
    assert opening.end.astimezone(UTC) == datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
    assert "DTSTART;TZID=Europe/Zurich:20201112T100000\r\n" in ics.decode()
    assert opening["DTSTAMP"].dt == STAMP


def test_sessions_carry_channel_links_and_moderators() -> None:
    events = events_of(meeting_to_ics(meeting_named(), stamp=STAMP, tr=english()))
    rt1 = events["rt1"]
    assert rt1["LOCATION"] == "#gcm-rt1"
    assert rt1["URL"] == "https://meeting.invalid/unece-gcm-2020/rt1"
    assert rt1["X-PODIUM-KIND"] == "roundtable"
    assert rt1["X-PODIUM-CHANNEL"] == "gcm-rt1"
    assert "join: https://meeting.invalid/unece-gcm-2020/rt1 (placeholder)" in rt1["DESCRIPTION"].splitlines()
    assert rt1["DESCRIPTION"].splitlines()[-1] == "moderators: mod-rt1"
    assert events["break-1"]["X-PODIUM-KIND"] == "break"
    assert "LOCATION" not in events["break-1"]
    assert "URL" not in events["break-1"]


def test_the_four_roundtables_carry_their_objectives() -> None:
    events = events_of(meeting_to_ics(meeting_named(), stamp=STAMP, tr=english()))
    for session_id, numbers in ROUNDTABLES.items():
        assert events[session_id]["X-PODIUM-OBJECTIVES"] == numbers
        lines = events[session_id]["DESCRIPTION"].splitlines()
        assert [int(line.split()[1]) for line in lines if line.startswith("Objective ")] == [
            int(n) for n in numbers.split(",")
        ]
    assert "Objective 2 — Minimize the adverse drivers and structural factors" in events["rt1"]["DESCRIPTION"]
    assert "X-PODIUM-OBJECTIVES" not in events["opening"]


def test_one_vtimezone_trimmed_to_2020_that_agrees_with_tzdata() -> None:
    ics = meeting_to_ics(meeting_named(), stamp=STAMP, tr=english())
    calendar = Calendar.from_ical(ics)
    assert [str(tz["TZID"]) for tz in calendar.timezones] == ["Europe/Zurich"]
    block = vtimezone_of(ics)
    # icalendar opens the trimmed zone with a synthetic observance on first_date, then the real transitions.
    onsets = re.findall(r"^DTSTART:(\d{8})T\d{6}$", block, flags=re.MULTILINE)
    assert onsets == ["20200101", "20200329", "20201025"]
    assert "RDATE" not in block
    assert "RRULE" not in block
    # Read by its own rules (as a client without tzdata would), it gives every 2020 wall time its offset.
    rules = calendar.timezones[0].to_tz(lookup_tzid=False)
    zurich = ZoneInfo("Europe/Zurich")
    wall = datetime(2020, 1, 1, 0, 30)
    while wall.year == 2020:
        assert wall.replace(tzinfo=rules).utcoffset() == wall.replace(tzinfo=zurich).utcoffset(), wall
        wall += timedelta(minutes=30)


def test_uids_are_stable_distinct_and_dated() -> None:
    meeting = meeting_named()
    first = events_of(meeting_to_ics(meeting, stamp=STAMP, tr=english()))
    again = events_of(meeting_to_ics(meeting, stamp=STAMP + timedelta(days=3), tr=english()))
    uids = [event["UID"] for event in first.values()]
    assert uids == [event["UID"] for event in again.values()]
    assert len(set(uids)) == len(meeting.sessions)
    assert first["rt1"]["UID"] == "rt1.20201112.unece-gcm-review-2020@podium"
    rehearsal = events_of(meeting_to_ics(meeting.rehearsed_on(date(2020, 11, 5)), stamp=STAMP, tr=english()))
    assert rehearsal["rt1"]["UID"] == "rt1.20201105.unece-gcm-review-2020@podium"


def test_the_export_is_deterministic() -> None:
    meeting = meeting_named()
    assert meeting_to_ics(meeting, stamp=STAMP, tr=english()) == meeting_to_ics(meeting, stamp=STAMP, tr=english())


def test_a_single_session_export_has_one_event() -> None:
    ics = meeting_to_ics(meeting_named(), session_id="rt3", stamp=STAMP, tr=english())
    calendar = Calendar.from_ical(ics)
    assert [str(e["X-PODIUM-ID"]) for e in calendar.events] == ["rt3"]
    assert [str(tz["TZID"]) for tz in calendar.timezones] == ["Europe/Zurich"]


@pytest.mark.parametrize("name", FILES)
def test_the_independent_ical_parser_reads_the_same_times(name: str) -> None:
    meeting = meeting_named(name)
    calendar = IcsCalendarStream.calendar_from_ics(meeting_to_ics(meeting, stamp=STAMP, tr=english()).decode())
    assert calendar.prodid == "-//Podium//Meeting bot//EN"
    assert [e.summary for e in calendar.events] == [s.title for s in meeting.sessions]
    assert [e.dtstart.astimezone(UTC) for e in calendar.events] == [s.start for s in meeting.sessions]
    assert [e.dtend.astimezone(UTC) for e in calendar.events] == [s.end for s in meeting.sessions]


# --- Round trip --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_an_export_reads_back_exactly(name: str) -> None:
    meeting = meeting_named(name)
    back = meeting_from_ics(meeting_to_ics(meeting, stamp=STAMP, tr=english()), "export.ics")
    same_sessions(meeting, back)
    assert (back.id, back.title, back.timezone, back.days) == (
        meeting.id,
        meeting.title,
        meeting.timezone,
        meeting.days,
    )
    assert back.objectives == ()


def test_the_harbour_forum_keeps_local_times_across_the_dst_change() -> None:
    back = meeting_from_ics(
        meeting_to_ics(meeting_named("harbour-forum-2027"), stamp=STAMP, tr=english()), "harbour.ics"
    )
    local = {s.id: f"{s.start.astimezone(back.zone):%Y-%m-%d %H:%M %z}" for s in back.sessions}
    assert local == {
        "welcome": "2027-03-13 08:30 -0800",
        "ports": "2027-03-13 09:00 -0800",
        "ferries": "2027-03-14 08:30 -0700",  # the clocks sprang forward overnight
        "wrap-up": "2027-03-14 10:30 -0700",
    }


def test_a_session_in_the_repeated_hour_of_a_dst_fall_back_survives() -> None:
    # 07 Nov 2027 01:00–02:00 happens twice in Vancouver; the second pass (PST) has no TZID spelling.
    first = datetime(2027, 11, 7, 7, 30, tzinfo=UTC)  # 00:30 PDT
    second = datetime(2027, 11, 7, 9, 30, tzinfo=UTC)  # 01:30 PST, the second 01:30 of the night
    sessions = (
        Session("early", SessionKind.PLENARY, "Early", first, first + timedelta(minutes=45)),
        Session("late", SessionKind.PLENARY, "Late", second, second + timedelta(hours=1)),
    )
    meeting = Meeting("night", "Night shift", "America/Vancouver", (date(2027, 11, 7),), sessions)
    ics = meeting_to_ics(meeting, stamp=STAMP, tr=english())
    assert "DTSTART:20271107T093000Z\r\n" in ics.decode()
    back = meeting_from_ics(ics, "night.ics")
    assert back.timezone == "America/Vancouver"
    same_sessions(meeting, back)
