"""Where each session's live list message is, per platform: shared by every replica through the database."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import ForeignKey, Text, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.services.ports import Display
from bot.storage.dialects import insert_on_conflict
from bot.storage.tables import Base, core

KEY = ("meeting_id", "session_id", "platform")


class DisplayRow(Base):
    """One live message: the platform's channel id and message id (Slack's ts) for a session's list."""

    __tablename__ = "displays"

    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    platform: Mapped[str] = mapped_column(Text, primary_key=True)
    channel: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(Text)
    shown: Mapped[str] = mapped_column(Text)


DISPLAYS = core(DisplayRow)


class SqlAlchemyDisplayRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find(self, meeting_id: str, session_id: str, platform: str) -> Display | None:
        query = select(DISPLAYS).where(
            DISPLAYS.c.meeting_id == meeting_id, DISPLAYS.c.session_id == session_id, DISPLAYS.c.platform == platform
        )
        row = (await self._session.execute(query)).mappings().one_or_none()
        return _display(row) if row is not None else None

    async def claim(self, display: Display) -> Display:
        """Store it unless another replica stored one first; the display that is stored either way."""
        connection = await self._session.connection()
        insert = insert_on_conflict(connection.dialect, DISPLAYS).values(**_values(display))
        await connection.execute(insert.on_conflict_do_nothing(index_elements=list(KEY)))
        found = await self.find(display.meeting_id, display.session_id, display.platform)
        assert found is not None  # it was there, or it is now
        return found

    async def replace(self, display: Display) -> None:
        connection = await self._session.connection()
        values = _values(display)
        insert = insert_on_conflict(connection.dialect, DISPLAYS).values(**values)
        now = {key: values[key] for key in ("channel", "message_id", "shown")}
        await connection.execute(insert.on_conflict_do_update(index_elements=list(KEY), set_=now))


class InMemoryDisplayRepository:
    """Pending until the unit of work commits."""

    def __init__(self, shared: dict[tuple[str, str, str], Display]) -> None:
        self._shared = shared
        self._pending: dict[tuple[str, str, str], Display] = {}

    async def find(self, meeting_id: str, session_id: str, platform: str) -> Display | None:
        key = (meeting_id, session_id, platform)
        return self._pending.get(key) or self._shared.get(key)

    async def claim(self, display: Display) -> Display:
        found = await self.find(display.meeting_id, display.session_id, display.platform)
        if found is None:
            self._pending[_key(display)] = found = replace(display)
        return found

    async def replace(self, display: Display) -> None:
        self._pending[_key(display)] = display

    def publish(self) -> None:
        self._shared.update(self._pending)
        self._pending.clear()


def _key(display: Display) -> tuple[str, str, str]:
    return (display.meeting_id, display.session_id, display.platform)


def _values(display: Display) -> dict[str, str]:
    return {
        "meeting_id": display.meeting_id,
        "session_id": display.session_id,
        "platform": display.platform,
        "channel": display.channel,
        "message_id": display.message_id,
        "shown": display.shown,
    }


def _display(row: object) -> Display:
    values = dict(row)  # type: ignore[call-overload]
    return Display(**{k: values[k] for k in ("meeting_id", "session_id", "platform", "channel", "message_id", "shown")})
