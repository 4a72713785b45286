"""The per-process cache of lists of speakers, and the ledger of what one unit of work took from it."""

from __future__ import annotations

from bot.domain.queue.queue import SpeakerQueue

Key = tuple[str, str]  # (meeting_id, session_id)


class QueueCache:
    """Aggregates as this process last committed them, by (meeting_id, session_id), with their versions.

    Loading a list of 10,000 entries from rows takes tens of milliseconds; checking its version takes one
    small SELECT. The cache hands out the very instance it holds and the service mutates it in place, so
    callers must serialise work on one session within a process (the command service holds a per-session
    asyncio.Lock). Other processes are caught by the version: theirs moves on, and the next get() reloads.
    One cache per Database, so a second Database on the same file behaves like a second process.
    """

    def __init__(self) -> None:
        self._queues: dict[Key, tuple[int, SpeakerQueue]] = {}

    def get(self, key: Key, version: int) -> SpeakerQueue | None:
        """The cached aggregate if it is the stored `version`, else None."""
        cached = self._queues.get(key)
        return cached[1] if cached is not None and cached[0] == version else None

    def keep(self, queue: SpeakerQueue) -> None:
        """Remember the aggregate as committed at its current version."""
        self._queues[(queue.meeting_id, queue.session_id)] = (queue.version, queue)

    def evict(self, key: Key) -> None:
        self._queues.pop(key, None)

    def __len__(self) -> int:
        return len(self._queues)


class Checkout:
    """The aggregates one unit of work handed out, and whether they still equal what is stored.

    An aggregate is clean when it has no unsaved events and the version it was read (or last saved) at.
    On commit the clean ones are what is now committed and stay cached; the others are evicted. On leaving
    without commit, aggregates saved since the last commit are evicted too, since their saves were rolled
    back. Untouched aggregates stay in either case, so read-only blocks (views, which never commit) keep
    the cache warm.
    """

    def __init__(self, cache: QueueCache) -> None:
        self._cache = cache
        self._queues: dict[Key, SpeakerQueue] = {}
        self._versions: dict[Key, int] = {}
        self._saved: set[Key] = set()

    def find(self, key: Key) -> SpeakerQueue | None:
        """The aggregate this block already holds: a second get() must see the first one's changes."""
        return self._queues.get(key)

    def took(self, queue: SpeakerQueue) -> None:
        key = (queue.meeting_id, queue.session_id)
        self._queues[key] = queue
        self._versions[key] = queue.version

    def saved(self, queue: SpeakerQueue) -> None:
        key = (queue.meeting_id, queue.session_id)
        # Also for an aggregate get() did not hand out: once saved, it is what this block stored.
        self._queues[key] = queue
        self._versions[key] = queue.version
        self._saved.add(key)

    def committed(self) -> None:
        for key, queue in self._queues.items():
            self._settle(key, queue, keep=self._clean(key, queue))
        self._saved.clear()

    def abandoned(self) -> None:
        """The block ended without commit (or its transaction was rolled back): drop what it changed."""
        for key, queue in self._queues.items():
            self._settle(key, queue, keep=self._clean(key, queue) and key not in self._saved)
        self._forget()

    def spoiled(self) -> None:
        """The transaction was rolled back mid-block: nothing handed out can be trusted any more."""
        for key in self._queues:
            self._cache.evict(key)
        self._forget()

    def _clean(self, key: Key, queue: SpeakerQueue) -> bool:
        return not queue.events and queue.version == self._versions[key]

    def _settle(self, key: Key, queue: SpeakerQueue, *, keep: bool) -> None:
        # A version-0 list has no row yet; get() never consults the cache for it.
        if keep and queue.version > 0:
            self._cache.keep(queue)
        else:
            self._cache.evict(key)

    def _forget(self) -> None:
        self._queues.clear()
        self._versions.clear()
        self._saved.clear()
