"""Service-test fixtures: a real SQLite file holding the 2020 meeting, copied from one migrated per session."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.formats.schedule_toml import load_schedule_toml
from bot.storage.database import Database
from tests.conftest import GCM_2020

LOADED_AT = datetime(2020, 11, 12, 8, 40, tzinfo=UTC)  # as the clock fixture starts


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once per test session, with the meeting saved: each test starts from a copy of this file."""
    path = tmp_path_factory.mktemp("template") / "podium.db"
    asyncio.run(_fill(path))
    # Closing the last connection checkpoints the write-ahead log into the file: the one file is all there is.
    assert not path.with_name("podium.db-wal").exists()
    return path


async def _fill(path: Path) -> None:
    async with await Database.open(f"sqlite:///{path}") as database, database.uow() as uow:
        await uow.meetings.save(load_schedule_toml(GCM_2020), loaded_at=LOADED_AT)
        await uow.commit()


@pytest.fixture
async def database(template_database: Path, tmp_path: Path) -> AsyncIterator[Database]:
    path = tmp_path / "podium.db"
    shutil.copy(template_database, path)
    async with await Database.open(f"sqlite:///{path}") as database:
        yield database
