"""Service-test fixtures: an in-memory store holding the 2020 meeting."""

from __future__ import annotations

import pytest

from bot.domain.meeting import Meeting
from bot.storage.memory import InMemoryStore
from tests.fakes import FakeClock


@pytest.fixture
async def store(gcm: Meeting, clock: FakeClock) -> InMemoryStore:
    store = InMemoryStore()
    async with store.uow() as uow:
        await uow.meetings.save(gcm, loaded_at=clock.now())
        await uow.commit()
    return store
