"""Building speakers and queues for tests, without a roster file."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import Category, SpeakingPolicy, SpeakingSettings

T0 = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


def speaker(
    pid: str,
    category: Category = Category.MEMBER_STATE,
    level: Level = Level.OTHER,
    *,
    delegation: str | None = None,
    group: str | None = None,
    verified: bool = True,
) -> Speaker:
    return Speaker(pid, pid.title(), delegation or pid.upper()[:2], category, level, group, verified)


def queue(policy: SpeakingPolicy = SpeakingPolicy.PROTOCOL, *, first_time: bool = False) -> SpeakerQueue:
    return SpeakerQueue("m", "rt1", SpeakingSettings(policy=policy, prefer_first_time=first_time))
