"""A chat platform that keeps its messages in memory and fails when told: the delivery ports' fake."""

from __future__ import annotations

import asyncio

from bot.domain.language import Language
from bot.services.delivery_ports import Shown
from bot.services.views import FileView, Post, QueueView


class Refused(Exception):
    """What the fake platform answers when told to fail; `lasting` when waiting would not cure it."""

    def __init__(self, code: str, *, lasting: bool = False) -> None:
        super().__init__(code)
        self.lasting = lasting


class FakePlatform:
    """Implements `ChatPlatform`: every call is recorded as (method, where, what); messages live in a dict."""

    def __init__(
        self,
        name: str = "fake",
        channels: tuple[str, ...] = ("gcm-rt1", "gcm-review"),
        people: frozenset[str] | None = None,
    ) -> None:
        self.name = name
        self.people = people  # the user ids it can reach; None: everyone
        self.channels = channels
        self.calls: list[tuple[str, str, str]] = []
        self.messages: dict[str, str] = {}  # message id -> what it shows
        self.failures: list[Refused] = []  # raised by the next calls, one each
        self._ids = 0

    def fail_next(self, *failures: Refused) -> None:
        self.failures += failures

    def channel_id(self, channel: str | None) -> str | None:
        return f"C-{channel}" if channel in self.channels else None

    async def post(self, post: Post) -> str | None:
        where = self.channel_id(post.channel) or post.recipient or ""
        return self._new("post", where, getattr(post.view, "code", type(post.view).__name__))

    async def upload(self, recipient: str, file: FileView, language: Language = Language.EN) -> None:
        self._call("upload", recipient, file.name)

    def reaches(self, recipient: str) -> bool:
        return self.people is None or recipient in self.people

    def lasting(self, error: BaseException) -> bool:
        return isinstance(error, Refused) and error.lasting

    def reason(self, error: BaseException) -> str:
        return str(error)

    def board(self, view: QueueView) -> Shown:
        text = f"{view.total} waiting"
        return Shown(text, text)

    async def show(self, channel_id: str, shown: Shown) -> str:
        return self._new("show", channel_id, str(shown.content))

    async def edit(self, channel_id: str, message_id: str, shown: Shown) -> bool:
        self._call("edit", message_id, str(shown.content))
        if message_id not in self.messages:
            return False
        self.messages[message_id] = str(shown.content)
        return True

    async def delete(self, channel_id: str, message_id: str) -> None:
        self._call("delete", message_id, "")
        self.messages.pop(message_id, None)

    def _new(self, method: str, where: str, what: str) -> str:
        self._call(method, where, what)
        self._ids += 1
        message_id = f"{self.name}-{self._ids}"
        self.messages[message_id] = what
        return message_id

    def _call(self, method: str, where: str, what: str) -> None:
        self.calls.append((method, where, what))
        if self.failures:
            raise self.failures.pop(0)


class Waits:
    """The injected wait: records each wait and returns at once, or when the gate opens if one is closed."""

    def __init__(self) -> None:
        self.waited: list[float] = []
        self.gate = asyncio.Event()
        self.gate.set()

    async def __call__(self, seconds: float) -> None:
        self.waited.append(seconds)
        await self.gate.wait()
