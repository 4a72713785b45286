"""A speaker's answer on publishing a statement that was only submitted in writing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Consent:
    """Whether the participant agreed that their undelivered statement in the session be published."""

    session_id: str
    participant_id: str
    agreed: bool
    at: datetime


def agreed_in(consents: Iterable[Consent], session_id: str) -> frozenset[str]:
    """The participants who agreed for this session, by their latest answer."""
    latest: dict[str, Consent] = {}
    for consent in consents:
        if consent.session_id == session_id:
            kept = latest.get(consent.participant_id)
            if kept is None or consent.at >= kept.at:
                latest[consent.participant_id] = consent
    return frozenset(pid for pid, consent in latest.items() if consent.agreed)
