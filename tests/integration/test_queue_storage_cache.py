"""The per-process cache of lists of speakers: one SELECT when warm, and nothing stale after a rollback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.storage.database import Database
from tests.integration.storage_support import (
    ARMENIA,
    GCM,
    GEORGIA,
    RT1,
    SPEAKING,
    T0,
    change_committed,
    gcm_review,
    hand,
    read_queue,
    save_committed,
)

LATER = T0 + timedelta(minutes=1)


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL the engine sends while the block runs."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_a_cached_list_costs_one_select(database_url: str) -> None:
    async with await Database.open(database_url) as database, await Database.open(database_url) as cold:
        await save_committed(database.uow(), gcm_review())
        async with database.uow() as uow:
            queue = await uow.queues.get(GCM, RT1, SPEAKING)
            for number in range(1000):
                speaker = Speaker(f"U-{number}", f"Делегат {number}", f"D{number}", Category.IGO, Level.OTHER)
                hand(speaker)(queue, T0)
            await uow.queues.save(queue)
            await uow.commit()

        with statements(database.engine) as warm_sent:
            warm = await read_queue(database.uow())
        with statements(cold.engine) as cold_sent:
            loaded = await read_queue(cold.uow())

    assert warm is queue
    assert [s.split()[0] for s in warm_sent] == ["SELECT"]
    assert len(cold_sent) == 3  # the state row, then the entries and the interventions
    assert loaded.ordered() == queue.ordered()


async def test_a_block_left_without_commit_evicts_what_it_changed(database: Database) -> None:
    await save_committed(database.uow(), gcm_review())
    committed = await change_committed(database.uow(), hand(ARMENIA), T0)

    async with database.uow() as uow:
        saved_only = await uow.queues.get(GCM, RT1, SPEAKING)
        hand(GEORGIA)(saved_only, T0)
        await uow.queues.save(saved_only)
    async with database.uow() as uow:
        changed_only = await uow.queues.get(GCM, RT1, SPEAKING)
        changed_only.next(LATER)
    again = await read_queue(database.uow())

    # Each block got what the cache held, and left it evicted: the next block loaded the rows again.
    assert saved_only is committed
    assert changed_only is not saved_only
    assert again is not changed_only
    assert (again.version, [e.speaker for e in again.ordered()], again.current) == (1, [ARMENIA], None)


async def test_a_read_only_block_keeps_the_cache(database: Database) -> None:
    await save_committed(database.uow(), gcm_review())
    committed = await change_committed(database.uow(), hand(ARMENIA), T0)

    async with database.uow() as uow:  # a view: no commit
        assert await uow.queues.get(GCM, RT1, SPEAKING) is committed

    assert await read_queue(database.uow()) is committed


async def test_another_process_commit_makes_the_cache_reload(database_url: str) -> None:
    async with await Database.open(database_url) as first, await Database.open(database_url) as second:
        await save_committed(first.uow(), gcm_review())
        cached = await change_committed(first.uow(), hand(ARMENIA), T0)

        await change_committed(second.uow(), lambda q, now: q.next(now), LATER)
        fresh = await read_queue(first.uow())

    assert fresh is not cached
    assert fresh.version == 2
    assert fresh.current is not None
    assert fresh.current.entry.speaker == ARMENIA
