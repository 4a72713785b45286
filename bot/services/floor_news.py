"""What a change to a list tells people: announcements to the session's channel, "you are next" to speakers."""

from __future__ import annotations

from datetime import datetime

from bot.domain.meeting import Meeting, Session
from bot.domain.queue import events as ev
from bot.domain.queue.queue import SpeakerQueue
from bot.services.views import AckView, Fact, FloorView, Post, Reader, Visibility

ANNOUNCED = (
    ev.FloorGiven,
    ev.FloorInterrupted,
    ev.RulingGiven,
    ev.SpeakerResumed,
    ev.ListClosed,
    ev.ListOpened,
    ev.LimitChanged,
    ev.RepliesCalled,
    ev.TimeWarning,
    ev.TimeUp,
    ev.SessionFinished,
)


def near(meeting: Meeting, q: SpeakerQueue) -> dict[int, int]:
    """Entry id -> position, for the entries close enough to the floor to be told so."""
    within = meeting.reminders.notify_within
    return {entry.id: position for position, entry in enumerate(q.waiting.head(within), start=1)}


def news(
    meeting: Meeting,
    session: Session,
    before: dict[int, int],
    q: SpeakerQueue,
    happened: list[ev.QueueEvent],
    *,
    now: datetime,
) -> list[Post]:
    """The announcements of what happened, then a direct message to each speaker who moved up, or whose
    statement, not delivered, waits for their consent to be published."""
    told = announcements(meeting, session, happened, q, now) + turns(meeting, session, before, q, happened)
    return told + consent_questions(meeting, session, happened)


def consent_questions(meeting: Meeting, session: Session, happened: list[ev.QueueEvent]) -> list[Post]:
    """As the list closes: ask each speaker not heard, whose statement is kept as written, whether to publish it."""
    if not meeting.speaking_for(session).written_needs_consent:
        return []
    written = [i for e in happened if isinstance(e, ev.SessionFinished) for i in e.written]
    facts: dict[str, Fact] = {"session": session, "id": session.id}
    speakers = dict.fromkeys(i.entry.speaker.participant_id for i in written)
    return [Post(AckView("consent_asked", facts), Visibility.PRIVATE, None, who) for who in speakers]


def announcements(
    meeting: Meeting, session: Session, happened: list[ev.QueueEvent], q: SpeakerQueue, now: datetime
) -> list[Post]:
    announced = [event for event in happened if isinstance(event, ANNOUNCED)]
    if not announced:
        return []  # most changes (a hand, a note) announce nothing: no need to order the list
    upcoming = tuple(q.ordered()[:2])
    reader = Reader(meeting.timezone)
    channel = session.channel or meeting.main_channel
    return [Post(FloorView(session, reader, event, upcoming, now), Visibility.CHANNEL, channel) for event in announced]


def turns(
    meeting: Meeting, session: Session, before: dict[int, int], q: SpeakerQueue, happened: list[ev.QueueEvent]
) -> list[Post]:
    """A direct message to each speaker who moved up to "next" or "2nd" (a new hand's reply says it already)."""
    raised = {e.entry.id for e in happened if isinstance(e, ev.HandRaised)}
    posts = []
    for entry_id, position in near(meeting, q).items():
        if entry_id not in raised and before.get(entry_id, position + 1) > position:
            entry = next(e for e in q.waiting.head(position) if e.id == entry_id)
            view = AckView("your_turn", {"position": position, "session": session.id})
            posts.append(Post(view, Visibility.PRIVATE, None, entry.speaker.participant_id))
    return posts
