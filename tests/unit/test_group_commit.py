"""Group commit: alone a call is written at once; calls arriving during a write go together in the next one."""

from __future__ import annotations

import asyncio

import pytest

from bot.services.group_commit import GroupCommit


class Recorder:
    """A write that records its batches and can be held open, as a slow commit would be."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.release = asyncio.Event()
        self.release.set()
        self.started = asyncio.Event()

    async def write(self, items: list[str]) -> list[str | Exception]:
        self.batches.append(items)
        self.started.set()
        await self.release.wait()
        return [ValueError(item) if item.startswith("bad") else item.upper() for item in items]


async def test_a_call_alone_is_written_at_once() -> None:
    recorder = Recorder()
    batch = GroupCommit(recorder.write)
    assert await batch("a") == "A"
    assert await batch("b") == "B"
    assert recorder.batches == [["a"], ["b"]]


async def test_calls_during_a_write_share_the_next_one_and_each_gets_its_own_outcome() -> None:
    recorder = Recorder()
    recorder.release.clear()
    batch = GroupCommit(recorder.write)
    first = asyncio.create_task(batch("a"))
    await recorder.started.wait()
    later = [asyncio.create_task(batch(item)) for item in ("b", "bad-c", "d")]
    await asyncio.sleep(0)  # let them queue behind the write in flight
    recorder.release.set()
    assert await first == "A"
    results = await asyncio.gather(*later, return_exceptions=True)
    assert results[0] == "B"
    assert isinstance(results[1], ValueError)  # the refusal of one item is that item's alone
    assert results[2] == "D"
    assert recorder.batches == [["a"], ["b", "bad-c", "d"]]


async def test_a_failed_write_fails_every_call_in_it() -> None:
    async def broken(items: list[str]) -> list[str | Exception]:
        raise OSError("disk full")

    batch = GroupCommit(broken)
    with pytest.raises(OSError, match="disk full"):
        await batch("a")
    with pytest.raises(OSError, match="disk full"):
        await batch("b")  # and the next batch is tried afresh


async def test_a_cancelled_caller_stops_waiting_and_the_batch_it_was_in_still_commits_for_the_others() -> None:
    recorder = Recorder()
    recorder.release.clear()
    batch = GroupCommit(recorder.write)
    first = asyncio.create_task(batch("a"))
    await recorder.started.wait()
    impatient, patient = asyncio.create_task(batch("b")), asyncio.create_task(batch("c"))
    await asyncio.sleep(0)  # both queued behind the write in flight
    impatient.cancel()
    recorder.release.set()
    assert await first == "A"
    assert await patient == "C"
    with pytest.raises(asyncio.CancelledError):
        await impatient
    assert recorder.batches == [["a"], ["b", "c"]]  # the cancelled caller's item was written with the others
