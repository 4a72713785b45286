"""The waiting requests of one session, kept sorted by their place and indexed by participant."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import replace

from bot.domain.queue.entries import QueueEntry
from bot.domain.queue.ordering import LAST_WORD, MOVE_SLOTS, between


class SpeakerList:
    """Entries sorted by (order, id): lookups by position or participant stay cheap with thousands waiting."""

    def __init__(self, entries: Iterable[QueueEntry] = ()) -> None:
        self._reset(entries)

    def __len__(self) -> int:
        return len(self._sorted)

    def __iter__(self) -> Iterator[QueueEntry]:
        return (self._entries[entry_id] for _, entry_id in self._sorted)

    def first(self) -> QueueEntry | None:
        return self._entries[self._sorted[0][1]] if self._sorted else None

    def head(self, count: int) -> list[QueueEntry]:
        return [self._entries[entry_id] for _, entry_id in self._sorted[:count]]

    def of(self, participant_id: str) -> list[QueueEntry]:
        """The participant's waiting entries, in list order."""
        ids = self._by_participant.get(participant_id, ())
        return sorted((self._entries[i] for i in ids), key=lambda e: (e.order, e.id))

    def position(self, entry: QueueEntry) -> int:
        """1 for the next to be heard."""
        return bisect.bisect_left(self._sorted, (entry.order, entry.id)) + 1

    def add(self, entry: QueueEntry) -> None:
        self._index(entry)
        bisect.insort(self._sorted, (entry.order, entry.id))

    def discard(self, entry: QueueEntry) -> None:
        del self._entries[entry.id]
        self._by_participant[entry.speaker.participant_id].discard(entry.id)
        del self._sorted[bisect.bisect_left(self._sorted, (entry.order, entry.id))]

    def update(self, entry: QueueEntry) -> None:
        """Replace an entry's details (not its place)."""
        self._entries[entry.id] = entry

    def clear(self) -> None:
        self._reset(())

    def place_at(self, entry: QueueEntry, position: int) -> QueueEntry | None:
        """Move an entry to a position; None when repeated moves left no room there (renumber, then retry)."""
        others = [key for key in self._sorted if key[1] != entry.id]
        before = others[position - 2][0] if position >= 2 else None
        after = others[position - 1][0] if position - 1 < len(others) else None
        value = between(before, after)
        return self.reorder(entry, value) if value is not None else None

    def reorder(self, entry: QueueEntry, value: int) -> QueueEntry:
        self.discard(entry)
        moved = replace(entry, order=value, last_word=value >= LAST_WORD)
        self.add(moved)
        return moved

    def renumber(self) -> tuple[QueueEntry, ...]:
        """Spread the list out evenly over its range, keeping the order, when moves used up the room."""
        entries = list(self)
        low = entries[0].order
        step = max((entries[-1].order - low) // max(len(entries), 1), 2 * MOVE_SLOTS)
        renumbered = tuple(replace(e, order=low + i * step) for i, e in enumerate(entries))
        self._reset(renumbered)
        return renumbered

    def _reset(self, entries: Iterable[QueueEntry]) -> None:
        self._entries: dict[int, QueueEntry] = {}
        self._by_participant: dict[str, set[int]] = {}
        for entry in entries:
            self._index(entry)
        self._sorted = sorted((e.order, e.id) for e in self._entries.values())

    def _index(self, entry: QueueEntry) -> None:
        self._entries[entry.id] = entry
        self._by_participant.setdefault(entry.speaker.participant_id, set()).add(entry.id)
