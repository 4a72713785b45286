"""What happened to a list of speakers, written as row changes: one Core statement per event, mostly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, assert_never

from sqlalchemy import bindparam, insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.queue import events as ev
from bot.domain.queue.entries import Delivery, Intervention, QueueEntry
from bot.storage.queues.mapping import entry_values, intervention_values, seconds
from bot.storage.queues.tables import ENTRIES, INTERVENTIONS, NOTES, EntryStatus, key_params, session_key

# Built once and executed with parameters: putting values into a fresh statement on every save (coercing
# each one, then computing the cache key) cost more than the database round trip. Parameters named like
# columns form the UPDATEs' SET clauses.
INSERT_ENTRY = insert(ENTRIES)
INSERT_INTERVENTION = insert(INTERVENTIONS)
INSERT_NOTE = insert(NOTES)
UPDATE_ENTRY = update(ENTRIES).where(*session_key(ENTRIES), ENTRIES.c.id == bindparam("k_id"))
UPDATE_INTERVENTION = update(INTERVENTIONS).where(
    *session_key(INTERVENTIONS), INTERVENTIONS.c.entry_id == bindparam("k_id")
)
UPDATE_BY_STATUS = update(ENTRIES).where(*session_key(ENTRIES), ENTRIES.c.status == bindparam("k_status"))


class EventWriter:
    """Applies one session's events in the order they happened, through Core (no ORM flush of many objects).

    List-wide changes (closed, replies called, limits) live in queue_states, which the repository writes
    from the aggregate itself; here they need nothing more.
    """

    def __init__(self, connection: AsyncConnection, meeting_id: str, session_id: str) -> None:
        self._connection = connection
        self._columns = {"meeting_id": meeting_id, "session_id": session_id}
        self._where = key_params(meeting_id, session_id)

    async def write(self, events: Sequence[ev.QueueEvent]) -> None:
        hands: list[QueueEntry] = []
        for event in events:
            # Hands raised one after another go in one executemany: a burst costs one round trip, not many.
            if isinstance(event, ev.HandRaised):
                hands.append(event.entry)
                continue
            await self._insert_entries(hands)
            hands = []
            await self._write(event)
        await self._insert_entries(hands)

    async def _write(self, event: ev.QueueEvent) -> None:  # noqa: PLR0912 (one case per event type)
        # Every event has its own case, and assert_never makes mypy fail on one added to the union and not
        # handled here: an event this writer does not know would otherwise be lost without a word.
        match event:
            case ev.HandRaised():  # write() gathers consecutive hands into one statement; alone, this one
                await self._insert_entries([event.entry])
            case ev.HandsLowered():
                status = EntryStatus.REMOVED if event.by_moderator else EntryStatus.LOWERED
                await self._set_status(event.entries, status)
            case ev.EntriesMoved():
                rows = [{"k_id": e.id, "order_value": e.order, "last_word": e.last_word} for e in event.entries]
                await self._update(UPDATE_ENTRY, rows)
            case ev.FloorGiven():
                await self._give(event.intervention)
            case ev.InterventionEnded() | ev.TimeWarning() | ev.TimeUp():
                await self._update_intervention(event.intervention)
            case ev.FloorInterrupted():  # the speaker's clock stops (suspended_at), the point of order is heard
                await self._update_intervention(event.suspended)
                await self._give(event.order)
            case ev.RulingGiven():  # the point of order ends with its ruling; the speaker's pause is added up
                await self._update_intervention(event.order)
                if event.resumed is not None:
                    await self._update_intervention(event.resumed)
            case ev.SpeakerResumed():
                await self._update_intervention(event.order)
                await self._update_intervention(event.resumed)
            case ev.LimitChanged():
                # The speaker's own limit changed (and a suspended one's); the list's is in queue_states.
                for floor in (event.current, event.interrupted):
                    if floor is not None:
                        await self._update_intervention(floor)
            case ev.StatementAttached():
                await self._attach(event)
            case ev.NoteAdded():
                note = event.note
                values = {"intervention_id": note.intervention, "author": note.author, "text": note.text}
                await self._connection.execute(INSERT_NOTE, {**self._columns, **values, "at": note.at})
            case ev.SessionFinished():
                await self._finish(event)
            case ev.ListClosed():
                pass  # queue_states.list_open, written from the aggregate
            case ev.ListOpened():
                pass  # queue_states.list_open, written from the aggregate
            case ev.RepliesCalled():
                pass  # queue_states.replies_called, written from the aggregate
            case _:
                assert_never(event)

    async def _insert_entries(self, entries: Sequence[QueueEntry], status: str = EntryStatus.WAITING) -> None:
        if entries:
            rows = [{**self._columns, **entry_values(entry, status)} for entry in entries]
            await self._connection.execute(INSERT_ENTRY, rows)

    async def _set_status(self, entries: Sequence[QueueEntry | Intervention], status: str) -> None:
        await self._update(UPDATE_ENTRY, [{"k_id": e.id, "status": status} for e in entries])

    async def _give(self, floor: Intervention) -> None:
        entry = floor.entry
        heard = {**self._where, "k_id": entry.id, "status": EntryStatus.HEARD.value}
        result = await self._connection.execute(UPDATE_ENTRY, heard)
        if result.rowcount == 0:
            # give() and last_word() can hand the floor to someone who never raised a hand: no row yet.
            await self._insert_entries([entry], EntryStatus.HEARD)
        started = {"entry_id": floor.id, "started_at": floor.started_at, "delivery": floor.delivery.value}
        await self._connection.execute(INSERT_INTERVENTION, {**self._columns, **started, **intervention_values(floor)})

    async def _update_intervention(self, floor: Intervention) -> None:
        # Events carry the whole intervention as it now is, so every changing column is written from it.
        await self._update(UPDATE_INTERVENTION, [{"k_id": floor.id, **intervention_values(floor)}])

    async def _attach(self, event: ev.StatementAttached) -> None:
        if event.intervention is not None:  # heard, or under way: the intervention keeps the text
            await self._update_intervention(event.intervention)
        elif event.entry is not None:  # still waiting: the entry keeps it until it is heard
            await self._update(UPDATE_ENTRY, [{"k_id": event.entry.id, "statement": event.text}])
        else:
            raise ValueError("a statement attached to neither an entry nor an intervention")

    async def _finish(self, event: ev.SessionFinished) -> None:
        if event.written:
            await self._set_status(event.written, EntryStatus.WRITTEN)
            await self._connection.execute(INSERT_INTERVENTION, [self._written(w) for w in event.written])
        # What is still waiting now is what SessionFinished lists as unheard: one statement, however many.
        unheard = {**self._where, "k_status": EntryStatus.WAITING.value, "status": EntryStatus.UNHEARD.value}
        await self._connection.execute(UPDATE_BY_STATUS, unheard)

    async def _update(self, statement: Any, rows: list[dict[str, Any]]) -> None:
        """One UPDATE per row, sent as one executemany: a renumbering touches every waiting entry at once."""
        await self._connection.execute(statement, [{**self._where, **row} for row in rows])

    def _written(self, statement: Intervention) -> dict[str, Any]:
        return {
            **self._columns,
            "entry_id": statement.id,
            "started_at": statement.started_at,
            "ended_at": statement.ended_at,
            "limit_seconds": seconds(statement.limit),
            "delivery": Delivery.WRITTEN.value,
            "statement": statement.statement,
            "warned": False,
            "expired": False,
        }
