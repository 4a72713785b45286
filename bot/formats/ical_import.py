"""Meetings from iCalendar: Podium's own export read back exactly, or another program's calendar as well as can be."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from icalendar.prop import vUnknown
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from bot.domain.language import N_
from bot.domain.meeting import Link, Meeting, Session, SessionKind
from bot.domain.schedule_rules import UNNAMED_EVENT, ScheduleInvalid, ScheduleProblem, check_meeting
from bot.formats.fields import unreadable

WEB = ("https://", "http://")
Zones = dict[str, tzinfo | None]  # TZID -> the zone it means in the file being read
# A fault of an event: the property's name (lowercase), the msgid, its fields; or, without a msgid (None), the
# library's own words, which Podium cannot translate.
Fault = tuple[str, str | None, dict[str, str]]
# Besides its own ValueErrors, icalendar (and dateutil's rule parser beneath it) lets these escape on damaged
# input: a TZID naming a tzdata folder (IsADirectoryError), a misspelt BEGIN:VTIMEZONE or a DURATION holding
# a date-time (AttributeError), VTIMEZONE rules without FREQ (TypeError), a raw newline (AssertionError).
MALFORMED = (ValueError, TypeError, AttributeError, OSError, AssertionError, OverflowError)


def load_schedule_ics(path: Path) -> Meeting:
    """The meeting in the .ics file, checked; raises ScheduleInvalid listing every fault."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScheduleInvalid(str(path), [unreadable(error)]) from None
    return meeting_from_ics(data, str(path))


def meeting_from_ics(data: bytes, source: str, *, fallback_zone: str = "UTC") -> Meeting:
    """The meeting in a calendar, checked; floating times are in fallback_zone. Raises ScheduleInvalid."""
    calendar = _calendar(data, source)
    events = list(calendar.events)
    zones = _zones(calendar, events)
    problems = [p for event in events for p in _unusable(event, zones)]
    if not events:
        problems.append(ScheduleProblem("file", "events", N_("the calendar has no events")))
    if problems:
        raise ScheduleInvalid(source, problems)
    zone_name = _zone_name(events[0], zones, fallback_zone)
    sessions = _sessions(events, zones, ZoneInfo(zone_name))
    name = _text(calendar.calendar_name)  # NAME (RFC 7986) or X-WR-CALNAME, as Outlook and Google write it
    meeting = Meeting(
        id=_text(calendar.get("X-PODIUM-MEETING")) or _slug(name or Path(source).stem, "meeting"),
        title=name or sessions[0].title,
        timezone=zone_name,
        days=tuple(sorted({s.start.astimezone(ZoneInfo(zone_name)).date() for s in sessions})),
        sessions=sessions,
    )
    problems = check_meeting(meeting)
    if problems:
        raise ScheduleInvalid(source, problems)
    return meeting


def _calendar(data: bytes, source: str) -> Calendar:
    try:
        calendar = Calendar.from_ical(data)
    except MALFORMED as error:
        problem = ScheduleProblem("file", "syntax", N_("not iCalendar: {error}"), {"error": str(error)})
        raise ScheduleInvalid(source, [problem]) from None
    if not isinstance(calendar, Calendar):
        other = N_("holds a {component}, not a VCALENDAR")
        raise ScheduleInvalid(source, [ScheduleProblem("file", "syntax", other, {"component": str(calendar.name)})])
    return calendar


def _zones(calendar: Calendar, events: list[Event]) -> Zones:
    """Each TZID the events use, resolved for this file alone (None when unknown).

    icalendar resolves TZIDs through a process-wide cache: the first file that defines a non-IANA TZID
    (or names a Windows zone without a VTIMEZONE) fixes its meaning for every later file. So each is
    looked up again: an IANA name, a Windows name mapped to IANA, else this file's own VTIMEZONE.
    """
    tzids = {tzid for event in events for name in ("DTSTART", "DTEND") if (tzid := _tzid(event, name))}
    return {tzid: _zone(tzid, calendar) for tzid in tzids}


