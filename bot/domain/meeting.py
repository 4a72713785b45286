"""The meeting as data: its days, its sessions, the objectives they cover, and their links."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.interests import InterestRules
from bot.domain.language import Language
from bot.domain.settings import ReminderSettings, ReportSettings, SpeakingSettings
from bot.domain.submissions import SubmissionRules


class SessionKind(StrEnum):
    OPENING = "opening"
    ROUNDTABLE = "roundtable"
    PLENARY = "plenary"
    BREAK = "break"
    CLOSING = "closing"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Translation:
    """A title in another working language; `official` False: no UN text gives it, so it is shown marked."""

    language: Language
    title: str
    label: str = ""
    official: bool = True


def _translated(translations: tuple[Translation, ...], language: Language) -> Translation | None:
    return next((t for t in translations if t.language is language), None)


@dataclass(frozen=True, slots=True)
class Objective:
    number: int
    label: str
    title: str
    translations: tuple[Translation, ...] = ()

    def title_in(self, language: Language) -> str:
        """The title in that language where the schedule gives it, else the English one."""
        found = _translated(self.translations, language)
        return found.title if found else self.title

    def label_in(self, language: Language) -> str:
        found = _translated(self.translations, language)
        return found.label if found and found.label else self.label

    def unofficial_in(self, language: Language) -> bool:
        """Whether the title shown in that language is an unofficial translation (to be marked as one)."""
        found = _translated(self.translations, language)
        return found is not None and not found.official


@dataclass(frozen=True, slots=True)
class Link:
    kind: str
    url: str

    @property
    def is_placeholder(self) -> bool:
        # .invalid is reserved (RFC 2606): a link there can never be mistaken for a real one.
        host = self.url.split("://", 1)[-1].split("/", 1)[0]
        return host == "invalid" or host.endswith(".invalid")


@dataclass(frozen=True, slots=True)
class Session:
    id: str
    kind: SessionKind
    title: str
    start: datetime
    end: datetime
    objectives: tuple[int, ...] = ()
    channel: str | None = None
    links: tuple[Link, ...] = ()
    moderators: tuple[str, ...] = ()
    speaking: SpeakingSettings | None = None
    # Whether questions and replies to the current speaker go ahead of the list. None: as its kind has it, on in
    # an interactive roundtable, off in a formal segment (opening, closing, plenary), where the list rules.
    replies_ahead: bool | None = None
    translations: tuple[Translation, ...] = ()

    def title_in(self, language: Language) -> str:
        """The title in that language where the schedule gives it, else the one it was announced with."""
        found = _translated(self.translations, language)
        return found.title if found else self.title

    def unofficial_in(self, language: Language) -> bool:
        found = _translated(self.translations, language)
        return found is not None and not found.official

    @property
    def takes_replies_ahead(self) -> bool:
        return self.replies_ahead if self.replies_ahead is not None else self.kind is SessionKind.ROUNDTABLE

    def is_on(self, now: datetime) -> bool:
        return self.start <= now < self.end

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def link(self, kind: str) -> Link | None:
        return next((link for link in self.links if link.kind == kind), None)


@dataclass(frozen=True, slots=True)
class Provenance:
    sourced: tuple[str, ...] = ()
    reconstructed: tuple[str, ...] = ()
    footer: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    title: str
    timezone: str
    days: tuple[date, ...]
    sessions: tuple[Session, ...]
    organisers: tuple[str, ...] = ()
    short_title: str = ""
    main_channel: str | None = None
    announced: date | None = None
    objectives: tuple[Objective, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)
    speaking: SpeakingSettings = field(default_factory=SpeakingSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    submissions: SubmissionRules | None = None  # None: this meeting takes no written submissions
    interests: InterestRules = field(default_factory=InterestRules)
    report: ReportSettings = field(default_factory=ReportSettings)
    # The language announcements are written in, and the channels that have their own (the schedule's).
    language: Language = Language.EN
    channel_languages: tuple[tuple[str, Language], ...] = ()
    translations: tuple[Translation, ...] = ()  # the meeting's title in the other languages

    def title_in(self, language: Language) -> str:
        """The meeting's name in that language where the schedule gives it, else the one it was announced with."""
        found = _translated(self.translations, language)
        return found.title if found else self.title

    def in_language(self, language: Language) -> Meeting:
        """The same meeting named in that language: what a document written in it calls the meeting."""
        return replace(self, title=self.title_in(language))

    def language_in(self, channel: str | None) -> Language:
        """The language of a channel's announcements: its own where the schedule sets one, else the meeting's."""
        return next((language for name, language in self.channel_languages if name == channel), self.language)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def channels(self) -> tuple[str, ...]:
        """Every channel the meeting uses (the main one, then each session's), once each, in that order."""
        named = [self.main_channel, *(s.channel for s in self.sessions)]
        return tuple(dict.fromkeys(name for name in named if name))

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def objective(self, number: int) -> Objective | None:
        return next((o for o in self.objectives if o.number == number), None)

    def day_number(self, day: date) -> int | None:
        return self.days.index(day) + 1 if day in self.days else None

    def local_day(self, session: Session) -> date:
        return session.start.astimezone(self.zone).date()

    def sessions_on(self, day_number: int) -> tuple[Session, ...]:
        day = self.days[day_number - 1]
        return tuple(s for s in self.sessions if self.local_day(s) == day)

    def current(self, now: datetime) -> Session | None:
        return next((s for s in self.sessions if s.is_on(now)), None)

    def upcoming(self, now: datetime) -> Session | None:
        return next((s for s in self.sessions if s.start > now), None)

    def speaking_for(self, session: Session) -> SpeakingSettings:
        return session.speaking or self.speaking

    def rehearsed_on(self, first_day: date) -> Meeting:
        """The same meeting moved so that it starts on first_day, every session at the same local time."""
        shift = first_day - self.days[0]
        zone = self.zone

        def moved(moment: datetime) -> datetime:
            local = moment.astimezone(zone)
            wall = local.replace(tzinfo=None) + shift
            return wall.replace(tzinfo=zone).astimezone(moment.tzinfo)

        sessions = tuple(replace(s, start=moved(s.start), end=moved(s.end)) for s in self.sessions)
        announced = self.announced + shift if self.announced else None
        return replace(self, days=tuple(d + shift for d in self.days), sessions=sessions, announced=announced)
