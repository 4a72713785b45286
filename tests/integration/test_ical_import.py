"""The .ics import of other programs' calendars, and of damaged files, which are refused and never crash."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from bot.domain.meeting import Link, Meeting, Session, SessionKind
from bot.domain.schedule_rules import ScheduleInvalid, ScheduleProblem
from bot.formats.ical_export import meeting_to_ics
from bot.formats.ical_import import load_schedule_ics, meeting_from_ics
from tests.integration.ical_support import (
    STAMP,
    meeting_named,
)
from tests.words import english

# --- Import of other calendars -----------------------------------------------------------------------

OUTLOOK_ZONE = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE"""


def _outlook_event(summary: str, start: str, end: str = "", *extra: str) -> str:
    """A VEVENT as Outlook/Exchange writes it: Windows zone name, CDO properties, no X-PODIUM-*."""
    zone = "TZID=W. Europe Standard Time"
    lines = [
        "BEGIN:VEVENT",
        "DESCRIPTION:\\n",
        f"UID:040000008200E00074C5B7101A82E00800000000{start}",
        f"SUMMARY;LANGUAGE=en-GB:{summary}",
        f"DTSTART;{zone}:{start}" if "T" in start else f"DTSTART;VALUE=DATE:{start}",
        *([f"DTEND;{zone}:{end}"] if end else []),
        "CLASS:PUBLIC",
        "PRIORITY:5",
        "DTSTAMP:20201101T120000Z",
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        "LOCATION;LANGUAGE=en-GB:Microsoft Teams Meeting",
        *extra,
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "END:VEVENT",
    ]
    return "\n".join(lines)


