"""Meetings to iCalendar (RFC 5545): one event per session, in the meeting's zone, with Podium's own properties."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from bot.domain.meeting import Meeting, Session
from bot.formats.safe_text import clean
from bot.formats.wording import titled
from bot.services.translation import Translator

PRODID = "-//Podium//Meeting bot//EN"  # not user-facing: the calendar's product identifier (RFC 5545)


def meeting_to_ics(meeting: Meeting, *, session_id: str | None = None, stamp: datetime, tr: Translator) -> bytes:
    """The meeting's sessions (or only session_id) as a calendar; stamp (DTSTAMP) comes from the caller."""
    # A fixed calendar UID: Calendar.new() would otherwise draw a random one and two exports would differ.
    calendar = Calendar.new(prodid=PRODID, name=_text(meeting.title), uid=_text(f"{meeting.id}@podium"))
    calendar.add("x-podium-meeting", _text(meeting.id))
    sessions = [s for s in meeting.sessions if session_id is None or s.id == session_id]
    for session in sessions:
        calendar.add_component(_event(meeting, session, stamp, tr))
    if sessions:
        # Untrimmed, icalendar writes every transition from 1970 to 2037; the meeting needs only its years.
        local = [moment.astimezone(meeting.zone).date() for s in sessions for moment in (s.start, s.end)]
        first, last = min(local), max(local)
        calendar.add_missing_timezones(first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1))
    return bytes(calendar.to_ical())


def _event(meeting: Meeting, session: Session, stamp: datetime, tr: Translator) -> Event:
    join = session.link("join")
    event = Event.new(
        # The first day is in the UID so that a rehearsal (the meeting moved to another date) is a different
        # event in delegates' calendars instead of silently overwriting the real one.
        uid=_text(f"{session.id}.{meeting.days[0]:%Y%m%d}.{meeting.id}@podium"),
        summary=_text(titled(session, tr)),
        start=_wall(session.start, meeting.zone),
        end=_wall(session.end, meeting.zone),
        stamp=stamp,
        location=_text(f"#{session.channel}") if session.channel else None,
        url=_text(join.url) if join else None,
        description=_text(_description(meeting, session, tr)) or None,
    )
    # The X-PODIUM-* properties carry what the text above only describes, so an export reads back exactly.
    event.add("x-podium-kind", _text(session.kind.value))
    event.add("x-podium-id", _text(session.id))
    if session.objectives:
        event.add("x-podium-objectives", ",".join(str(n) for n in session.objectives))
    if session.channel:
        event.add("x-podium-channel", _text(session.channel))
    for link in session.links:
        event.add("x-podium-link", _text(f"{link.kind} {link.url}"))
    for moderator in session.moderators:
        event.add("x-podium-moderator", _text(moderator))
    return event


def _wall(moment: datetime, zone: ZoneInfo) -> datetime:
    local = moment.astimezone(zone)
    # A TZID time in the repeated hour of a DST fall-back means its first occurrence (RFC 5545 3.3.5);
    # the second occurrence can only be written in UTC.
    return moment.astimezone(UTC) if local.fold else local


def _description(meeting: Meeting, session: Session, tr: Translator) -> str:
    objectives = [_objective_line(meeting, n, tr) for n in session.objectives]
    placeholder = " " + tr.gettext("(placeholder)")
    links = [f"{x.kind}: {x.url}{placeholder if x.is_placeholder else ''}" for x in session.links]
    moderators = (
        [tr.gettext("moderators: {ids}").format(ids=", ".join(session.moderators))] if session.moderators else []
    )
    return "\n".join([*objectives, *links, *moderators])


def _objective_line(meeting: Meeting, number: int, tr: Translator) -> str:
    objective = meeting.objective(number)
    if objective is None:
        return tr.gettext("Objective {number}").format(number=number)
    return tr.gettext("Objective {number} — {title}").format(number=number, title=titled(objective, tr))


def _text(value: str) -> vText:
    """The one way text gets into the calendar: unsafe characters out (RFC 5545 allows no control but tab in a
    TEXT value); icalendar escapes commas, semicolons, backslashes and line ends."""
    return vText(clean(value))
