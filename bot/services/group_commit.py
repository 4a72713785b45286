"""Group commit: calls that arrive while a batch is being written wait, and go together in the next one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class GroupCommit(Generic[T, R]):
    """Writes items in batches, one transaction each, and hands every caller its own outcome.

    The first caller to find no batch in flight writes everything queued so far (its own item included);
    callers arriving meanwhile queue up for the next batch. Under load, fifty requests cost one commit
    instead of fifty; alone, a call is written at once, as before. `write` returns one outcome per item, in
    order: a result, or the exception (a refusal) for that item alone.
    """

    def __init__(self, write: Callable[[list[T]], Awaitable[list[R | Exception]]]) -> None:
        self._write = write
        self._queued: list[tuple[T, asyncio.Future[R]]] = []
        self._writing = asyncio.Lock()

    async def __call__(self, item: T) -> R:
        mine: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._queued.append((item, mine))
        async with self._writing:
            if not mine.done():  # nobody wrote it while we waited: write every item queued so far
                batch, self._queued = self._queued, []
                await self._settle(batch)
        return mine.result()

    async def _settle(self, batch: list[tuple[T, asyncio.Future[R]]]) -> None:
        try:
            outcomes = await self._write([item for item, _ in batch])
        except asyncio.CancelledError:
            for _, future in batch:
                if not future.done():
                    future.set_exception(RuntimeError("the batch this call was in was cancelled"))
            raise
        except Exception as error:  # the batch failed as a whole: each caller gets the error
            outcomes = [error] * len(batch)
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