def _outlook(*events: str, name: str = "Partners' Workshop 2020") -> bytes:
    head = ["BEGIN:VCALENDAR", "METHOD:PUBLISH", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0"]
    text = "\n".join([*head, f"X-WR-CALNAME:{name}", OUTLOOK_ZONE, *events, "END:VCALENDAR", ""])
    return text.replace("\n", "\r\n").encode()


WORKSHOP = [
    _outlook_event("Welcome & opening", "20201112T100000", "20201112T103000", "URL:https://teams.invalid/l/abc"),
    _outlook_event("Coffee Break", "20201112T103000", "20201112T104500"),
    _outlook_event("Workshop: Data", "20201112T104500", "", "DURATION:PT1H30M"),
    _outlook_event("Workshop: Data", "20201113T090000", "20201113T103000"),
]


def utc(hour: int, minute: int, day: int = 12) -> datetime:
    return datetime(2020, 11, day, hour, minute, tzinfo=UTC)


def test_an_outlook_calendar_imports_with_utc_times_and_slug_ids() -> None:
    meeting = meeting_from_ics(_outlook(*WORKSHOP), "partners.ics")
    assert (meeting.id, meeting.title) == ("partners-workshop-2020", "Partners' Workshop 2020")
    assert meeting.timezone == "Europe/Berlin"  # icalendar maps the Windows zone name
    assert meeting.days == (date(2020, 11, 12), date(2020, 11, 13))
    assert [(s.id, s.kind, s.start, s.end) for s in meeting.sessions] == [
        ("welcome-opening", SessionKind.OTHER, utc(9, 0), utc(9, 30)),
        ("coffee-break", SessionKind.BREAK, utc(9, 30), utc(9, 45)),
        ("workshop-data", SessionKind.OTHER, utc(9, 45), utc(11, 15)),
        ("workshop-data-2", SessionKind.OTHER, utc(8, 0, 13), utc(9, 30, 13)),
    ]
    assert meeting.sessions[0].links == (Link("join", "https://teams.invalid/l/abc"),)
    assert meeting.sessions[0].title == "Welcome & opening"
    assert all(s.channel is None and s.objectives == () for s in meeting.sessions)


def test_without_a_calendar_name_the_file_names_themeeting_named() -> None:
    ics = _outlook(*WORKSHOP[1:]).replace(b"X-WR-CALNAME:Partners' Workshop 2020\r\n", b"")
    meeting = meeting_from_ics(ics, "/tmp/Q4 offsite.ics")
    assert (meeting.id, meeting.title) == ("q4-offsite", "Coffee Break")


def test_an_all_day_event_is_named() -> None:
    ics = _outlook(*WORKSHOP, _outlook_event("Site visit", "20201113"))
    with pytest.raises(ScheduleInvalid) as caught:
        meeting_from_ics(ics, "partners.ics")
    assert [(p.where, p.field) for p in caught.value.problems] == [("Site visit", "dtstart")]
    assert "all-day events are not sessions" in caught.value.lines()[0]


def test_overlapping_events_are_named() -> None:
    clash = _outlook_event("Side event", "20201112T110000", "20201112T113000")
    with pytest.raises(ScheduleInvalid) as caught:
        meeting_from_ics(_outlook(*WORKSHOP, clash), "partners.ics")
    problems = [(p.where, p.field, p.message) for p in caught.value.problems]
    assert problems == [("side-event", "start", "overlaps session workshop-data (10:45–12:15)")]


def test_an_unknown_zone_is_not_taken_for_floating_time() -> None:
    ics = _outlook(*WORKSHOP).replace(b"W. Europe Standard Time:20201113", b"Mars/Olympus:20201113")
    with pytest.raises(ScheduleInvalid) as caught:
        meeting_from_ics(ics, "partners.ics")
    assert [(p.where, p.field) for p in caught.value.problems] == [
        ("Workshop: Data", "dtstart"),
        ("Workshop: Data", "dtend"),
    ]


def _office(offset: str) -> bytes:
    """A calendar whose zone exists only as its own VTIMEZONE, under a made-up TZID."""
    lines = [
        *("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test"),
        *("BEGIN:VTIMEZONE", "TZID:Podium Test Office", "BEGIN:STANDARD", "DTSTART:19700101T000000"),
        *(f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}", "END:STANDARD", "END:VTIMEZONE"),
        *("BEGIN:VEVENT", "UID:1", "SUMMARY:Call", "DTSTART;TZID=Podium Test Office:20201112T100000"),
        *("DURATION:PT1H", "END:VEVENT", "END:VCALENDAR", ""),
    ]
    return "\r\n".join(lines).encode()


def test_each_file_s_own_vtimezone_is_used_not_one_seen_earlier() -> None:
    # icalendar caches the first definition of a TZID for the whole process; Podium must not inherit it.
    Calendar.from_ical(_office("+0100"))
    meeting = meeting_from_ics(_office("+0500"), "office.ics", fallback_zone="Asia/Karachi")
    assert meeting.timezone == "Asia/Karachi"  # a zone known only from a VTIMEZONE has no IANA name
    assert (meeting.sessions[0].start, meeting.sessions[0].end) == (utc(5, 0), utc(6, 0))


@pytest.mark.parametrize(
    "data",
    [b"garbage \x00\xff", b"", b"BEGIN:VEVENT\r\nEND:VEVENT\r\n", b"BEGIN:VCALENDAR\r\nSUMMARY"],
)
def test_garbage_is_a_syntax_problem(data: bytes) -> None:
    with pytest.raises(ScheduleInvalid) as caught:
        meeting_from_ics(data, "junk.ics")
    assert [(p.where, p.field) for p in caught.value.problems] == [("file", "syntax")]


def test_load_schedule_ics_reads_a_file_and_names_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "gcm.ics"
    path.write_bytes(meeting_to_ics(meeting_named(), stamp=STAMP, tr=english()))
    assert load_schedule_ics(path).session("rt4") is not None
    with pytest.raises(ScheduleInvalid) as caught:
        load_schedule_ics(tmp_path / "missing.ics")
    assert [(p.where, p.field) for p in caught.value.problems] == [("file", "file")]


# --- Properties --------------------------------------------------------------------------------------

ZONES = [
    "Europe/Zurich",
    "America/Vancouver",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "UTC",
]


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    zone = draw(st.sampled_from(ZONES))
    moment = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 10 * 366 * 24 * 60)))
    spans = draw(st.lists(st.tuples(st.integers(0, 3 * 24 * 60), st.integers(1, 8 * 60)), min_size=1, max_size=6))
    sessions = []
    for number, (gap, length) in enumerate(spans, start=1):
        start = moment + timedelta(minutes=gap)
        moment = start + timedelta(minutes=length)
        sessions.append(Session(f"s{number}", SessionKind.PLENARY, f"Session {number}", start, moment))
    days = sorted({s.start.astimezone(ZoneInfo(zone)).date() for s in sessions})
    return Meeting("prop", "Property", zone, tuple(days), tuple(sessions))


@settings(max_examples=150, deadline=None)
@given(meetings())
def test_export_then_import_keeps_every_start_and_end(meeting: Meeting) -> None:
    back = meeting_from_ics(meeting_to_ics(meeting, stamp=STAMP, tr=english()), "prop.ics")
    assert [(s.id, s.start, s.end) for s in back.sessions] == [(s.id, s.start, s.end) for s in meeting.sessions]


EXPORT = meeting_to_ics(meeting_named(), stamp=STAMP, tr=english())
SPLICES = [
    b"",
    b":",
    b";",
    b",",
    b"\\",
    b"\r\n",
    b"\xff",
    b"VALUE=DATE:",
    b"TZID=America:",
    b"Z",
    b"\r\nRRULE:FREQ=DAILY",
    b"\r\nDURATION:PT1H",
    b"\r\nDTSTART:2020",
    b"\r\nEND:VEVENT",
    b"\r\nX-PODIUM-LINK:x",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_file_is_read_or_refused_never_crashes(data: st.DataObject) -> None:
    raw = bytearray(EXPORT)
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at : at + data.draw(st.integers(0, 20))] = data.draw(st.sampled_from(SPLICES))
    outcome = _read(bytes(raw))
    assert isinstance(outcome, Meeting) or outcome  # a meeting, or at least one named problem


def _read(data: bytes) -> Meeting | list[ScheduleProblem]:
    try:
        return meeting_from_ics(data, "damaged.ics")
    except ScheduleInvalid as error:
        return error.problems
