"""Lists of speakers under concurrency: two processes on one database, and the optimistic version check."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.errors import Refused
from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category
from bot.services.ports import ConcurrentChange
from bot.storage.database import Database
from bot.storage.queues.tables import ENTRIES, INTERVENTIONS, STATES
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
Processes = tuple[Database, Database]


@pytest.fixture
async def two_processes(database_url: str) -> AsyncIterator[Processes]:
    """Two Databases on one store: each has its own cache and connections, as two bot processes would."""
    async with await Database.open(database_url) as first, await Database.open(database_url) as second:
        await save_committed(first.uow(), gcm_review())
        await change_committed(first.uow(), hand(ARMENIA), T0)
        await change_committed(first.uow(), hand(GEORGIA), T0)
        yield first, second


async def count_rows(database: Database, table: Any, *where: Any) -> int:
    async with AsyncSession(database.engine) as session:
        return await session.scalar(select(func.count()).select_from(table).where(*where)) or 0


async def test_of_two_processes_pressing_next_one_wins(two_processes: Processes) -> None:
    first, second = two_processes
    async with first.uow() as a, second.uow() as b:
        mine, theirs = await a.queues.get(GCM, RT1, SPEAKING), await b.queues.get(GCM, RT1, SPEAKING)
        assert mine.version == theirs.version == 2
        mine.next(LATER)
        theirs.next(LATER)
        await a.queues.save(mine)
        await a.commit()
        with pytest.raises(ConcurrentChange):
            await b.queues.save(theirs)

    assert await count_rows(first, INTERVENTIONS) == 1
    assert await count_rows(first, STATES, STATES.c.version == 3) == 1
    # The loser's cache was evicted: its next read sees the winner's floor.
    after = await read_queue(second.uow())
    assert after.current is not None
    assert after.current.entry.speaker == ARMENIA


async def test_two_processes_raising_the_same_hand_store_one_entry(two_processes: Processes) -> None:
    first, second = two_processes
    turkiye = Speaker("U-tr", "Türkiye", "TUR", Category.MEMBER_STATE, Level.MINISTER)
    async with first.uow() as a, second.uow() as b:
        mine, theirs = await a.queues.get(GCM, RT1, SPEAKING), await b.queues.get(GCM, RT1, SPEAKING)
        hand(turkiye)(mine, LATER)
        hand(turkiye)(theirs, LATER)
        await a.queues.save(mine)
        await a.commit()
        with pytest.raises(ConcurrentChange):
            await b.queues.save(theirs)

    assert await count_rows(first, ENTRIES, ENTRIES.c.participant_id == "U-tr") == 1


async def raise_and_commit(database: Database, speaker: Speaker) -> str:
    """A whole command as the service runs it; what came of it."""
    try:
        async with database.uow() as uow:
            queue = await uow.queues.get(GCM, RT1, SPEAKING)
            hand(speaker)(queue, LATER)
            await uow.queues.save(queue)
            await uow.commit()
    except ConcurrentChange:
        return "conflict"
    except Refused as refusal:  # it read the list after the other had committed
        return refusal.code
    return "saved"


async def test_concurrent_commands_on_two_processes_store_one_hand(two_processes: Processes) -> None:
    russia = Speaker("U-ru", "Российская Федерация", "RUS", Category.MEMBER_STATE, Level.OTHER)

    outcomes = await asyncio.gather(*(raise_and_commit(db, russia) for db in two_processes))

    assert sorted(outcomes) in (["conflict", "saved"], ["duplicate_hand", "saved"])
    assert await count_rows(two_processes[0], ENTRIES, ENTRIES.c.participant_id == "U-ru") == 1
    assert await count_rows(two_processes[0], STATES, STATES.c.version == 3) == 1


async def test_two_processes_starting_a_list_at_once_make_one(database_url: str) -> None:
    async with await Database.open(database_url) as first, await Database.open(database_url) as second:
        await save_committed(first.uow(), gcm_review())
        async with first.uow() as a, second.uow() as b:
            mine, theirs = await a.queues.get(GCM, RT1, SPEAKING), await b.queues.get(GCM, RT1, SPEAKING)
            hand(ARMENIA)(mine, T0)
            hand(GEORGIA)(theirs, T0)
            await a.queues.save(mine)
            await a.commit()
            with pytest.raises(ConcurrentChange):
                await b.queues.save(theirs)

        assert [e.speaker for e in (await read_queue(second.uow())).ordered()] == [ARMENIA]


async def test_a_duplicate_row_is_a_concurrent_change_and_saves_nothing(two_processes: Processes) -> None:
    first, _ = two_processes
    async with first.uow() as uow:
        queue = await uow.queues.get(GCM, RT1, SPEAKING)
        # An aggregate that disagrees with the rows at the right version: only the unique index can tell.
        queue.lower("U-am")
        queue.events.clear()
        hand(ARMENIA)(queue, LATER)
        with pytest.raises(ConcurrentChange):
            await uow.queues.save(queue)
        # The transaction was rolled back, so the block can go on and even commit: nothing of the save lands.
        assert await uow.meetings.get(GCM) == gcm_review()
        await uow.commit()

    assert await count_rows(first, STATES, STATES.c.version == 2) == 1
    assert await count_rows(first, ENTRIES) == 2
    assert [e.speaker for e in (await read_queue(first.uow())).ordered()] == [ARMENIA, GEORGIA]