def _zone(tzid: str, calendar: Calendar) -> tzinfo | None:
    try:
        return ZoneInfo(WINDOWS_TO_OLSON.get(tzid, tzid))
    except (KeyError, ValueError, OSError):  # not found, not a zone key, or a tzdata folder such as "America"
        pass
    own = [vtimezone for vtimezone in calendar.timezones if str(vtimezone.get("TZID")) == tzid]
    try:
        return own[0].to_tz(lookup_tzid=False) if own else None
    except MALFORMED:
        return None


def _zone_name(event: Event, zones: Zones, fallback: str) -> str:
    tzid = _tzid(event, "DTSTART")
    zone = zones[tzid] if tzid else getattr(event.start, "tzinfo", None)
    # Only an IANA zone has a name Podium can use; one known from a VTIMEZONE alone has not.
    return zone.key if isinstance(zone, ZoneInfo) else fallback


def _tzid(event: Event, name: str) -> str | None:
    prop = event.get(name)
    tzid = None if prop is None or isinstance(prop, list) else prop.params.get("TZID")
    return str(tzid) if tzid else None


def _unusable(event: Event, zones: Zones) -> list[ScheduleProblem]:
    """What stops the event from being a session; checked before any of its values is used."""
    where = _text(event.get("SUMMARY")) or _text(event.get("UID")) or UNNAMED_EVENT
    # icalendar parses leniently: a malformed property becomes vBroken and fails only when read, so stop here.
    faults: list[Fault] = [((name or "syntax").lower(), None, {"error": message}) for name, message in event.errors]
    faults = faults or _time_faults(event) or _zone_faults(event, zones)
    faults += _podium_faults(event)
    return [_problem(where, name, message, values) for name, message, values in faults]


def _problem(where: str, name: str, message: str | None, values: dict[str, str]) -> ScheduleProblem:
    if message is None:
        return ScheduleProblem(where, name, values["error"], verbatim=True)
    return ScheduleProblem(where, name, message, values)


def _time_faults(event: Event) -> list[Fault]:
    if "DTSTART" not in event:
        return [("dtstart", N_("missing"), {})]
    try:
        start, end = event.start, event.end
    except MALFORMED as error:  # InvalidCalendar: two DTSTARTs, both DTEND and DURATION, a DTEND of a time…
        return [("dtstart", None, {"error": str(error)})]
    if not isinstance(start, datetime):
        return [("dtstart", N_("is a whole day: all-day events are not sessions"), {})]
    faults: list[Fault] = []
    if "DTEND" not in event and "DURATION" not in event:
        faults.append(("dtend", N_("missing, and no DURATION either"), {}))
    elif not isinstance(end, datetime):
        faults.append(("dtend", N_("must be a date and time, like DTSTART"), {}))
    if "RRULE" in event or "RDATE" in event:
        faults.append(("rrule", N_("repeating events are not supported: one event per session"), {}))
    return faults


def _zone_faults(event: Event, zones: Zones) -> list[Fault]:
    tzids = {name.lower(): tzid for name in ("DTSTART", "DTEND") if (tzid := _tzid(event, name))}
    unknown = N_("unknown time zone {zone}")
    faults: list[Fault] = [(name, unknown, {"zone": repr(tzid)}) for name, tzid in tzids.items() if zones[tzid] is None]
    if faults:
        return faults
    try:  # dateutil reads a VTIMEZONE's rules lazily, so a damaged one may fail only when used
        _span(event, zones, ZoneInfo("UTC"))
    except MALFORMED as error:
        return [("dtstart", N_("its time zone cannot be applied: {error}"), {"error": str(error)})]
    return []


def _podium_faults(event: Event) -> list[Fault]:
    faults: list[Fault] = []
    kind = _text(event.get("X-PODIUM-KIND"))
    if kind is not None and kind not in set(SessionKind):
        known = {"kind": repr(kind), "kinds": ", ".join(SessionKind)}
        faults.append(("x-podium-kind", N_("unknown kind {kind} (one of: {kinds})"), known))
    objectives = _text(event.get("X-PODIUM-OBJECTIVES"))
    if objectives and not re.fullmatch(r"\d+(,\d+)*", objectives):
        wrong = N_("must be numbers separated by commas, not {value}")
        faults.append(("x-podium-objectives", wrong, {"value": repr(objectives)}))
    for link in _texts(event, "X-PODIUM-LINK"):
        kind, _, url = link.rpartition(" ")
        if not (kind and url.startswith(WEB)):
            faults.append(("x-podium-link", N_("must be 'kind http(s)://…', not {value}"), {"value": repr(link)}))
    return faults


