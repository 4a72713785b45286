"""Read models handed to adapters: plain data about what to show, with times as aware UTC and zone names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.interests import Interest
from bot.domain.language import Language
from bot.domain.meeting import Link, Objective, Session
from bot.domain.queue.entries import Intervention, QueueEntry
from bot.domain.queue.events import QueueEvent
from bot.domain.reminders import Notice
from bot.services.registry import CommandSpec


@dataclass(frozen=True, slots=True)
class Reader:
    """Whose eyes a view is for: the zone they read times in, the meeting's own zone, and their language."""

    meeting_zone: str
    zone: str | None = None
    zone_label: str | None = None
    language: Language = Language.EN

    @property
    def shown_zone(self) -> ZoneInfo:
        """The zone times are shown in: the reader's own, else the meeting's."""
        return ZoneInfo(self.zone or self.meeting_zone)


@dataclass(frozen=True, slots=True)
class AgendaRow:
    session: Session
    day_number: int
    night: bool
    current: bool


@dataclass(frozen=True, slots=True)
class AgendaView:
    title: str
    reader: Reader
    rows: tuple[AgendaRow, ...]
    footer: str
    now: datetime


@dataclass(frozen=True, slots=True)
class SessionCard:
    session: Session
    objectives: tuple[Objective, ...]
    links: tuple[Link, ...]
    moderators: tuple[str, ...]
    night: bool


@dataclass(frozen=True, slots=True)
class NowView:
    reader: Reader
    current: SessionCard | None
    upcoming: SessionCard | None
    now: datetime
    meeting_over: bool


@dataclass(frozen=True, slots=True)
class SessionView:
    reader: Reader
    card: SessionCard


@dataclass(frozen=True, slots=True)
class HelpView:
    commands: tuple[CommandSpec, ...]
    detailed: bool


@dataclass(frozen=True, slots=True)
class RefusalView:
    code: str
    details: dict[str, str]
    suggestion: str | None


# A fact in a confirmation, as a value: renderers format it, nobody parses it back from text.
Fact = str | int | timedelta | Session  # a session is named by its title in the reader's language


@dataclass(frozen=True, slots=True)
class AckView:
    """A short confirmation: what was done, as a code and its facts (numbers and spans as numbers and spans)."""

    code: str
    details: dict[str, Fact]


@dataclass(frozen=True, slots=True)
class Place:
    """An entry in the list with its position and the estimated wait before it."""

    entry: QueueEntry
    position: int
    wait: timedelta


@dataclass(frozen=True, slots=True)
class QueueView:
    session: Session
    reader: Reader
    current: Intervention | None
    upcoming: tuple[Place, ...]
    total: int
    list_open: bool
    mine: tuple[Place, ...]
    now: datetime
    opens: datetime | None = None  # before the session: when hands are taken (the list is its provisional one)
    interrupted: Intervention | None = None  # the speaker a point of order interrupts: their clock is paused


@dataclass(frozen=True, slots=True)
class FloorView:
    """An announcement to the session's channel about the floor; `event` is the domain event behind it."""

    session: Session
    reader: Reader
    event: QueueEvent
    upcoming: tuple[QueueEntry, ...]
    now: datetime


@dataclass(frozen=True, slots=True)
class NightTime:
    """A delegation for whom a session falls in the night, and its local start there."""

    delegation: str
    start: datetime
    zone: str
    capital: bool = True  # the State's own zone; else a zone where one of its registered members sits


@dataclass(frozen=True, slots=True)
class ReminderView:
    """A reminder or digest: the sessions it is about, with links and, in a digest, who is up at night."""

    notice: Notice
    reader: Reader
    cards: tuple[SessionCard, ...]
    night: tuple[tuple[str, tuple[NightTime, ...]], ...] = ()
    list_open: bool = False


@dataclass(frozen=True, slots=True)
class FileView:
    """A file for the requester: the console saves it, Slack and Discord upload it."""

    name: str
    data: bytes
    form: str


@dataclass(frozen=True, slots=True)
class SubscriptionsView:
    sessions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeadlineView:
    """A refusal about a deadline, kept as an instant so each reader sees it in their own time."""

    code: str
    deadline: datetime
    reader: Reader


@dataclass(frozen=True, slots=True)
class SubmissionLine:
    """A delegation's current written submission, for the staff's list."""

    delegation_name: str
    delegation: str
    received: datetime
    words: int
    version: int


@dataclass(frozen=True, slots=True)
class InterestDecisionView:
    """What staff decided on an expression of interest, told to the participant in their own time."""

    interest: Interest
    session: Session
    reader: Reader
    place: int | None  # an accepted speaker's place on the list now


@dataclass(frozen=True, slots=True)
class InterestsView:
    """Expressions of interest: one's own (`mine`), or those staff asked for."""

    reader: Reader
    interests: tuple[Interest, ...]
    titles: dict[str, str]  # session id -> title
    mine: bool


@dataclass(frozen=True, slots=True)
class SubmissionsView:
    reader: Reader
    lines: tuple[SubmissionLine, ...]
    deadline: datetime | None


View = (
    AgendaView
    | NowView
    | SessionView
    | HelpView
    | RefusalView
    | AckView
    | QueueView
    | FloorView
    | ReminderView
    | SubscriptionsView
    | FileView
    | DeadlineView
    | SubmissionsView
    | InterestDecisionView
    | InterestsView
)


class Visibility(StrEnum):
    PRIVATE = "private"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Post:
    """A message to deliver: privately to one participant, or to a channel."""

    view: View
    visibility: Visibility
    channel: str | None = None
    recipient: str | None = None
    # A reminder's claim key: the adapter reports the delivery, so a failed post is retried, never lost.
    key: str | None = None
    # The platform a private answer goes back through; None: every platform serving the meeting.
    platform: str | None = None
    # The language it is written in: the reader's for a private post, the channel's for a channel post; None until
    # the core addresses it (services/languages.py), which every post leaving the core goes through.
    language: Language | None = None
