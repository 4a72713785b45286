"""The delivery router: each post to the platforms it is for, reminders sent now, the transcript kept once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.formats.exports import FileExporter
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.services.assembly import assemble
from bot.services.commands import Invocation
from bot.services.delivery import Delivery
from bot.services.views import AckView, Post, Visibility
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.fake_platform import FakePlatform, Refused, Waits

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


@contextlib.asynccontextmanager
async def two_platforms(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> AsyncIterator[tuple[Delivery, FakePlatform, FakePlatform, list[Post]]]:
    services = assemble(
        gcm, directory, clock, database.uow, exporter=FileExporter(Catalogs()), documents=SubmissionFiles()
    )
    recorded: list[Post] = []

    async def record(post: Post) -> None:
        recorded.append(post)

    delivery = Delivery(services.floor, services.displays, clock, record=record, debounce=0.0, wait=Waits())
    slack = FakePlatform("slack", people=frozenset({"olga", "armen"}))
    discord = FakePlatform("discord", people=frozenset({"1234", "armen"}))
    delivery.serve(slack)
    delivery.serve(discord)
    worker = asyncio.create_task(delivery.run())
    try:
        yield delivery, slack, discord, recorded
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker


def ack(code: str, *, recipient: str | None = None, platform: str | None = None, key: str | None = None) -> Post:
    visibility = Visibility.PRIVATE if recipient else Visibility.CHANNEL
    return Post(AckView(code, {}), visibility, None if recipient else "gcm-rt1", recipient, key=key, platform=platform)


async def test_a_channel_post_goes_to_every_platform_and_is_recorded_once(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    async with two_platforms(gcm, directory, clock, database) as (delivery, slack, discord, recorded):
        assert delivery.platforms == ("slack", "discord")
        delivery.put(ack("announced"))
        await delivery.settled()
        assert slack.calls == discord.calls == [("post", "C-gcm-rt1", "announced")]
        assert len(recorded) == 1


async def test_a_private_answer_goes_back_through_its_platform_only(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    async with two_platforms(gcm, directory, clock, database) as (delivery, slack, discord, _):
        delivery.put(ack("you are next", recipient="olga", platform="discord"))
        delivery.put(ack("lost", recipient="olga", platform="teams"))  # serves nothing here: dropped, logged
        await delivery.settled()
        assert (slack.calls, discord.calls) == ([], [("post", "olga", "you are next")])


async def test_a_direct_message_goes_only_to_the_platforms_that_know_the_person(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    async with two_platforms(gcm, directory, clock, database) as (delivery, slack, discord, _):
        delivery.put(ack("you are next", recipient="olga"))  # a Slack id: Discord is not asked to try
        delivery.put(ack("your reminder", recipient="1234"))
        delivery.put(ack("both", recipient="armen"))
        delivery.put(ack("nobody", recipient="ghost"))  # no platform here knows them: dropped, logged
        await delivery.settled()
        assert slack.calls == [("post", "olga", "you are next"), ("post", "armen", "both")]
        assert discord.calls == [("post", "1234", "your reminder"), ("post", "armen", "both")]


async def test_a_reminder_is_sent_now_on_every_platform_and_a_refusal_is_raised(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    async with two_platforms(gcm, directory, clock, database) as (delivery, slack, discord, _):
        discord.fail_next(Refused("missing_access", lasting=True))
        with pytest.raises(Refused):
            await delivery.deliver(ack("in 15 minutes", key="gcm:rt1:before"))
        assert slack.calls == [("post", "C-gcm-rt1", "in 15 minutes")]  # at once, not queued
        assert discord.calls == [("post", "C-gcm-rt1", "in 15 minutes")]
        await delivery.deliver(ack("queued"))  # unkeyed: queued, as any post
        await delivery.settled()
        assert slack.calls[-1] == ("post", "C-gcm-rt1", "queued")


async def test_each_platform_claims_and_retries_its_own_copy_of_a_reminder(
    gcm: Meeting, directory: Directory, clock: FakeClock, database: Database
) -> None:
    services = assemble(
        gcm, directory, clock, database.uow, exporter=FileExporter(Catalogs()), documents=SubmissionFiles()
    )
    await services.commands.handle(Invocation("aigerim", "remind", "me rt1", None))
    services.reminders.deliver_through(("slack", "discord"))
    clock.set(RT1_START - timedelta(minutes=15))
    posts = await services.reminders.fire(clock.now())
    to_rt1 = sorted((p.key, p.platform) for p in posts if p.channel == "gcm-rt1")
    base = f"{gcm.id}@2020-11-12:rt1:before:-900:#gcm-rt1"
    assert to_rt1 == [(base, "slack"), (base + "|discord", "discord")]  # slack, at home, keeps the bare key
    personal = [(p.key, p.platform) for p in posts if p.recipient == "aigerim"]
    assert personal == [(f"{base}:@aigerim", "slack")]  # where people subscribed: the home platform

    # Slack's copy lands, Discord's fails: only Discord's is tried again, and on Discord.
    await services.reminders.receipts([(base, None), (base + "|discord", "missing_access")], clock.now())
    assert await services.reminders.fire(clock.now()) == []
    clock.set(clock.now() + timedelta(seconds=5))
    (retry,) = await services.reminders.fire(clock.now())
    assert (retry.key, retry.platform, retry.channel) == (base + "|discord", "discord", "gcm-rt1")
