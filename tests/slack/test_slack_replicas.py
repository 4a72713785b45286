"""Two replicas on one database and one workspace: one live list message per session, edited by both."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot import bootstrap
from bot.adapters.slack.server import SlackBot
from bot.config import SlackSettings
from bot.scheduling.clock import SimulatedClock
from bot.services.commands import Invocation
from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.harness import SECRET, channel_ids, settings

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)


@asynccontextmanager
async def replicas(tmp_path: Path, count: int = 2) -> AsyncIterator[tuple[FakeSlack, list[SlackBot]]]:
    """`count` Podium processes sharing one SQLite file and one (fake) workspace."""
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(RT1_START)
    async with AsyncExitStack() as stack:
        podiums = [await stack.enter_async_context(bootstrap.running(settings(url), clock)) for _ in range(count)]
        users = {p.id: {"name": p.id} for p in podiums[0].directory.participants}
        slack = await stack.enter_async_context(FakeSlack(channels=channel_ids(podiums[0].meeting), users=users))
        slack_settings = SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_url=slack.api_url)
        yield slack, [(await bootstrap.start_slack(podium, slack_settings, debounce=0.0)).bot for podium in podiums]


async def hand(bot: SlackBot, who: str) -> None:
    await bot.core.commands.handle(Invocation(who, "hand", "", "gcm-rt1"))
    await bot.delivery.settled()


def live_posts(slack: FakeSlack) -> list[Call]:
    return [c for c in slack.calls_to("chat.postMessage") if "blocks" in c.args and not c.failed]


async def test_the_second_replica_edits_the_message_the_first_posted(tmp_path: Path) -> None:
    async with replicas(tmp_path) as (slack, (one, two)):
        await hand(one, "olga")
        await hand(two, "armen")
        await hand(one, "nino")
        (posted,) = live_posts(slack)
        updates = slack.calls_to("chat.update")
        assert [u.args["ts"] for u in updates] == [posted.answer["ts"]] * 2
        assert "3 waiting" in updates[-1].args["text"]


async def test_two_replicas_posting_the_first_message_at_once_keep_one(tmp_path: Path) -> None:
    async with replicas(tmp_path) as (slack, (one, two)):
        session = one.core.meeting.session("rt1")
        assert session is not None
        await asyncio.gather(
            one.delivery["slack"].live.refresh(session), two.delivery["slack"].live.refresh(session)
        )  # both find none, both post
        posted, deleted = live_posts(slack), slack.calls_to("chat.delete")
        both = {c.answer["ts"] for c in posted}
        assert len(both) == 2
        (lost,) = [d.args["ts"] for d in deleted]  # the replica whose claim came second deletes its own post
        (kept,) = both - {lost}
        await hand(two, "nino")
        await hand(one, "elif")
        assert {c.args["ts"] for c in slack.calls_to("chat.update")} == {kept}


async def test_a_deleted_live_message_is_posted_again_and_remembered(tmp_path: Path) -> None:
    async with replicas(tmp_path) as (slack, (one, two)):
        await hand(one, "olga")
        (first,) = live_posts(slack)
        slack.messages.pop(first.answer["ts"])  # someone deleted it in Slack
        await hand(one, "armen")
        await hand(two, "nino")  # the other replica finds the new one in the database
        second = live_posts(slack)[-1]
        assert second.answer["ts"] != first.answer["ts"]
        assert slack.calls_to("chat.update")[-1].args["ts"] == second.answer["ts"]


async def test_a_replica_does_not_trust_what_it_showed_last_when_another_edited_since(tmp_path: Path) -> None:
    async with replicas(tmp_path) as (slack, (one, two)):
        await hand(one, "olga")  # one shows: olga
        await hand(two, "armen")  # two shows: olga, armen
        await one.core.commands.handle(Invocation("armen", "lower", "", "gcm-rt1"))  # back to what one showed
        await one.delivery.settled()
        assert "1 waiting" in slack.calls_to("chat.update")[-1].args["text"]
