"""Clocks that implement the Clock port: the system's, and a simulated one that can run fast or jump."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta


class SystemClock:
    """Real time, aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime) -> None:
        # asyncio.sleep may wake a little early; loop until the moment has really come.
        while (delay := (when - self.now()).total_seconds()) > 0:  # noqa: ASYNC110 - a moment, not a task
            await asyncio.sleep(delay)


class SimulatedClock:
    """A meeting clock started at any moment: it jumps when told (speed None) or runs `speed` times real time.

    Jumping is what scripts and golden transcripts want: `sleep_until` moves time at once, so a whole
    day replays instantly and deterministically. With a speed, a demo plays at a watchable pace.
    """

    def __init__(
        self,
        start: datetime,
        speed: float | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if start.tzinfo is None:
            raise ValueError("a simulated clock needs an aware start time")
        if speed is not None and speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._monotonic = monotonic
        self._sleep = sleep
        self._at = start.astimezone(UTC)
        self._anchor = monotonic()

    def now(self) -> datetime:
        if self.speed is None:
            return self._at
        return self._at + timedelta(seconds=(self._monotonic() - self._anchor) * self.speed)

    def set(self, moment: datetime) -> None:
        """Jump to a moment (forwards or backwards); a running clock goes on from there."""
        self._at = moment.astimezone(UTC)
        self._anchor = self._monotonic()

    async def sleep_until(self, when: datetime) -> None:
        if self.speed is None:
            if when > self._at:
                self._at = when.astimezone(UTC)
            return
        while (ahead := (when - self.now()).total_seconds()) > 0:
            await self._sleep(ahead / self.speed)


def make_clock(start: datetime | None, speed: float | None) -> SimulatedClock | SystemClock:
    """The system clock, or a simulated one running from `start` at `speed` when either is given."""
    if start is None and speed is None:
        return SystemClock()
    return SimulatedClock(start or SystemClock().now(), speed or 1.0)
