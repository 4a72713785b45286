"""Where a request goes in the list: one integer per entry, so that the list is just the entries sorted by it.

The integer packs, from the most significant bits down: the kind's priority (points of order first), the
rank the policy gives (protocol order, or none for first come first served), whether the delegation has
spoken yet (with prefer-first-time), then the arrival number. Sorting by it is the policy; arrival breaks
ties. A moderator's move gives an entry a value between its new neighbours', so later arrivals still find
their place by policy around it.
"""

from __future__ import annotations

from bot.domain.participants import Level
from bot.domain.queue.entries import EntryKind, Speaker
from bot.domain.settings import Category, SpeakingPolicy

ARRIVAL_BITS = 40  # room for 2**20 arrivals, each with 2**20 slots for moves between neighbours
MOVE_SLOTS = 1 << 20
LAST_WORD = 1 << 62

KIND_RANK = {
    EntryKind.ORDER: 0,
    EntryKind.QUESTION: 1,
    EntryKind.REPLY: 1,
    EntryKind.STATEMENT: 2,
    EntryKind.RIGHT_OF_REPLY: 3,
}

LEVEL_RANK = {
    Level.HEAD_OF_STATE: 1,
    Level.HEAD_OF_GOVERNMENT: 1,
    Level.MINISTER: 2,
    Level.VICE_MINISTER: 3,
    Level.AMBASSADOR: 4,
    Level.OTHER: 4,
}

CATEGORY_RANK = {
    Category.OBSERVER_STATE: 5,
    Category.IGO: 6,
    Category.UN_SYSTEM: 6,
    Category.STAKEHOLDER: 7,
    Category.SECRETARIAT: 8,
}


def protocol_rank(speaker: Speaker) -> int:
    """UN protocol: group statements, then member States by level, observer States, organisations, others."""
    if speaker.group:
        return 0
    if speaker.category is Category.MEMBER_STATE:
        return LEVEL_RANK[speaker.level]
    return CATEGORY_RANK.get(speaker.category, 8)


def order_value(kind: EntryKind, speaker: Speaker, arrival: int, policy: SpeakingPolicy, has_spoken: bool) -> int:
    """The entry's place: smaller is heard earlier. `has_spoken` is only set under prefer-first-time."""
    rank = protocol_rank(speaker) if policy is SpeakingPolicy.PROTOCOL and kind is EntryKind.STATEMENT else 0
    head = (KIND_RANK[kind] * 16 + rank) * 2 + int(has_spoken and kind is EntryKind.STATEMENT)
    return (head << ARRIVAL_BITS) + arrival * MOVE_SLOTS


def between(before: int | None, after: int | None) -> int | None:
    """A value strictly between two neighbours' (None for an end of the list), or None when there is no room."""
    low = before if before is not None else (after if after is not None else 0) - 2 * MOVE_SLOTS
    high = after if after is not None else low + 2 * MOVE_SLOTS
    middle = (low + high) // 2
    return middle if low < middle < high else None
