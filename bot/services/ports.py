"""The ports: what the use cases need from the outside world, as typing.Protocol, implemented at the edges."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from bot.domain.choices import ReaderChoices
from bot.domain.consents import Consent
from bot.domain.corrections import Correction
from bot.domain.interests import Interest
from bot.domain.meeting import Meeting
from bot.domain.participants import Participant
from bot.domain.queue.entries import Intervention, Note, QueueEntry
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import SpeakingSettings
from bot.domain.submissions import Submission
from bot.domain.transcript import TranscriptEntry


class Clock(Protocol):
    """Where 'now' comes from: the system clock, a simulated one, or a test's hand."""

    def now(self) -> datetime:
        """The current moment, aware, in UTC."""
        ...

    async def sleep_until(self, when: datetime) -> None:
        """Return once now() >= when (at once if it already is)."""
        ...


class SettableClock(Clock, Protocol):
    """A clock a console script or a rehearsal may move by hand."""

    def set(self, moment: datetime) -> None: ...


class MeetingRepository(Protocol):
    async def save(self, meeting: Meeting, *, loaded_at: datetime) -> None:
        """Store the timetable as loaded, replacing an earlier version with the same id."""
        ...

    async def get(self, meeting_id: str) -> Meeting | None: ...


class TranscriptRepository(Protocol):
    async def append(self, entry: TranscriptEntry) -> bool:
        """Keep the entry; False, keeping nothing, when an entry with its request id is there already."""
        ...

    async def append_all(self, entries: Sequence[TranscriptEntry]) -> list[bool]:
        """`append` for several entries, in order, at once."""
        ...

    async def entries(self, meeting_id: str, *, session_id: str | None = None) -> Sequence[TranscriptEntry]:
        """Entries in the order they happened."""
        ...


class ConcurrentChange(Exception):
    """Another process changed what was read (a list of speakers: its session) since; nothing was saved."""

    def __init__(self, why: str, *, session_id: str = "") -> None:
        super().__init__(why)
        self.session_id = session_id


class QueueRepository(Protocol):
    async def get(
        self, meeting_id: str, session_id: str, settings: SpeakingSettings, *, lock: bool = False
    ) -> SpeakerQueue:
        """The session's list as last committed (a new, empty one if it has none yet).

        With `lock`, other processes wanting to change it wait until this unit of work ends (a change follows).
        """
        ...

    async def save(self, queue: SpeakerQueue) -> None:
        """Store what happened (queue.events) if nobody else saved since it was read; raises ConcurrentChange.

        On success the events are cleared and queue.version goes up by one; the change is visible to
        others once the unit of work commits.
        """
        ...

    async def interventions(self, meeting_id: str, session_id: str | None = None) -> Sequence[Intervention]:
        """Every intervention heard or submitted in writing, in the order they started."""
        ...

    async def notes(self, meeting_id: str, session_id: str) -> Sequence[Note]: ...

    async def unheard(self, meeting_id: str, session_id: str) -> Sequence[QueueEntry]:
        """Entries still inscribed when the session finished, in list order."""
        ...

    async def sessions_with_queues(self, meeting_id: str) -> Sequence[str]: ...


class ParticipantRepository(Protocol):
    """Participants who declared themselves with /iam (the roster's are not stored here)."""

    async def declare(self, meeting_id: str, participant: Participant, at: datetime) -> None:
        """Store or replace a self-declaration; it starts unverified."""
        ...

    async def verify(self, meeting_id: str, participant_id: str, by: str, at: datetime) -> Participant | None:
        """Mark a declaration verified; None when there is no such declaration."""
        ...

    async def declared(self, meeting_id: str) -> Sequence[Participant]: ...

    async def declarations(self, meeting_id: str, participant_ids: Sequence[str]) -> dict[str, Participant]:
        """The declarations of these participants, by id: what commands by people off the roster read."""
        ...


@dataclass(frozen=True, slots=True)
class Claim:
    """A reminder this or another process took on: posted, missed, or still to (re)try."""

    key: str
    due: datetime
    claimed_at: datetime
    attempts: int
    posted_at: datetime | None = None
    missed: bool = False
    next_attempt_at: datetime | None = None
    last_error: str | None = None


class ReminderRepository(Protocol):
    """Claims make each reminder post once, whatever restarts or other replicas do."""

    async def claim(
        self,
        meeting_id: str,
        due: Sequence[tuple[str, datetime]],
        now: datetime,
        lease: timedelta,
        *,
        missed: bool = False,
    ) -> set[str]:
        """Claim the keys nobody claimed before (a unique key decides); returns the ones this call got.

        A claim is leased: if it is not marked posted before now + lease, retry_due() offers it again.
        With missed=True the keys are recorded as missed (never to be posted) instead.
        """
        ...

    async def claimed_keys(self, meeting_id: str) -> set[str]:
        """Every key ever claimed for the meeting: posted, missed or pending."""
        ...

    async def posted(self, key: str, at: datetime) -> None: ...

    async def failed(self, key: str, error: str, retry_at: datetime) -> None:
        """Record a failed post and when to try again."""
        ...

    async def retry_due(self, meeting_id: str, now: datetime, lease: timedelta) -> list[Claim]:
        """Take over claims not posted whose lease or retry time has passed (each taken by one caller only)."""
        ...

    async def next_retry(self, meeting_id: str) -> datetime | None:
        """The earliest moment a pending claim may be retried."""
        ...

    async def claims(self, meeting_id: str) -> Sequence[Claim]: ...


