"""The outbox over a fake platform: order kept, failures retried in place with a growing wait, lasting ones aside."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import pytest

from bot.services.outbox import LONGEST_WAIT, Outbox
from bot.services.views import AckView, FileView, Post, Visibility
from tests.services.fake_platform import FakePlatform, Refused, Waits


def said(code: str, channel: str | None = "gcm-rt1", recipient: str | None = None) -> Post:
    visibility = Visibility.CHANNEL if recipient is None else Visibility.PRIVATE
    return Post(AckView(code, {}), visibility, channel, recipient)


@contextlib.asynccontextmanager
async def running(outbox: Outbox) -> AsyncIterator[Outbox]:
    worker = asyncio.create_task(outbox.run())
    try:
        yield outbox
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker


async def test_posts_land_in_order_and_channel_posts_are_recorded_once_landed() -> None:
    platform, recorded = FakePlatform(), list[Post]()

    async def record(post: Post) -> None:
        recorded.append(post)

    async with running(Outbox(platform, record=record, wait=Waits())) as outbox:
        for post in (said("one"), said("two", None, "olga"), said("three")):
            outbox.put(post)
        await outbox.settled()
    assert [(method, what) for method, _, what in platform.calls] == [
        ("post", "one"),
        ("post", "two"),
        ("post", "three"),
    ]
    assert [p.view.code for p in recorded if isinstance(p.view, AckView)] == ["one", "three"]


async def test_a_post_failing_for_a_while_is_retried_in_place_with_a_growing_wait() -> None:
    platform, waits = FakePlatform(), Waits()
    platform.fail_next(Refused("ratelimited"), Refused("ratelimited"), Refused("internal_error"))
    async with running(Outbox(platform, wait=waits)) as outbox:
        outbox.put(said("first"))
        outbox.put(said("behind"))
        await outbox.settled()
    assert [what for _, _, what in platform.calls] == ["first"] * 4 + ["behind"]
    assert waits.waited == [1.0, 2.0, 4.0]


async def test_the_wait_grows_to_five_minutes_and_no_further() -> None:
    platform, waits = FakePlatform(), Waits()
    platform.fail_next(*(Refused("internal_error") for _ in range(4)))
    async with running(Outbox(platform, wait=waits, first_wait=100.0)) as outbox:
        outbox.put(said("slow"))
        await outbox.settled()
    assert waits.waited == [100.0, 200.0, LONGEST_WAIT, LONGEST_WAIT]


async def test_a_lasting_refusal_is_set_aside_at_once_logged_once_and_the_rest_go_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    platform, waits = FakePlatform(), Waits()
    platform.fail_next(Refused("channel_not_found", lasting=True))
    async with running(Outbox(platform, wait=waits)) as outbox:
        outbox.put(said("gone"))
        outbox.put(said("next"))
        await outbox.settled()
    assert [what for _, _, what in platform.calls] == ["gone", "next"]
    assert waits.waited == []
    (line,) = [r.getMessage() for r in caplog.records if "set aside" in r.getMessage()]
    assert line == "post to #gcm-rt1 set aside, not sent: fake refuses it (channel_not_found)"


async def test_send_raises_even_a_lasting_refusal_so_a_reminder_is_never_taken_for_posted() -> None:
    platform = FakePlatform()
    platform.fail_next(Refused("not_in_channel", lasting=True))
    with pytest.raises(Refused):
        await Outbox(platform, wait=Waits()).send(said("reminder"))


async def test_a_file_is_uploaded_to_its_recipient_and_a_private_post_without_one_is_dropped() -> None:
    platform = FakePlatform()
    outbox = Outbox(platform, wait=Waits())
    await outbox.send(Post(FileView("rt1.md", b"# rt1", "md"), Visibility.PRIVATE, None, "secretariat"))
    await outbox.send(Post(FileView("rt1.md", b"# rt1", "md"), Visibility.PRIVATE))
    await outbox.send(said("to nobody", None, ""))
    assert platform.calls == [("upload", "secretariat", "rt1.md")]


async def test_a_failing_post_is_logged_with_the_platforms_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    platform = FakePlatform()
    platform.fail_next(Refused("ratelimited"))
    async with running(Outbox(platform, wait=Waits())) as outbox:
        outbox.put(said("hello", None, "olga"))
        await outbox.settled()
    assert "post to a direct message failed (ratelimited); trying again in 1 s" in caplog.text
