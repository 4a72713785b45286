"""The live page's keys: HMAC-SHA256 with PODIUM_WEB_SECRET, so a link cannot be guessed or altered."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

KEY_CHARS = 32  # 128 bits of the MAC, in hex: unguessable, and short enough to read out over the phone


@dataclass(frozen=True, slots=True)
class ModeratorPass:
    """A moderator's link as presented: who, for which session, until when, and its signature."""

    session_id: str
    moderator: str
    until: int  # seconds since the epoch
    signature: str


@dataclass(frozen=True, slots=True)
class Keys:
    """Read-only keys per session (and one for the agenda), and moderators' signed, expiring passes."""

    secret: bytes = field(repr=False)

    def session_key(self, session_id: str) -> str:
        return self._mac("session", session_id)

    def agenda_key(self, meeting_id: str) -> str:
        return self._mac("agenda", meeting_id)

    def opens_session(self, session_id: str, key: str) -> bool:
        return _same(self.session_key(session_id), key)

    def opens_agenda(self, meeting_id: str, key: str) -> bool:
        return _same(self.agenda_key(meeting_id), key)

    def moderator_pass(self, session_id: str, moderator: str, until: datetime) -> ModeratorPass:
        seconds = int(until.timestamp())
        signature = self._mac("moderator", session_id, moderator, str(seconds))
        return ModeratorPass(session_id, moderator, seconds, signature)

    def genuine(self, given: ModeratorPass) -> bool:
        """Signed with our secret, for these very fields (compared in constant time)."""
        return _same(self._mac("moderator", given.session_id, given.moderator, str(given.until)), given.signature)

    def admits(self, given: ModeratorPass, now: datetime) -> bool:
        """A genuine pass that has not expired by `now`, the meeting's clock (a rehearsal's, too)."""
        return self.genuine(given) and now.astimezone(UTC).timestamp() < given.until

    def _mac(self, purpose: str, *parts: str) -> str:
        # The purpose and a separator that cannot occur in the parts keep one key from opening another kind of door.
        message = "\x1f".join((purpose, *parts)).encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()[:KEY_CHARS]


def _same(genuine: str, given: str) -> bool:
    """Constant-time, on bytes: compare_digest refuses str that is not ASCII, and a URL may carry anything."""
    return hmac.compare_digest(genuine.encode(), given.encode("utf-8", "surrogatepass"))


def session_path(keys: Keys, session_id: str) -> str:
    return f"/s/{session_id}?" + urlencode({"key": keys.session_key(session_id)})


def agenda_path(keys: Keys, meeting_id: str) -> str:
    return "/agenda?" + urlencode({"key": keys.agenda_key(meeting_id)})


def moderator_path(given: ModeratorPass) -> str:
    query = {"as": given.moderator, "until": str(given.until), "sig": given.signature}
    return f"/m/{given.session_id}?" + urlencode(query)
