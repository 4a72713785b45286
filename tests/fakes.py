"""Test doubles for the ports: a clock moved by hand that never sleeps, and a recorder of what was due."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.services.views import Post


class FakeClock:
    """Time stands still until a test moves it; sleeping moves it, so a test never waits."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment

    def advance(self, span: timedelta) -> None:
        self.set(self._now + span)

    async def sleep_until(self, when: datetime) -> None:
        if when > self._now:
            self.set(when)


class ScheduledWork:
    """A DueWork with fixed moments, recording the time at which each one fired."""

    def __init__(self, name: str, moments: list[datetime]) -> None:
        self.name = name
        self.pending = sorted(moments)
        self.fired: list[datetime] = []

    async def next_due(self, now: datetime) -> datetime | None:
        return self.pending[0] if self.pending else None

    async def fire(self, now: datetime) -> list[Post]:
        due = [m for m in self.pending if m <= now]
        self.pending = [m for m in self.pending if m > now]
        self.fired += [now] * len(due)
        return []
