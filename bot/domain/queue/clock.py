"""The list's clock: the wait estimated before an entry, and the speaker's warning and time-up.

A speaker interrupted by a point of order is the list's `interrupted`, not its `current`: their clock
stands still, so nothing here warns them or times them out until they resume (interruption.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.domain.queue import events as ev
from bot.domain.queue.entries import EntryKind, QueueEntry
from bot.domain.settings import Category

if TYPE_CHECKING:
    from bot.domain.queue.queue import SpeakerQueue

ESTIMATE_FROM = 50


def wait_before(q: SpeakerQueue, entry: QueueEntry, now: datetime) -> timedelta:
    """An estimate from the time limits: the current (and an interrupted) speaker's time left, then each entry ahead.

    Far down a long list the limits of the first ESTIMATE_FROM entries ahead stand for the rest: it is an
    estimate either way, and summing ten thousand limits on every /hand would cost more than it tells.
    """
    ahead = q.waiting.position(entry) - 1
    sampled = q.waiting.head(min(ahead, ESTIMATE_FROM))
    # Entries share a handful of (kind, category) pairs: look each limit up once, then count.
    counts = Counter((e.kind is EntryKind.ORDER, e.speaker.time_category) for e in sampled)
    seconds = sum(n * _limit_seconds(q, order, category) for (order, category), n in counts.items())
    total = timedelta(seconds=seconds * ahead / len(sampled)) if sampled else timedelta(0)
    for floor in (q.current, q.interrupted):
        total += (floor.left(now) if floor else None) or timedelta(0)
    return total


def _limit_seconds(q: SpeakerQueue, order: bool, category: Category) -> float:
    if order:
        return 0.0  # a point of order has no time limit
    return q.limits.get(category, q.settings.limit_for(category)).total_seconds()


def next_timer(q: SpeakerQueue) -> datetime | None:
    """When the current speaker's warning or end falls, if either is still to come (never while suspended)."""
    floor = q.current
    if floor is None or floor.deadline is None or floor.expired or floor.suspended:
        return None
    return floor.deadline if floor.warned else floor.deadline - q.settings.warning_before_end


def tick(q: SpeakerQueue, now: datetime) -> None:
    """Warn the speaker before their time is up, then say it is; each once. The deadline counts the pauses."""
    floor = q.current
    deadline = floor.deadline if floor else None
    if floor is None or deadline is None or floor.suspended:
        return
    if not floor.warned and now >= deadline - q.settings.warning_before_end:
        floor = replace(floor, warned=True)
        q.events.append(ev.TimeWarning(floor, max(deadline - now, timedelta(0))))
    if not floor.expired and now >= deadline:
        floor = replace(floor, expired=True)
        q.events.append(ev.TimeUp(floor))
    q.current = floor
