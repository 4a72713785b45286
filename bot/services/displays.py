"""Live displays: the message a platform keeps up to date for each session, shared by every replica."""

from __future__ import annotations

from collections.abc import Callable

from bot.services.ports import Display, UnitOfWork
from bot.services.timetable import Timetable


class Displays:
    """Where a session's live message is; the first replica to post one claims it, the others edit it."""

    def __init__(self, timetable: Timetable, uow: Callable[[], UnitOfWork]) -> None:
        self.timetable = timetable
        self.uow = uow

    async def find(self, session_id: str, platform: str) -> Display | None:
        async with self.uow() as uow:
            return await uow.displays.find(self.timetable.meeting.id, session_id, platform)

    async def claim(self, display: Display) -> Display:
        """Keep this message as the session's, unless another replica's is kept already: the one kept."""
        async with self.uow() as uow:
            kept = await uow.displays.claim(display)
            await uow.commit()
        return kept

    async def replace(self, display: Display) -> None:
        """The session's message is this one, showing this, now."""
        async with self.uow() as uow:
            await uow.displays.replace(display)
            await uow.commit()

    def of(self, session_id: str, platform: str, channel: str, message_id: str, shown: str) -> Display:
        return Display(self.timetable.meeting.id, session_id, platform, channel, message_id, shown)
