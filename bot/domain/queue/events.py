"""What happened to a list of speakers, in the past tense: the repository stores these, announcers post them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.domain.queue.entries import Intervention, Note, QueueEntry
from bot.domain.settings import Category


@dataclass(frozen=True, slots=True)
class HandRaised:
    entry: QueueEntry


@dataclass(frozen=True, slots=True)
class HandsLowered:
    entries: tuple[QueueEntry, ...]
    by_moderator: bool


@dataclass(frozen=True, slots=True)
class EntriesMoved:
    """Entries that took new places (one for a move; many when the list had to be renumbered)."""

    entries: tuple[QueueEntry, ...]


@dataclass(frozen=True, slots=True)
class FloorGiven:
    intervention: Intervention


@dataclass(frozen=True, slots=True)
class InterventionEnded:
    intervention: Intervention


@dataclass(frozen=True, slots=True)
class FloorInterrupted:
    """A point of order took the floor at once: the speaker's clock stands still until the chair rules."""

    suspended: Intervention
    order: Intervention


@dataclass(frozen=True, slots=True)
class RulingGiven:
    """The chair ruled on the point of order that had the floor (it ended); the speaker it interrupted resumes."""

    order: Intervention
    ruling: str
    resumed: Intervention | None


@dataclass(frozen=True, slots=True)
class SpeakerResumed:
    """The point of order that interrupted the speaker ended without a ruling; the speaker resumes."""

    order: Intervention
    resumed: Intervention


@dataclass(frozen=True, slots=True)
class ListClosed:
    pass


@dataclass(frozen=True, slots=True)
class ListOpened:
    pass


@dataclass(frozen=True, slots=True)
class LimitChanged:
    category: Category | None
    limit: timedelta
    current: Intervention | None
    interrupted: Intervention | None = None  # the suspended speaker's own limit changed too


@dataclass(frozen=True, slots=True)
class RepliesCalled:
    waiting: int


@dataclass(frozen=True, slots=True)
class StatementAttached:
    """A text given for a waiting entry, or for an intervention already heard or under way."""

    entry: QueueEntry | None
    intervention: Intervention | None
    text: str


@dataclass(frozen=True, slots=True)
class NoteAdded:
    note: Note


@dataclass(frozen=True, slots=True)
class TimeWarning:
    intervention: Intervention
    left: timedelta


@dataclass(frozen=True, slots=True)
class TimeUp:
    intervention: Intervention


@dataclass(frozen=True, slots=True)
class SessionFinished:
    """The session closed: what was only submitted in writing, and who was inscribed but not heard."""

    written: tuple[Intervention, ...]
    unheard: tuple[QueueEntry, ...]


QueueEvent = (
    HandRaised
    | HandsLowered
    | EntriesMoved
    | FloorGiven
    | InterventionEnded
    | FloorInterrupted
    | RulingGiven
    | SpeakerResumed
    | ListClosed
    | ListOpened
    | LimitChanged
    | RepliesCalled
    | StatementAttached
    | NoteAdded
    | TimeWarning
    | TimeUp
    | SessionFinished
)
