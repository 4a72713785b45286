"""Group commit: calls that arrive while a batch is being written wait, and go together in the next one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class GroupCommit(Generic[T, R]):
    """Writes items in batches, one transaction each, and hands every caller its own outcome.

    One drain task writes everything queued so far, then what queued meanwhile, until nothing is left;
    callers only wait for their own outcome. Under load, fifty requests cost one commit instead of fifty;
    alone, a call is written at once. (Callers taking a lock in turn would wake one by one after every
    batch, each for nothing but to find its outcome ready: a loop turn per caller.) `write` returns one
    outcome per item, in order: a result, or the exception (a refusal) for that item alone. A caller that
    is cancelled stops waiting; its item, already queued, is still written with the others.
    """

    def __init__(self, write: Callable[[list[T]], Awaitable[list[R | Exception]]]) -> None:
        self._write = write
        self._queued: list[tuple[T, asyncio.Future[R]]] = []
        self._drain: asyncio.Task[None] | None = None

    async def __call__(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        mine: asyncio.Future[R] = loop.create_future()
        self._queued.append((item, mine))
        if self._drain is None:
            self._drain = loop.create_task(self._drained())
        return await mine

    async def _drained(self) -> None:
        try:
            while self._queued:
                batch, self._queued = self._queued, []
                await self._settle(batch)
        finally:
            self._drain = None

    async def _settle(self, batch: list[tuple[T, asyncio.Future[R]]]) -> None:
        try:
            outcomes: list[R | Exception] = await self._write([item for item, _ in batch])
        except asyncio.CancelledError:
            for _, future in batch:
                if not future.done():
                    future.set_exception(RuntimeError("the batch this call was in was cancelled"))
            raise
        except Exception as error:  # the batch failed as a whole: each caller gets the error
            outcomes = [error] * len(batch)
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():  # its caller was cancelled and stopped waiting
                continue
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
