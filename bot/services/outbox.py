"""One platform's outbox: posts sent in order by one worker, retried until they land, lasting refusals set aside."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.domain.language import Language
from bot.services.delivery_ports import Messages
from bot.services.views import FileView, Post, Visibility

log = logging.getLogger(__name__)
Wait = Callable[[float], Awaitable[None]]
Record = Callable[[Post], Awaitable[None]]
FIRST_WAIT, LONGEST_WAIT = 1.0, 300.0


class Outbox:
    """Posts wait here for one worker, so each channel sees them in order and no request waits on the platform.

    A post that fails (after the platform client's own retries) is tried again in place, with a growing wait,
    so the posts behind it keep their order; it is never dropped. A post the platform refuses for a lasting
    reason (the channel is gone, a permission is missing) is set aside: logged once, not retried, so it
    neither holds up the posts behind it nor costs a call every few minutes for the rest of the meeting.
    `settled()` waits until every queued post has landed or been set aside.
    """

    def __init__(
        self,
        platform: Messages,
        *,
        record: Record | None = None,
        wait: Wait = asyncio.sleep,
        first_wait: float = FIRST_WAIT,
    ) -> None:
        self.platform = platform
        self.record = record  # keeps a channel post in the transcript once it landed
        self.wait = wait
        self.first_wait = first_wait  # seconds before a failed post's first retry; doubled each time after
        self._queue: asyncio.Queue[Post] = asyncio.Queue()

    def put(self, post: Post) -> None:
        self._queue.put_nowait(post)

    async def settled(self) -> None:
        await self._queue.join()

    async def run(self) -> None:
        while True:
            post = await self._queue.get()
            try:
                await self._deliver(post)
            finally:
                self._queue.task_done()

    async def send(self, post: Post) -> None:
        """Deliver one post now; raises whatever the platform still refuses, lasting or not."""
        if isinstance(post.view, FileView):
            if post.recipient:
                await self.platform.upload(post.recipient, post.view, post.language or Language.EN)
            return
        if post.visibility is Visibility.PRIVATE and not post.recipient:
            return
        await self.platform.post(post)
        if post.visibility is Visibility.CHANNEL and self.record:
            await self.record(post)

    async def send_now(self, post: Post) -> None:
        """Send one post at once; a lasting refusal is set aside (logged, not raised), anything else raises."""
        try:
            await self.send(post)
        except Exception as error:
            if not self.platform.lasting(error):
                raise
            log.warning(
                "post to %s set aside, not sent: %s refuses it (%s)",
                where(post),
                self.platform.name,
                self.platform.reason(error),
            )

    async def _deliver(self, post: Post) -> None:
        wait = self.first_wait
        while True:
            try:
                await self.send_now(post)
                return
            except Exception as error:
                log.warning(
                    "post to %s failed (%s); trying again in %.0f s", where(post), self.platform.reason(error), wait
                )
            await self.wait(wait)
            wait = min(wait * 2, LONGEST_WAIT)


def where(post: Post) -> str:
    return f"#{post.channel}" if post.visibility is Visibility.CHANNEL else "a direct message"
