"""In-memory repositories and unit of work: the store for service tests and for runs with no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import NamedTuple, Self

from bot.domain.corrections import Correction
from bot.domain.meeting import Meeting
from bot.domain.participants import Participant
from bot.domain.queue.events import QueueEvent
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.transcript import TranscriptEntry
from bot.services.ports import (
    CorrectionRepository,
    Display,
    DisplayRepository,
    MeetingRepository,
    ParticipantRepository,
    QueueRepository,
    ReminderRepository,
    SubscriptionRepository,
    TranscriptRepository,
)
from bot.storage.correction_repository import InMemoryCorrectionRepository
from bot.storage.display_repository import InMemoryDisplayRepository
from bot.storage.memory_queues import InMemoryParticipantRepository, InMemoryQueueRepository
from bot.storage.memory_reminders import (
    InMemoryReminderRepository,
    InMemorySubscriptionRepository,
    StoredClaim,
    Subscription,
)


@dataclass
class InMemoryStore:
    """The committed data, shared by every unit of work made from it (as a database is)."""

    meetings: dict[str, Meeting] = field(default_factory=dict)
    transcript: list[TranscriptEntry] = field(default_factory=list)
    # Lists of speakers by (meeting_id, session_id) as committed, and the events that made them (the record).
    queues: dict[tuple[str, str], SpeakerQueue] = field(default_factory=dict)
    queue_events: dict[tuple[str, str], list[QueueEvent]] = field(default_factory=dict)
    # Self-declarations by (meeting_id, participant_id), with when they were made.
    declarations: dict[tuple[str, str], tuple[Participant, datetime]] = field(default_factory=dict)
    # Reminder claims by key (keys are unique across meetings), and (meeting, participant, session) triples.
    reminder_claims: dict[str, StoredClaim] = field(default_factory=dict)
    subscriptions: set[Subscription] = field(default_factory=set)
    corrections: dict[str, list[Correction]] = field(default_factory=dict)
    displays: dict[tuple[str, str, str], Display] = field(default_factory=dict)

    def uow(self) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(self)


class InMemoryMeetingRepository:
    """Reads see committed meetings plus this block's own saves; commit publishes the saves."""

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self._pending: dict[str, Meeting] = {}

    async def save(self, meeting: Meeting, *, loaded_at: datetime) -> None:
        # loaded_at is bookkeeping for the database row; nothing in the port reads it back.
        self._pending[meeting.id] = meeting

    async def get(self, meeting_id: str) -> Meeting | None:
        return self.visible(meeting_id)

    def visible(self, meeting_id: str) -> Meeting | None:
        pending = self._pending.get(meeting_id)
        return pending if pending is not None else self._store.meetings.get(meeting_id)

    def publish(self) -> None:
        self._store.meetings.update(self._pending)
        self._pending.clear()


class InMemoryTranscriptRepository:
    """Entries appended in this block stay private until commit, then join the shared list."""

    def __init__(self, store: InMemoryStore, meetings: InMemoryMeetingRepository) -> None:
        self._store = store
        self._meetings = meetings
        self._pending: list[TranscriptEntry] = []

    async def append(self, entry: TranscriptEntry) -> bool:
        # The database refuses both of these (foreign key, UtcDateTime); failing here too keeps service
        # tests from passing on code that would break in production.
        if self._meetings.visible(entry.meeting_id) is None:
            raise LookupError(f"no meeting {entry.meeting_id!r} to log a transcript entry for")
        if entry.at.utcoffset() is None:
            raise ValueError(f"naive datetime {entry.at.isoformat()} cannot be stored; give it a time zone")
        if entry.request_id is not None and any(
            e.request_id == entry.request_id for e in [*self._store.transcript, *self._pending]
        ):
            return False
        # The database hands instants back in UTC; so does this store.
        self._pending.append(replace(entry, at=entry.at.astimezone(UTC)))
        return True

    async def append_all(self, entries: Sequence[TranscriptEntry]) -> list[bool]:
        return [await self.append(entry) for entry in entries]

    async def entries(self, meeting_id: str, *, session_id: str | None = None) -> Sequence[TranscriptEntry]:
        """Entries in the order they happened; entries at the same instant stay in the order appended."""
        chosen = [
            entry
            for entry in [*self._store.transcript, *self._pending]
            if entry.meeting_id == meeting_id and session_id in (None, entry.session_id)
        ]
        return tuple(sorted(chosen, key=lambda entry: entry.at))  # stable, like ORDER BY at, id

    def publish(self) -> None:
        self._store.transcript.extend(self._pending)
        self._pending.clear()


class InMemoryUnitOfWork:
    """Same contract as the SQLAlchemy one: commit publishes the block's changes, leaving drops the rest."""

    meetings: MeetingRepository
    transcript: TranscriptRepository
    queues: QueueRepository
    participants: ParticipantRepository
    reminders: ReminderRepository
    subscriptions: SubscriptionRepository
    corrections: CorrectionRepository
    displays: DisplayRepository

    def __init__(self, store: InMemoryStore | None = None) -> None:
        self.store = store if store is not None else InMemoryStore()
        self._open: _Block | None = None

    async def __aenter__(self) -> Self:
        if self._open is not None:
            raise RuntimeError("this unit of work is already open; nested blocks would share a transaction")
        store = self.store
        meetings = InMemoryMeetingRepository(store)
        block = _Block(
            meetings,
            InMemoryTranscriptRepository(store, meetings),
            InMemoryQueueRepository(store.queues, store.queue_events, meetings.visible),
            InMemoryParticipantRepository(store.declarations, meetings.visible),
            InMemoryReminderRepository(store.reminder_claims, meetings.visible),
            InMemorySubscriptionRepository(store.subscriptions, meetings.visible),
            InMemoryCorrectionRepository(store.corrections),
            InMemoryDisplayRepository(store.displays),
        )
        (
            self.meetings,
            self.transcript,
            self.queues,
            self.participants,
            self.reminders,
            self.subscriptions,
            self.corrections,
            self.displays,
        ) = block
        self._open = block
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        # Whatever is still pending in the repositories is dropped with them: that is the rollback.
        self._open = None

    async def commit(self) -> None:
        block = self._repositories()
        # Checked before anything is published, so a conflict leaves the store as it was.
        block.queues.check()
        block.reminders.check()
        for repository in block:
            repository.publish()

    def _repositories(self) -> _Block:
        if self._open is None:
            raise RuntimeError("use the unit of work inside `async with uow:`")
        return self._open


class _Block(NamedTuple):
    """The repositories of one open block, each holding that block's pending changes."""

    meetings: InMemoryMeetingRepository
    transcript: InMemoryTranscriptRepository
    queues: InMemoryQueueRepository
    participants: InMemoryParticipantRepository
    reminders: InMemoryReminderRepository
    subscriptions: InMemorySubscriptionRepository
    corrections: InMemoryCorrectionRepository
    displays: InMemoryDisplayRepository
