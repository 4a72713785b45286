"""The SQLAlchemy consent repository: answers appended, read back in the order given."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.consents import Consent
from bot.storage.consents.tables import CONSENTS


class SqlAlchemyConsentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, meeting_id: str, consent: Consent) -> None:
        values = {
            "meeting_id": meeting_id,
            "session_id": consent.session_id,
            "participant_id": consent.participant_id,
            "agreed": consent.agreed,
            "at": consent.at,
        }
        await self._session.execute(insert(CONSENTS).values(**values))

    async def all(self, meeting_id: str) -> Sequence[Consent]:
        query = select(CONSENTS).where(CONSENTS.c.meeting_id == meeting_id).order_by(CONSENTS.c.id)
        rows = (await self._session.execute(query)).mappings()
        return tuple(Consent(r["session_id"], r["participant_id"], r["agreed"], r["at"]) for r in rows)
