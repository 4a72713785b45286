"""What a command handler receives, what it returns, and who may run what."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.domain.language import Language
from bot.domain.meeting import Session
from bot.domain.participants import Participant
from bot.services.registry import Audience
from bot.services.transaction import Transaction
from bot.services.views import Post, View, Visibility


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a command (a Slack or Discord attachment, a path in the console): its name and bytes."""

    name: str
    data: bytes
    # The size the platform declared, when it is too large to be fetched at all (then `data` is empty).
    declared_size: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """One command being run: who, where, when, its arguments as read by the registry, and its transaction.

    Handlers read and write through `tx`: what they change commits with the command's log entry, or not at all.
    """

    who: Participant
    channel: str | None
    now: datetime
    args: dict[str, str]
    tx: Transaction
    attachments: tuple[Attachment, ...] = ()
    # The actor's language: the one they chose (/language), else their platform's, the roster's, the meeting's.
    language: Language = Language.EN

    def reply(self, view: View) -> Post:
        return Post(view, Visibility.PRIVATE, self.channel, self.who.id, language=self.language)


Handler = Callable[[Context], Awaitable[list[Post]]]


def may(who: Participant, audience: Audience, session: Session | None) -> bool:
    """Permissions, checked in the core: staff may do everything; moderators and rapporteurs their session."""
    if audience is Audience.EVERYONE or who.has_role("staff"):
        return True
    if audience is Audience.STAFF or session is None:
        return False
    moderates = who.has_role("moderator", session.id) or who.id in session.moderators
    if audience is Audience.MODERATOR:
        return moderates
    return moderates or who.has_role("rapporteur", session.id)
