"""Use cases that read the timetable: the agenda, what is on now, one session; each seen from the reader's zone."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo, available_timezones

from bot.domain.errors import Refused
from bot.domain.localtime import LocalSpan, is_known_zone
from bot.domain.meeting import Meeting, Session, SessionKind
from bot.domain.participants import Directory, Participant
from bot.services.views import AgendaRow, AgendaView, NightTime, NowView, Reader, SessionCard, SessionView


class Timetable:
    def __init__(self, meeting: Meeting, directory: Directory) -> None:
        self.meeting = meeting
        self.directory = directory

    def reader(self, participant: Participant | None = None, zone: str | None = None) -> Reader:
        """The zone to show times in: the one asked for, else the participant's delegation's, else none."""
        if zone:
            name, label = self.resolve_zone(zone)
            return Reader(self.meeting.timezone, name, label)
        own = self.directory.zone_of(participant) if participant else None
        # Labelled by the delegation when it is the delegation's zone, not one the participant sits or chose.
        label = participant.delegation if participant and own and not participant.timezone else None
        return Reader(self.meeting.timezone, own, label)

    def delegation_name(self, code: str | None) -> str:
        """A member State's name for its code (AM -> Armenia); an organisation's name as given; '' for none."""
        return self.directory.state_name(code) if code else ""

    def resolve_zone(self, text: str) -> tuple[str, str | None]:
        """An IANA zone name (any case) or a member State's code; refuses with the closest zone otherwise."""
        state = self.directory.state(text) if len(text) <= 3 else None
        if state:
            return state.zone, state.iso
        canonical = _canonical_zone(text)
        if canonical:
            return canonical, None
        close = difflib.get_close_matches(text, sorted(available_timezones()), n=1, cutoff=0.6)
        raise Refused("unknown_zone", {"value": text}, close[0] if close else None)

    def own_zone(self, text: str) -> str:
        """The IANA zone a participant chose (any case; a member State's code gives its capital's zone), or a
        refusal saying what to type. IANA names come first here, so a zone named like a code ('GB') stays one."""
        canonical = _canonical_zone(text)
        if canonical:
            return canonical
        try:
            return self.resolve_zone(text)[0]
        except Refused as unknown:
            raise Refused("unknown_time_zone", unknown.details, unknown.suggestion) from None

    def agenda(self, reader: Reader, now: datetime, day: int | None = None) -> AgendaView:
        if day is not None and not 1 <= day <= len(self.meeting.days):
            raise Refused("unknown_day", {"value": str(day), "days": str(len(self.meeting.days))})
        rows = tuple(
            AgendaRow(s, number, self._night(s, reader), s.is_on(now))
            for number in range(1, len(self.meeting.days) + 1)
            if day in (None, number)
            for s in self.meeting.sessions_on(number)
        )
        return AgendaView(self.meeting.title_in(reader.language), reader, rows, self.meeting.provenance.footer, now)

    def now(self, reader: Reader, now: datetime) -> NowView:
        current, upcoming = self.meeting.current(now), self.meeting.upcoming(now)
        if upcoming and upcoming.kind is SessionKind.BREAK:
            upcoming = self.meeting.upcoming(upcoming.start) or upcoming
        return NowView(
            reader,
            self._card(current, reader) if current else None,
            self._card(upcoming, reader) if upcoming else None,
            now,
            meeting_over=current is None and upcoming is None,
        )

    def session(self, reader: Reader, session_id: str) -> SessionView:
        session = self.meeting.session(session_id.lower())
        if session is None:
            ids = [s.id for s in self.meeting.sessions]
            close = difflib.get_close_matches(session_id.lower(), ids, n=1, cutoff=0.4)
            raise Refused(
                "unknown_session", {"value": session_id, "known": ", ".join(ids)}, close[0] if close else None
            )
        return SessionView(reader, self._card(session, reader))

    def open_session(self, channel: str | None, now: datetime) -> Session:
        """The session whose list of speakers a command in this channel is about, now; refuses if none is open.

        A session's list is open from `opens_before` its start to `overrun` after its end. In the session's own
        channel that session is meant; elsewhere, the one on now, else the next to open, else one overrunning.
        """
        open_now = [s for s in self.meeting.sessions if s.kind is not SessionKind.BREAK and self._list_open(s, now)]
        own = [s for s in open_now if s.channel and s.channel == channel]
        candidates = own or ([] if self._is_session_channel(channel) else open_now)
        if not candidates:
            upcoming = self.meeting.upcoming(now)
            details = {"next": upcoming.title if upcoming else "", "next_id": upcoming.id if upcoming else ""}
            raise Refused("no_session_open", details)
        return min(candidates, key=lambda s: (not s.is_on(now), s.start < now, abs(s.start - now)))

    def listed_session(self, channel: str | None, now: datetime) -> Session:
        """The session whose list a moderator looks at or arranges here: the open one, else, in a session's own
        channel, the next one of that channel to open (its provisional list, before it starts)."""
        try:
            return self.open_session(channel, now)
        except Refused:
            ahead = [s for s in self.meeting.sessions if s.channel == channel and s.start > now]
            if not self._is_session_channel(channel) or not ahead:
                raise
            return min(ahead, key=lambda s: s.start)

    def list_closes(self, session: Session) -> datetime:
        return session.end + self.meeting.speaking_for(session).overrun

    def _list_open(self, session: Session, now: datetime) -> bool:
        settings = self.meeting.speaking_for(session)
        return session.start - settings.opens_before <= now < session.end + settings.overrun

    def _is_session_channel(self, channel: str | None) -> bool:
        return (
            channel is not None
            and channel != self.meeting.main_channel
            and any(s.channel == channel for s in self.meeting.sessions)
        )

    def card(self, session: Session, reader: Reader) -> SessionCard:
        return self._card(session, reader)

    def night_for(self, session: Session, chosen: Iterable[Participant] = ()) -> tuple[NightTime, ...]:
        """The member States for whom the session falls in the night (00:00–06:59 local), by local start: in the
        State's own zone, and in every zone where a registered member of its delegation sits (a delegate of the
        Russian Federation in Vladivostok, of Canada in Vancouver), which the capital's zone alone would miss.

        `chosen`: participants with the zone they set with /zone in `timezone`, which replaces the roster's."""
        people = {p.id: p for p in self.directory.participants} | {p.id: p for p in chosen if p.verified}
        members: dict[str, list[str]] = {}
        for participant in people.values():
            if participant.delegation and participant.timezone:
                members.setdefault(participant.delegation.upper(), []).append(participant.timezone)
        found = [
            NightTime(state.iso, session.start.astimezone(ZoneInfo(zone)), zone, zone == state.zone)
            for state in self.directory.states
            for zone in dict.fromkeys([state.zone, *members.get(state.iso, ())])
            if LocalSpan.of(session.start, session.end, ZoneInfo(zone)).in_night
        ]
        return tuple(sorted(found, key=lambda n: (n.start.replace(tzinfo=None), n.delegation)))

    def _card(self, session: Session, reader: Reader) -> SessionCard:
        objectives = tuple(o for n in session.objectives if (o := self.meeting.objective(n)))
        names = tuple(self.directory.participant(m).name for m in session.moderators)
        return SessionCard(session, objectives, session.links, names, self._night(session, reader))

    def _night(self, session: Session, reader: Reader) -> bool:
        zone = ZoneInfo(reader.zone or reader.meeting_zone)
        return LocalSpan.of(session.start, session.end, zone).in_night


def _canonical_zone(text: str) -> str | None:
    if is_known_zone(text):
        return text
    lowered = text.lower()
    return next((z for z in available_timezones() if z.lower() == lowered), None)
