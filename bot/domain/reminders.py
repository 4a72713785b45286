"""What to post when: the plan of reminders derived from the timetable, and the pure decision of what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from bot.domain.meeting import Meeting, Session, SessionKind

PLATFORM_MARK = "|"  # in no channel name, participant id or date, so a platform's copy is told from its notice


class NoticeKind(StrEnum):
    DIGEST = "digest"  # the next day's sessions, the evening before
    BEFORE = "before"  # a while before a session
    START = "start"  # at a session's start
    LIST_OPEN = "list-open"  # when a session's list of speakers opens, if that is before its start


@dataclass(frozen=True, slots=True)
class Notice:
    """One post to one channel; `key` is stable across restarts and reloads, so it is posted once."""

    key: str
    due: datetime
    kind: NoticeKind
    sessions: tuple[str, ...]
    channel: str
    offset: timedelta = timedelta(0)

    def personal_key(self, participant_id: str) -> str:
        return f"{self.key}:@{participant_id}"


def on_platform(key: str, platform: str, home: str) -> str:
    """A reminder's claim key on one platform: each platform's copy is claimed, posted and retried on its own.

    The home platform (the first serving the meeting) keeps the bare key, so a deployment that served one
    platform keeps its claims when a second platform joins: nothing already posted is posted again.
    """
    return key if platform == home else f"{key}{PLATFORM_MARK}{platform}"


def split_platform(key: str) -> tuple[str, str | None]:
    """(the reminder's own key, the platform its copy is for; None for the home platform's)."""
    base, mark, platform = key.partition(PLATFORM_MARK)
    return base, platform if mark else None


def plan(meeting: Meeting) -> tuple[Notice, ...]:
    """Every notice of the meeting, in the order they fall due."""
    # The first day is part of the key: a rehearsal on another date is a different set of posts.
    prefix = f"{meeting.id}@{meeting.days[0].isoformat()}" if meeting.days else meeting.id
    notices = [n for s in meeting.sessions if s.kind is not SessionKind.BREAK for n in _for_session(meeting, s, prefix)]
    notices += _digests(meeting, prefix)
    return tuple(sorted(notices, key=lambda n: (n.due, n.key)))


def decide(
    notices: tuple[Notice, ...], now: datetime, claimed: set[str], grace: timedelta
) -> tuple[list[Notice], list[Notice]]:
    """(due, missed): notices not claimed yet whose moment has come; those older than the grace are missed."""
    pending = [n for n in notices if n.due <= now and n.key not in claimed]
    return [n for n in pending if now - n.due <= grace], [n for n in pending if now - n.due > grace]


def next_due(notices: tuple[Notice, ...], claimed: set[str]) -> datetime | None:
    return next((n.due for n in notices if n.key not in claimed), None)


def _for_session(meeting: Meeting, session: Session, prefix: str) -> list[Notice]:
    channels = list(dict.fromkeys(c for c in (session.channel, meeting.main_channel) if c))
    notices = []
    for offset in meeting.reminders.offsets:
        kind = NoticeKind.START if offset == timedelta(0) else NoticeKind.BEFORE
        seconds = int(offset.total_seconds())
        notices += [
            Notice(
                f"{prefix}:{session.id}:{kind}:{seconds}:#{channel}",
                session.start + offset,
                kind,
                (session.id,),
                channel,
                offset,
            )
            for channel in channels
        ]
    opens_before = meeting.speaking_for(session).opens_before
    if opens_before > timedelta(0) and session.channel:
        key = f"{prefix}:{session.id}:{NoticeKind.LIST_OPEN}:#{session.channel}"
        notices.append(Notice(key, session.start - opens_before, NoticeKind.LIST_OPEN, (session.id,), session.channel))
    return notices


def _digests(meeting: Meeting, prefix: str) -> list[Notice]:
    digest_at, channel = meeting.reminders.digest_at, meeting.main_channel
    if digest_at is None or channel is None:
        return []
    notices = []
    for number, day in enumerate(meeting.days, start=1):
        sessions = tuple(s.id for s in meeting.sessions_on(number) if s.kind is not SessionKind.BREAK)
        due = datetime.combine(day - timedelta(days=1), digest_at, tzinfo=meeting.zone).astimezone(UTC)
        if sessions:
            notices.append(
                Notice(f"{prefix}:digest:{day.isoformat()}:#{channel}", due, NoticeKind.DIGEST, sessions, channel)
            )
    return notices
