"""Per-meeting settings that later features read: speaking order, time limits and reminder offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum


class SpeakingPolicy(StrEnum):
    FIFO = "fifo"
    PROTOCOL = "protocol"


class Category(StrEnum):
    """Who a participant speaks as; group statements are made on behalf of a group of States."""

    GROUP = "group"
    MEMBER_STATE = "member-state"
    OBSERVER_STATE = "observer-state"
    IGO = "igo"
    UN_SYSTEM = "un-system"
    STAKEHOLDER = "stakeholder"
    SECRETARIAT = "secretariat"


def _default_limits() -> dict[Category, timedelta]:
    return {
        Category.GROUP: timedelta(minutes=5),
        Category.MEMBER_STATE: timedelta(minutes=3),
        Category.OBSERVER_STATE: timedelta(minutes=3),
        Category.IGO: timedelta(minutes=3),
        Category.UN_SYSTEM: timedelta(minutes=3),
        Category.STAKEHOLDER: timedelta(minutes=2),
        Category.SECRETARIAT: timedelta(minutes=5),
    }


@dataclass(frozen=True, slots=True)
class SpeakingSettings:
    policy: SpeakingPolicy = SpeakingPolicy.PROTOCOL
    prefer_first_time: bool = False
    limits: dict[Category, timedelta] = field(default_factory=_default_limits)
    warning_before_end: timedelta = timedelta(seconds=30)
    # The list of speakers opens at the session's start (earlier with opens_before) and closes `overrun`
    # after its end.
    opens_before: timedelta = timedelta(0)
    overrun: timedelta = timedelta(minutes=15)
    # A statement not delivered counts as submitted in writing; published (notes, report) only once its speaker
    # agrees, when this is set: they are asked by direct message as the list closes.
    written_needs_consent: bool = False

    def limit_for(self, category: Category) -> timedelta:
        return self.limits.get(category, timedelta(minutes=3))


@dataclass(frozen=True, slots=True)
class ReportSettings:
    """The summary report's cover: its document symbol and date of issue, once the secretariat assigns them."""

    symbol: str = ""
    issued: date | None = None


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """Offsets are relative to a session's start: negative is before it, zero is at it."""

    offsets: tuple[timedelta, ...] = (timedelta(minutes=-15), timedelta(0))
    digest_at: time | None = time(17, 0)
    grace: timedelta = timedelta(minutes=10)
    # Speakers this close to the floor get a direct message ("you are next", "you are 2nd").
    notify_within: int = 2
