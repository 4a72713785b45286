"""The .ics export and import, checked on the real schedules, with icalendar and the independent `ical`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from bot.domain.meeting import Link, Meeting, Session, SessionKind
from bot.domain.schedule_rules import ScheduleInvalid, ScheduleProblem
from bot.formats.ical import load_schedule_ics, meeting_from_ics, meeting_to_ics
from bot.formats.schedule_toml import load_schedule_toml

SCHEDULES = Path(__file__).parents[2] / "schedules"
STAMP = datetime(2020, 11, 1, 8, 0, tzinfo=UTC)
FILES = ["unece-gcm-review-2020", "harbour-forum-2027"]
ROUNDTABLES = {
    "rt1": "2,5,6,12,18",
    "rt2": "4,8,9,10,11,13,21",
    "rt3": "14,15,16,19,20,22",
    "rt4": "1,3,7,17,23",
}


def _meeting(name: str = "unece-gcm-review-2020") -> Meeting:
    return load_schedule_toml(SCHEDULES / f"{name}.toml")


def _events(ics: bytes) -> dict[str, dict[str, str]]:
    """Each VEVENT's properties as plain text, keyed by X-PODIUM-ID."""
    events = Calendar.from_ical(ics).events
    return {str(e["X-PODIUM-ID"]): {k: str(v) for k, v in e.items() if not isinstance(v, list)} for e in events}


def _vtimezone(ics: bytes) -> str:
    text = ics.decode().replace("\r\n ", "").replace("\r\n", "\n")  # unfolded, one line per property
    return text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]


def _same_sessions(ours: Meeting, theirs: Meeting) -> None:
    fields = ("id", "kind", "title", "start", "end", "objectives", "channel", "links", "moderators")
    for mine, back in zip(ours.sessions, theirs.sessions, strict=True):
        assert {f: getattr(back, f) for f in fields} == {f: getattr(mine, f) for f in fields}


# --- Export ------------------------------------------------------------------------------------------


def test_the_2020_export_parses_back_with_icalendar() -> None:
    ics = meeting_to_ics(_meeting(), stamp=STAMP)
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
    events = _events(meeting_to_ics(_meeting(), stamp=STAMP))
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
    events = _events(meeting_to_ics(_meeting(), stamp=STAMP))
    for session_id, numbers in ROUNDTABLES.items():
        assert events[session_id]["X-PODIUM-OBJECTIVES"] == numbers
        lines = events[session_id]["DESCRIPTION"].splitlines()
        assert [int(line.split()[1]) for line in lines if line.startswith("Objective ")] == [
            int(n) for n in numbers.split(",")
        ]
    assert "Objective 2 — Minimize the adverse drivers and structural factors" in events["rt1"]["DESCRIPTION"]
    assert "X-PODIUM-OBJECTIVES" not in events["opening"]


def test_one_vtimezone_trimmed_to_2020_that_agrees_with_tzdata() -> None:
    ics = meeting_to_ics(_meeting(), stamp=STAMP)
    calendar = Calendar.from_ical(ics)
    assert [str(tz["TZID"]) for tz in calendar.timezones] == ["Europe/Zurich"]
    block = _vtimezone(ics)
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
    meeting = _meeting()
    first = _events(meeting_to_ics(meeting, stamp=STAMP))
    again = _events(meeting_to_ics(meeting, stamp=STAMP + timedelta(days=3)))
    uids = [event["UID"] for event in first.values()]
    assert uids == [event["UID"] for event in again.values()]
    assert len(set(uids)) == len(meeting.sessions)
    assert first["rt1"]["UID"] == "rt1.20201112.unece-gcm-review-2020@podium"
    rehearsal = _events(meeting_to_ics(meeting.rehearsed_on(date(2020, 11, 5)), stamp=STAMP))
    assert rehearsal["rt1"]["UID"] == "rt1.20201105.unece-gcm-review-2020@podium"


def test_the_export_is_deterministic() -> None:
    meeting = _meeting()
    assert meeting_to_ics(meeting, stamp=STAMP) == meeting_to_ics(meeting, stamp=STAMP)


def test_a_single_session_export_has_one_event() -> None:
    ics = meeting_to_ics(_meeting(), session_id="rt3", stamp=STAMP)
    calendar = Calendar.from_ical(ics)
    assert [str(e["X-PODIUM-ID"]) for e in calendar.events] == ["rt3"]
    assert [str(tz["TZID"]) for tz in calendar.timezones] == ["Europe/Zurich"]


@pytest.mark.parametrize("name", FILES)
def test_the_independent_ical_parser_reads_the_same_times(name: str) -> None:
    meeting = _meeting(name)
    calendar = IcsCalendarStream.calendar_from_ics(meeting_to_ics(meeting, stamp=STAMP).decode())
    assert calendar.prodid == "-//Podium//Meeting bot//EN"
    assert [e.summary for e in calendar.events] == [s.title for s in meeting.sessions]
    assert [e.dtstart.astimezone(UTC) for e in calendar.events] == [s.start for s in meeting.sessions]
    assert [e.dtend.astimezone(UTC) for e in calendar.events] == [s.end for s in meeting.sessions]


# --- Round trip --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_an_export_reads_back_exactly(name: str) -> None:
    meeting = _meeting(name)
    back = meeting_from_ics(meeting_to_ics(meeting, stamp=STAMP), "export.ics")
    _same_sessions(meeting, back)
    assert (back.id, back.title, back.timezone, back.days) == (
        meeting.id,
        meeting.title,
        meeting.timezone,
        meeting.days,
    )
    assert back.objectives == ()


def test_the_harbour_forum_keeps_local_times_across_the_dst_change() -> None:
    back = meeting_from_ics(meeting_to_ics(_meeting("harbour-forum-2027"), stamp=STAMP), "harbour.ics")
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
    ics = meeting_to_ics(meeting, stamp=STAMP)
    assert "DTSTART:20271107T093000Z\r\n" in ics.decode()
    back = meeting_from_ics(ics, "night.ics")
    assert back.timezone == "America/Vancouver"
    _same_sessions(meeting, back)


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


def test_without_a_calendar_name_the_file_names_the_meeting() -> None:
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
    path.write_bytes(meeting_to_ics(_meeting(), stamp=STAMP))
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
    back = meeting_from_ics(meeting_to_ics(meeting, stamp=STAMP), "prop.ics")
    assert [(s.id, s.start, s.end) for s in back.sessions] == [(s.id, s.start, s.end) for s in meeting.sessions]


EXPORT = meeting_to_ics(_meeting(), stamp=STAMP)
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
