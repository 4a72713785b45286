"""The reader_settings repository on SQLite and PostgreSQL: a zone and a language set, replaced, read, cleared."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.choices import ReaderChoices
from bot.domain.language import Language
from bot.storage.database import Database
from tests.integration.storage_support import gcm_review, save_committed

MEETING = "unece-gcm-review-2020"
AT = datetime(2020, 11, 11, 9, 0, tzinfo=UTC)


async def test_choices_are_set_replaced_read_and_cleared(database: Database) -> None:
    await save_committed(database.uow(), gcm_review())
    async with database.uow() as uow:
        await uow.choices.save(MEETING, "ivan", ReaderChoices("Europe/Moscow"), AT)
        moved = ReaderChoices("Asia/Vladivostok", Language.RU)
        await uow.choices.save(MEETING, "ivan", moved, AT)  # an upsert: the newer one wins
        await uow.choices.save(MEETING, "kim", ReaderChoices("America/Anchorage"), AT)
        await uow.choices.save(MEETING, "odile", ReaderChoices(language=Language.FR), AT)
        await uow.commit()

    async with database.uow() as uow:
        assert await uow.choices.of(MEETING, ["ivan", "nobody"]) == {"ivan": moved}
        assert await uow.choices.all(MEETING) == {
            "ivan": moved,
            "kim": ReaderChoices("America/Anchorage"),
            "odile": ReaderChoices(None, Language.FR),
        }
        await uow.choices.save(MEETING, "ivan", ReaderChoices(), AT)  # nothing chosen any more: the row goes
        await uow.choices.save(MEETING, "nobody", ReaderChoices(), AT)
        await uow.commit()

    async with database.uow() as uow:
        assert set(await uow.choices.all(MEETING)) == {"kim", "odile"}