class SubscriptionRepository(Protocol):
    """Personal reminders: who asked to be told about which session ('*' for every session)."""

    async def subscribe(self, meeting_id: str, participant_id: str, session_id: str) -> bool:
        """False when already subscribed."""
        ...

    async def unsubscribe_all(self, meeting_id: str, participant_id: str) -> int: ...

    async def of_participant(self, meeting_id: str, participant_id: str) -> Sequence[str]: ...

    async def subscribers(self, meeting_id: str, session_id: str) -> Sequence[str]:
        """Participants subscribed to this session or to all, each once, sorted."""
        ...


class CorrectionRepository(Protocol):
    """The audit log of staff corrections, oldest first; nothing in it is ever changed or deleted."""

    async def add(self, meeting_id: str, correction: Correction) -> None: ...

    async def all(self, meeting_id: str) -> Sequence[Correction]: ...


@dataclass(frozen=True, slots=True)
class Display:
    """A message a platform keeps up to date for a session (the live list): its channel and message id."""

    meeting_id: str
    session_id: str
    platform: str
    channel: str
    message_id: str
    shown: str = ""  # a digest of what the message shows now, so no replica edits it to show the same again


class DisplayRepository(Protocol):
    async def find(self, meeting_id: str, session_id: str, platform: str) -> Display | None: ...

    async def claim(self, display: Display) -> Display:
        """Store it unless one is stored already (another replica posted first); returns the stored one."""
        ...

    async def replace(self, display: Display) -> None:
        """Store it in place of any other (the old message was deleted, or it now shows something else)."""
        ...


class SubmissionRepository(Protocol):
    """Every version of the delegations' written submissions; versions are added, never changed or deleted."""

    async def add(self, meeting_id: str, submission: Submission) -> None: ...

    async def all(self, meeting_id: str) -> Sequence[Submission]:
        """Every version, in the order received."""
        ...


class InterestRepository(Protocol):
    """Expressions of interest, numbered in the meeting; a decision is saved onto the expression."""

    async def next_number(self, meeting_id: str) -> int: ...

    async def add(self, meeting_id: str, interest: Interest) -> None: ...

    async def save(self, meeting_id: str, interest: Interest) -> None: ...

    async def all(self, meeting_id: str) -> Sequence[Interest]:
        """Every expression, in the order they were made."""
        ...


class ConsentRepository(Protocol):
    """Answers on publishing statements submitted in writing; appended, the latest counts."""

    async def add(self, meeting_id: str, consent: Consent) -> None: ...

    async def all(self, meeting_id: str) -> Sequence[Consent]: ...


class ReaderChoiceRepository(Protocol):
    """The zone (/zone) and language (/language) each participant chose, per meeting."""

    async def save(self, meeting_id: str, participant_id: str, choices: ReaderChoices, at: datetime) -> None:
        """Set or replace the participant's choices; with nothing chosen, remove them."""
        ...

    async def of(self, meeting_id: str, participant_ids: Sequence[str]) -> dict[str, ReaderChoices]:
        """The choices of these participants, by id, those with none left out (one query for a batch's actors)."""
        ...

    async def all(self, meeting_id: str) -> dict[str, ReaderChoices]:
        """Every participant's choices in the meeting (the digest's night warnings read the zones)."""
        ...


class DocumentReader(Protocol):
    """The text of a file sent with a command (.txt, .md, .docx); refuses (Refused) one it cannot read."""

    def text_of(self, name: str, data: bytes, declared_size: int | None = None) -> str: ...


class UnitOfWork(Protocol):
    """One transaction: `async with uow: ...; await uow.commit()`; leaving without commit rolls back."""

    meetings: MeetingRepository
    transcript: TranscriptRepository
    queues: QueueRepository
    participants: ParticipantRepository
    reminders: ReminderRepository
    subscriptions: SubscriptionRepository
    corrections: CorrectionRepository
    displays: DisplayRepository
    submissions: SubmissionRepository
    interests: InterestRepository
    consents: ConsentRepository
    choices: ReaderChoiceRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...

    async def commit(self) -> None: ...


class ScheduleLoader(Protocol):
    def __call__(self, path: Path) -> Meeting:
        """The meeting in the file (TOML or iCalendar); raises ScheduleInvalid listing every fault."""
        ...
