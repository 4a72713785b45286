"""In-memory twins of the list-of-speakers and participant repositories, with the database's semantics."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields, is_dataclass, replace
from datetime import datetime

from bot.domain.meeting import Meeting
from bot.domain.participants import Participant
from bot.domain.queue import events as ev
from bot.domain.queue.entries import Intervention, Note, QueueEntry
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import SpeakingSettings
from bot.services.ports import ConcurrentChange

Key = tuple[str, str]  # (meeting_id, session_id) or (meeting_id, participant_id)
FindMeeting = Callable[[str], Meeting | None]


class InMemoryQueueRepository:
    """Lists kept as deep copies (taken on get and on save), their events as the record, and a version check.

    As in the database, a save must build on the version that is committed; a block whose base was
    committed over by another block in the meantime fails at commit, and publishes nothing.
    """

    def __init__(
        self, queues: dict[Key, SpeakerQueue], history: dict[Key, list[ev.QueueEvent]], meetings: FindMeeting
    ) -> None:
        self._queues, self._history, self._meetings = queues, history, meetings
        self._handed: dict[Key, SpeakerQueue] = {}
        self._saved: dict[Key, SpeakerQueue] = {}
        self._bases: dict[Key, int] = {}
        self._events: dict[Key, list[ev.QueueEvent]] = {}

    async def get(
        self, meeting_id: str, session_id: str, settings: SpeakingSettings, *, lock: bool = False
    ) -> SpeakerQueue:
        # One process: the service's per-session lock is all the locking there is.
        key = (meeting_id, session_id)
        if key not in self._handed:
            stored = self._stored(key)
            queue = copy.deepcopy(stored) if stored is not None else SpeakerQueue(meeting_id, session_id, settings)
            queue.settings = settings
            self._handed[key] = queue
        return self._handed[key]

    async def save(self, queue: SpeakerQueue) -> None:
        key = (queue.meeting_id, queue.session_id)
        if queue.version != _version(self._stored(key)):
            raise ConcurrentChange(
                f"the list of {queue.session_id} changed since version {queue.version}", session_id=queue.session_id
            )
        # The database refuses both (foreign key, UtcDateTime): failing here too keeps service tests honest.
        meeting = self._meetings(queue.meeting_id)
        if meeting is None or all(s.id != queue.session_id for s in meeting.sessions):
            raise LookupError(f"no session {queue.session_id!r} in meeting {queue.meeting_id!r}")
        if any(_naive(event) for event in queue.events):
            raise ValueError("naive datetime cannot be stored; give it a time zone")
        self._bases.setdefault(key, _version(self._queues.get(key)))
        self._events.setdefault(key, []).extend(queue.events)
        queue.version += 1
        queue.events.clear()
        self._saved[key] = copy.deepcopy(queue)

    async def interventions(self, meeting_id: str, session_id: str | None = None) -> Sequence[Intervention]:
        found: dict[tuple[int, str], Intervention] = {}
        for key in self._keys(meeting_id):
            if session_id in (None, key[1]):
                for event in self._visible(key):
                    found.update({(i.id, key[1]): i for i in _interventions_in(event)})
        ordered = sorted(found.items(), key=lambda item: (item[1].started_at, *item[0]))
        return tuple(intervention for _, intervention in ordered)

    async def notes(self, meeting_id: str, session_id: str) -> Sequence[Note]:
        notes = [e.note for e in self._visible((meeting_id, session_id)) if isinstance(e, ev.NoteAdded)]
        return tuple(sorted(notes, key=lambda note: note.at))  # stable, like ORDER BY at, id

    async def unheard(self, meeting_id: str, session_id: str) -> Sequence[QueueEntry]:
        finished = [e for e in self._visible((meeting_id, session_id)) if isinstance(e, ev.SessionFinished)]
        return finished[-1].unheard if finished else ()

    async def sessions_with_queues(self, meeting_id: str) -> Sequence[str]:
        return tuple(session_id for _, session_id in self._keys(meeting_id))

    def check(self) -> None:
        """Raise ConcurrentChange if another block committed a list this one saved, since it was read."""
        for key, base in self._bases.items():
            if _version(self._queues.get(key)) != base:
                raise ConcurrentChange(f"the list of {key[1]} changed since version {base}", session_id=key[1])

    def publish(self) -> None:
        self._queues.update(self._saved)
        for key, events in self._events.items():
            self._history.setdefault(key, []).extend(events)
        self._saved.clear()
        self._bases.clear()
        self._events.clear()

    def _stored(self, key: Key) -> SpeakerQueue | None:
        """As this block saved it, else as committed (an empty list is falsy: no `or` here)."""
        saved = self._saved.get(key)
        return saved if saved is not None else self._queues.get(key)

    def _keys(self, meeting_id: str) -> list[Key]:
        return sorted(key for key in {*self._queues, *self._saved} if key[0] == meeting_id)

    def _visible(self, key: Key) -> list[ev.QueueEvent]:
        return [*self._history.get(key, ()), *self._events.get(key, ())]


class InMemoryParticipantRepository:
    """Declarations by (meeting, participant), with when they were made; commit publishes the block's."""

    def __init__(self, declarations: dict[Key, tuple[Participant, datetime]], meetings: FindMeeting) -> None:
        self._declarations, self._meetings = declarations, meetings
        self._pending: dict[Key, tuple[Participant, datetime]] = {}

    async def declare(self, meeting_id: str, participant: Participant, at: datetime) -> None:
        if self._meetings(meeting_id) is None:
            raise LookupError(f"no meeting {meeting_id!r} to declare a participant in")
        self._pending[(meeting_id, participant.id)] = (replace(participant, roles=(), verified=False), at)

    async def verify(self, meeting_id: str, participant_id: str, by: str, at: datetime) -> Participant | None:
        key = (meeting_id, participant_id)
        found = self._pending.get(key) or self._declarations.get(key)
        if found is None:
            return None
        verified = replace(found[0], verified=True)
        self._pending[key] = (verified, found[1])
        return verified

    async def declared(self, meeting_id: str) -> Sequence[Participant]:
        visible = {**self._declarations, **self._pending}
        chosen = sorted((at, key[1], p) for key, (p, at) in visible.items() if key[0] == meeting_id)
        return tuple(participant for _, _, participant in chosen)

    async def declarations(self, meeting_id: str, participant_ids: Sequence[str]) -> dict[str, Participant]:
        visible = {**self._declarations, **self._pending}
        return {pid: visible[(meeting_id, pid)][0] for pid in participant_ids if (meeting_id, pid) in visible}

    def publish(self) -> None:
        self._declarations.update(self._pending)
        self._pending.clear()


def _version(queue: SpeakerQueue | None) -> int:
    return queue.version if queue is not None else 0


def _interventions_in(event: ev.QueueEvent) -> Iterator[Intervention]:
    """The interventions an event carries, each as it stands after the event: the last one seen wins."""
    match event:
        case ev.FloorGiven() | ev.InterventionEnded() | ev.TimeWarning() | ev.TimeUp():
            yield event.intervention
        case (
            ev.LimitChanged(current=Intervention() as current)
            | ev.StatementAttached(intervention=Intervention() as current)
        ):
            yield current
        case ev.SessionFinished():
            yield from event.written
        case _:
            pass


def _naive(value: object) -> bool:
    """Whether a datetime anywhere inside the event (entries, interventions, notes) lacks a time zone."""
    if isinstance(value, datetime):
        return value.utcoffset() is None
    if isinstance(value, tuple):
        return any(_naive(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return any(_naive(getattr(value, f.name)) for f in fields(value))
    return False
