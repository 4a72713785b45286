"""What the list of speakers holds: who speaks as what, their requests, and the interventions heard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.participants import Level, Participant
from bot.domain.settings import Category


class EntryKind(StrEnum):
    """Requests for the floor, highest priority first; rights of reply form a list of their own."""

    ORDER = "order"
    QUESTION = "question"
    REPLY = "reply"
    STATEMENT = "statement"
    RIGHT_OF_REPLY = "right-of-reply"


class Delivery(StrEnum):
    DELIVERED = "delivered"
    WRITTEN = "written"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A participant as they stand on the list: the delegation and rank they speak with."""

    participant_id: str
    name: str
    delegation: str | None
    category: Category
    level: Level
    group: str | None = None
    verified: bool = True

    @classmethod
    def of(cls, participant: Participant) -> Speaker:
        return cls(
            participant.id,
            participant.name,
            participant.delegation,
            participant.category,
            participant.level,
            participant.group,
            participant.verified,
        )

    @property
    def time_category(self) -> Category:
        """The category whose time limit applies: a statement for a group is a group statement."""
        return Category.GROUP if self.group else self.category


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """A request for the floor; `id` is its arrival number in the session, `order` its place in the list."""

    id: int
    speaker: Speaker
    kind: EntryKind
    queued_at: datetime
    order: int
    note: str = ""
    statement: str | None = None
    last_word: bool = False
    # The accepted expression of interest that inscribed it before the session (the provisional list), if any.
    interest: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A moderator's or rapporteur's note, on one intervention or (intervention None) on the session."""

    author: str
    text: str
    at: datetime
    intervention: int | None = None


@dataclass(frozen=True, slots=True)
class Intervention:
    """One turn at the floor (or a statement submitted in writing only); `ended_at` None while it runs.

    A point of order interrupts the speaker: their clock stands still from `suspended_at` until the chair's
    ruling, and `paused` sums those spells, so the deadline moves by them and the duration leaves them out.
    The point of order itself records whom it `interrupted` (an intervention's id) and the chair's `ruling`.
    """

    entry: QueueEntry
    started_at: datetime
    limit: timedelta | None
    ended_at: datetime | None = None
    delivery: Delivery = Delivery.DELIVERED
    statement: str | None = None
    warned: bool = False
    expired: bool = False
    paused: timedelta = timedelta(0)
    suspended_at: datetime | None = None
    interrupted: int | None = None
    ruling: str | None = None

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def deadline(self) -> datetime | None:
        """When time is up, as far as it is known: a pause under way pushes it back when it ends."""
        return self.started_at + self.limit + self.paused if self.limit is not None else None

    @property
    def duration(self) -> timedelta:
        """The time spent speaking: from start to end, less the pauses."""
        if self.ended_at is None:
            return timedelta(0)
        return self.ended_at - self.started_at - self.paused

    @property
    def suspended(self) -> bool:
        return self.suspended_at is not None

    def left(self, now: datetime) -> timedelta | None:
        """The speaking time left (none below zero); while suspended, what was left when the pause began."""
        deadline = self.deadline
        if deadline is None:
            return None
        return max(deadline - (self.suspended_at or now), timedelta(0))

    @property
    def counts_for_time(self) -> bool:
        """Points of order do not count against a delegation's speaking time."""
        return self.delivery is Delivery.DELIVERED and self.entry.kind is not EntryKind.ORDER
