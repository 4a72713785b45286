"""Subscriptions to personal reminders in storage: the same behaviour on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from tests.integration.storage_support import GCM, RT1, MakeUow, gcm_review, harbour_forum, save_committed

HARBOUR = "harbour-forum-2027"


@pytest.fixture
async def uow(make_uow: MakeUow) -> MakeUow:
    """make_uow over a store holding the GCM review and the Harbour Forum."""
    await save_committed(make_uow(), gcm_review())
    await save_committed(make_uow(), harbour_forum())
    return make_uow


async def subscribe(make_uow: MakeUow, participant_id: str, session_id: str, meeting_id: str = GCM) -> bool:
    async with make_uow() as uow:
        added = await uow.subscriptions.subscribe(meeting_id, participant_id, session_id)
        await uow.commit()
    return added


async def test_subscribing_twice_adds_one_subscription(uow: MakeUow) -> None:
    assert await subscribe(uow, "U-am", RT1)
    assert not await subscribe(uow, "U-am", RT1)
    assert await subscribe(uow, "U-am", "*")
    assert await subscribe(uow, "U-am", "opening")

    async with uow() as unit:
        assert await unit.subscriptions.of_participant(GCM, "U-am") == ("*", "opening", RT1)
        assert await unit.subscriptions.of_participant(GCM, "U-ge") == ()
        assert await unit.subscriptions.of_participant(HARBOUR, "U-am") == ()


async def test_subscribers_of_a_session_include_those_of_every_session_once(uow: MakeUow) -> None:
    for participant_id, session_id in [("U-ge", RT1), ("U-am", RT1), ("U-am", "*"), ("U-tr", "*"), ("U-ro", "rt2")]:
        await subscribe(uow, participant_id, session_id)
    await subscribe(uow, "U-ru", "*", HARBOUR)

    async with uow() as unit:
        assert await unit.subscriptions.subscribers(GCM, RT1) == ("U-am", "U-ge", "U-tr")
        assert await unit.subscriptions.subscribers(GCM, "rt2") == ("U-am", "U-ro", "U-tr")
        assert await unit.subscriptions.subscribers(HARBOUR, RT1) == ("U-ru",)


async def test_unsubscribing_removes_every_subscription_of_the_participant(uow: MakeUow) -> None:
    for session_id in (RT1, "rt2", "*"):
        await subscribe(uow, "U-am", session_id)
    await subscribe(uow, "U-ge", RT1)
    await subscribe(uow, "U-am", RT1, HARBOUR)

    async with uow() as unit:
        assert await unit.subscriptions.unsubscribe_all(GCM, "U-am") == 3
        assert await unit.subscriptions.unsubscribe_all(GCM, "U-am") == 0
        await unit.commit()

    async with uow() as unit:
        assert await unit.subscriptions.of_participant(GCM, "U-am") == ()
        assert await unit.subscriptions.subscribers(GCM, RT1) == ("U-ge",)
        assert await unit.subscriptions.of_participant(HARBOUR, "U-am") == (RT1,)
    assert await subscribe(uow, "U-am", RT1)


async def test_a_subscription_not_committed_is_rolled_back(uow: MakeUow) -> None:
    async with uow() as unit:
        assert await unit.subscriptions.subscribe(GCM, "U-am", RT1)
        assert await unit.subscriptions.subscribers(GCM, RT1) == ("U-am",)

    async with uow() as unit:
        assert await unit.subscriptions.subscribers(GCM, RT1) == ()
