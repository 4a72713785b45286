"""The ports of delivery: what the outbox and the live lists need from one chat platform's messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.domain.language import Language
from bot.services.views import FileView, Post, QueueView


@dataclass(frozen=True, slots=True)
class Shown:
    """A view as one platform will show it: its own rendering, and a digest telling two renderings apart."""

    digest: str
    content: object  # only the platform that rendered it reads it


class Messages(Protocol):
    """Posts, direct messages and files on one platform."""

    @property
    def name(self) -> str:
        """The platform's name ("slack"), as stored with its displays and used by the router."""
        ...

    def channel_id(self, channel: str | None) -> str | None:
        """The platform's id of a schedule's channel; None when the platform does not serve it."""
        ...

    def reaches(self, recipient: str) -> bool:
        """Whether the person's id is one of this platform's user ids: a direct message goes only where it can."""
        ...

    async def post(self, post: Post) -> str | None:
        """Post a view to its channel or its person now; the message's id. Raises what the platform refuses."""
        ...

    async def upload(self, recipient: str, file: FileView, language: Language) -> None:
        """Send a file to one person, privately."""
        ...

    def lasting(self, error: BaseException) -> bool:
        """Whether waiting will not cure this failure (the channel is gone, a permission is missing)."""
        ...

    def reason(self, error: BaseException) -> str:
        """A failure in a few words for the log: the platform's error code, never the request's text."""
        ...


class Boards(Protocol):
    """A message kept up to date in place: the live list of speakers."""

    def board(self, view: QueueView) -> Shown:
        """The list as the platform shows it; rendering only, no call."""
        ...

    async def show(self, channel_id: str, shown: Shown) -> str:
        """Post it as a new message; its id."""
        ...

    async def edit(self, channel_id: str, message_id: str, shown: Shown) -> bool:
        """Make the message show this; False when the message is gone (someone deleted it)."""
        ...

    async def delete(self, channel_id: str, message_id: str) -> None: ...


class ChatPlatform(Messages, Boards, Protocol):
    """Everything delivery asks of a platform; an adapter implements it with the platform's API calls only."""
