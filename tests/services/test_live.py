"""The live list over a fake platform: debounced edits in order, one message per session, replicas, deletions."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.domain.meeting import Meeting, Session
from bot.domain.participants import Directory
from bot.formats.exports import FileExporter
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.services.assembly import Services, assemble
from bot.services.commands import Invocation
from bot.services.delivery_ports import Shown
from bot.services.live import LiveBoard
from bot.storage.database import Database
from tests.fakes import FakeClock
from tests.services.fake_platform import FakePlatform, Refused, Waits

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


@pytest.fixture
def services(gcm: Meeting, directory: Directory, clock: FakeClock, database: Database) -> Services:
    clock.set(RT1_START)
    return assemble(gcm, directory, clock, database.uow, exporter=FileExporter(Catalogs()), documents=SubmissionFiles())


def board(services: Services, platform: FakePlatform, waits: Waits | None = None) -> LiveBoard:
    live = LiveBoard(services.floor, services.displays, platform, lambda: RT1_START, wait=waits or Waits())
    services.floor.watch(live.changed)
    return live


def rt1(services: Services) -> Session:
    session = services.timetable.meeting.session("rt1")
    assert session is not None
    return session


async def hand(services: Services, who: str) -> None:
    await services.commands.handle(Invocation(who, "hand", "", "gcm-rt1"))


async def test_a_burst_of_changes_is_one_post_then_one_edit_with_the_list_as_it_is_by_then(services: Services) -> None:
    platform, waits = FakePlatform(), Waits()
    live = board(services, platform, waits)
    await hand(services, "olga")
    await live.settled()
    waits.gate.clear()  # the refresher waits for its debounce while the hands come in
    for who in ("armen", "nino", "elif"):
        await hand(services, who)
    waits.gate.set()
    await live.settled()
    assert [(method, what) for method, _, what in platform.calls] == [("show", "1 waiting"), ("edit", "4 waiting")]
    assert waits.waited == [1.0, 1.0]


async def test_a_list_already_shown_is_not_edited_again(services: Services) -> None:
    platform = FakePlatform()
    live = board(services, platform)
    await hand(services, "olga")
    await live.settled()
    await live.refresh(rt1(services))
    assert [method for method, _, _ in platform.calls] == ["show"]


async def test_a_deleted_message_is_posted_again_and_remembered(services: Services) -> None:
    platform = FakePlatform()
    live = board(services, platform)
    await hand(services, "olga")
    await live.settled()
    platform.messages.clear()  # someone deleted it
    await hand(services, "armen")
    await live.settled()
    assert [method for method, _, _ in platform.calls] == ["show", "edit", "show"]
    stored = await services.displays.find("rt1", "fake")
    assert stored is not None
    assert stored.message_id == "fake-2"


class PostingTogether(FakePlatform):
    """Two replicas' first posts reach the platform together: both found no message stored."""

    def __init__(self) -> None:
        super().__init__()
        self.together = asyncio.Barrier(2)

    async def show(self, channel_id: str, shown: Shown) -> str:
        await self.together.wait()
        return await super().show(channel_id, shown)


async def test_two_replicas_posting_the_first_message_at_once_keep_one(services: Services) -> None:
    platform = PostingTogether()
    one, two = board(services, platform), board(services, platform)
    await asyncio.gather(one.refresh(rt1(services)), two.refresh(rt1(services)))
    shows = [c for c in platform.calls if c[0] == "show"]
    (deleted,) = [message for method, message, _ in platform.calls if method == "delete"]
    assert len(shows) == 2
    (kept,) = platform.messages
    assert {kept, deleted} == {"fake-1", "fake-2"}
    stored = await services.displays.find("rt1", "fake")
    assert stored is not None
    assert stored.message_id == kept
    assert platform.calls[-1] == ("edit", kept, "0 waiting")


async def test_a_session_in_a_channel_the_platform_does_not_serve_is_left_alone(services: Services) -> None:
    platform = FakePlatform(channels=())
    live = board(services, platform)
    await hand(services, "olga")
    await live.settled()
    assert platform.calls == []


async def test_a_failed_refresh_is_logged_and_made_good_by_the_next_change(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    platform = FakePlatform()
    live = board(services, platform)
    await hand(services, "olga")
    await live.settled()
    platform.fail_next(Refused("internal_error"))
    await hand(services, "armen")
    await live.settled()
    assert "could not refresh the live list of rt1: internal_error" in caplog.text
    await hand(services, "nino")
    await live.settled()
    assert platform.calls[-1] == ("edit", "fake-1", "3 waiting")


async def test_each_platform_keeps_its_own_message(services: Services) -> None:
    slack, discord = FakePlatform("slack"), FakePlatform("discord")
    lives = board(services, slack), board(services, discord)
    await hand(services, "olga")
    for live in lives:
        await live.settled()
    assert slack.calls == [("show", "C-gcm-rt1", "1 waiting")]
    assert discord.calls == slack.calls
    found = [await services.displays.find("rt1", name) for name in ("slack", "discord")]
    assert [d.message_id for d in found if d] == ["slack-1", "discord-1"]
