"""The ports: what the use cases need from the outside world, as typing.Protocol, implemented at the edges."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from bot.domain.meeting import Meeting
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
    async def append(self, entry: TranscriptEntry) -> None: ...

    async def entries(self, meeting_id: str, *, session_id: str | None = None) -> Sequence[TranscriptEntry]:
        """Entries in the order they happened."""
        ...


class UnitOfWork(Protocol):
    """One transaction: `async with uow: ...; await uow.commit()`; leaving without commit rolls back."""

    meetings: MeetingRepository
    transcript: TranscriptRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...

    async def commit(self) -> None: ...


class ScheduleLoader(Protocol):
    def __call__(self, path: Path) -> Meeting:
        """The meeting in the file (TOML or iCalendar); raises ScheduleInvalid listing every fault."""
        ...
