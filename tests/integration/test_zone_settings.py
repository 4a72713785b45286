"""The zone_settings repository on SQLite and PostgreSQL: set, replace, read a batch's, clear."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.storage.database import Database
from tests.integration.storage_support import gcm_review, save_committed

MEETING = "unece-gcm-review-2020"
AT = datetime(2020, 11, 11, 9, 0, tzinfo=UTC)


async def test_a_zone_is_set_replaced_read_and_cleared(database: Database) -> None:
    await save_committed(database.uow(), gcm_review())
    async with database.uow() as uow:
        await uow.zones.set(MEETING, "ivan", "Europe/Moscow", AT)
        await uow.zones.set(MEETING, "ivan", "Asia/Vladivostok", AT)  # an upsert: the newer one wins
        await uow.zones.set(MEETING, "kim", "America/Anchorage", AT)
        await uow.commit()

    async with database.uow() as uow:
        assert await uow.zones.of(MEETING, ["ivan", "nobody"]) == {"ivan": "Asia/Vladivostok"}
        assert await uow.zones.all(MEETING) == {"ivan": "Asia/Vladivostok", "kim": "America/Anchorage"}
        assert await uow.zones.clear(MEETING, "ivan")
        assert not await uow.zones.clear(MEETING, "nobody")
        await uow.commit()

    async with database.uow() as uow:
        assert await uow.zones.all(MEETING) == {"kim": "America/Anchorage"}