def _sessions(events: list[Event], zones: Zones, floating: ZoneInfo) -> tuple[Session, ...]:
    timed = sorted(((_span(e, zones, floating), e) for e in events), key=lambda pair: pair[0][0])
    # Podium's own ids are kept as they are; slugs made from summaries step aside for them and each other.
    taken = {given for e in events if (given := _text(e.get("X-PODIUM-ID")))}
    sessions = []
    for (start, end), event in timed:
        slug = _slug(_text(event.get("SUMMARY")), "session")
        session_id = _text(event.get("X-PODIUM-ID")) or _free(slug, taken)
        taken.add(session_id)
        sessions.append(_session(event, session_id, start, end))
    return tuple(sessions)


def _span(event: Event, zones: Zones, floating: ZoneInfo) -> tuple[datetime, datetime]:
    start = _instant(event.start, _tzid(event, "DTSTART"), zones, floating)
    if "DTEND" not in event:
        # A DURATION in hours and minutes is exact time (RFC 5545 3.3.6), so it is added in UTC.
        return start, start + event.duration
    return start, _instant(event.end, _tzid(event, "DTEND"), zones, floating)


def _instant(wall: date, tzid: str | None, zones: Zones, floating: ZoneInfo) -> datetime:
    assert isinstance(wall, datetime)  # _unusable() let no all-day event through
    # The wall time is icalendar's; the zone is this file's (see _zones). Floating times are the meeting's.
    zone = zones[tzid] if tzid else wall.tzinfo or floating
    return wall.replace(tzinfo=zone).astimezone(UTC)


def _session(event: Event, session_id: str, start: datetime, end: datetime) -> Session:
    title = _text(event.get("SUMMARY")) or session_id
    objectives = _text(event.get("X-PODIUM-OBJECTIVES"))
    return Session(
        id=session_id,
        kind=_kind(event, title),
        title=title,
        start=start,
        end=end,
        objectives=tuple(int(n) for n in objectives.split(",")) if objectives else (),
        channel=_text(event.get("X-PODIUM-CHANNEL")),
        links=_links(event),
        moderators=tuple(_texts(event, "X-PODIUM-MODERATOR")),
    )


def _kind(event: Event, title: str) -> SessionKind:
    kind = _text(event.get("X-PODIUM-KIND"))
    if kind:
        return SessionKind(kind)
    return SessionKind.BREAK if "break" in title.lower() else SessionKind.OTHER


def _links(event: Event) -> tuple[Link, ...]:
    if "X-PODIUM-LINK" in event:
        # The address is the last word: it holds no spaces, while a link's kind might.
        return tuple(Link(*link.rsplit(" ", 1)) for link in _texts(event, "X-PODIUM-LINK"))
    url = _text(event.get("URL"))
    return (Link("join", url),) if url and url.startswith(WEB) else ()


def _texts(component: Event, name: str) -> list[str]:
    value = component.get(name)
    values = value if isinstance(value, list) else [] if value is None else [value]
    return [text for text in (_text(v) for v in values) if text]


def _text(value: Any) -> str | None:
    """A property as plain text, or None when absent or blank."""
    if isinstance(value, list):  # a property given twice
        value = value[0] if value else None
    if value is None:
        return None
    # icalendar decodes the properties it knows but hands X- ones back raw (vUnknown), TEXT escapes and all.
    text = _unescape(str(value)) if isinstance(value, vUnknown) else str(value)
    return text.strip() or None


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], text)


def _slug(text: str | None, default: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or default


def _free(slug: str, taken: set[str]) -> str:
    candidates = (slug if n == 1 else f"{slug}-{n}" for n in range(1, len(taken) + 2))
    return next(c for c in candidates if c not in taken)
