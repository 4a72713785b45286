"""Posts that Slack refuses for a while still land: client retries, the outbox, reminders' receipts; and exports."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncServerErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from bot.adapters.slack.server import web_client
from bot.config import SlackSettings
from bot.formats.notes_markdown import notes_to_markdown
from bot.services.record import read_record
from bot.services.views import AckView, Post, Visibility
from tests.slack.fake_slack import serve
from tests.slack.harness import Running, running_slack
from tests.words import english

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
RT1_CHANNEL = "gcm-rt1"
ANNOUNCEMENT = "The floor: Olga Kovalenko — Ольга Коваленко (UA), statement, 3m until"


def without_backoff(slack: Running) -> None:
    """The client's server-error retries, as many, without their real-time backoff (0.5 s, 1 s… plus jitter)."""
    for handler in slack.bot.client.retry_handlers:
        if isinstance(handler, AsyncServerErrorRetryHandler):
            handler.interval_calculator = FixedValueRetryIntervalCalculator(0.0)


def attempts(slack: Running, start: str) -> list[bool]:
    """Whether each chat.postMessage of a text starting so failed, in order."""
    return [c.failed for c in slack.slack.calls_to("chat.postMessage") if c.args.get("text", "").startswith(start)]


async def recorded(slack: Running) -> list[str]:
    return [entry.text for entry in await slack.transcript() if entry.kind.value == "message"]


async def olga_has_the_floor(slack: Running, failures: int = 0, status: int = 500) -> None:
    """Olga asks for the floor and gets it; the announcement's first `failures` attempts fail with `status`."""
    await slack.slash("olga", "/hand", "", RT1_CHANNEL)
    await slack.settled()  # the live message is out first, and the edit that follows is a chat.update
    slack.slack.fail_next("chat.postMessage", status=status, retry_after=0, times=failures)
    await slack.slash("mod-rt1", "/floor", "next", RT1_CHANNEL)


@pytest.mark.parametrize("status", [429, 503])
async def test_a_rate_limit_or_an_unavailable_slack_is_retried_by_the_client(tmp_path: Path, status: int) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        await olga_has_the_floor(slack, failures=1, status=status)
        await slack.settled()
        assert attempts(slack, ANNOUNCEMENT) == [True, False]
        assert len(await recorded(slack)) == 1  # kept in the transcript once, when it landed


async def test_a_post_failing_beyond_the_clients_retries_is_kept_and_delivered_by_the_outbox(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        without_backoff(slack)
        slack.outbox.first_wait = 0.01
        await olga_has_the_floor(slack, failures=10)
        await slack.slack.wait_for("chat.postMessage", count=1 + 11)  # the live message, then 10 failures and one
        await slack.settled()
        assert attempts(slack, ANNOUNCEMENT) == [True] * 10 + [False]  # three client rounds of three, then a fourth
        (kept,) = await recorded(slack)  # in the transcript once, when it landed
        assert kept.startswith(ANNOUNCEMENT)


async def test_a_reminder_that_fails_raises_and_is_retried_from_its_receipt(tmp_path: Path) -> None:
    start = datetime(2020, 11, 12, 9, 20, tzinfo=UTC)  # rt1's "in 15 minutes" falls due at 09:25
    async with running_slack(tmp_path, start) as slack:
        without_backoff(slack)
        podium = slack.podium
        fired: list[Post] = []
        async for posts in podium.timeline.run_until(start + timedelta(minutes=5)):
            fired += posts
        keyed = [post for post in fired if post.key]
        assert {post.channel for post in keyed} == {"gcm-review", "gcm-rt1"}
        first, *rest = keyed
        slack.slack.fail_next("chat.postMessage", status=500, retry_after=0, times=3)
        with pytest.raises(SlackApiError):
            await slack.delivery.deliver(first)  # sent now, not queued: the scheduler must know it failed
        for post in rest:
            await slack.delivery.deliver(post)
        now = podium.clock.now()
        assert first.key is not None
        await podium.reminders.receipts([(first.key, "internal_error"), *((p.key or "", None) for p in rest)], now)
        async with podium.commands.uow() as uow:
            claim = next(c for c in await uow.reminders.claims(podium.meeting.id) if c.key == first.key)
        assert (claim.posted_at, claim.last_error) == (None, "internal_error")
        assert claim.next_attempt_at == now + timedelta(seconds=5)

        await slack.advance_to(now + timedelta(seconds=10))  # as the scheduler: the retry falls due and lands
        channel = slack.slack.channels[first.channel or ""]
        landed = [c for c in slack.slack.calls_to("chat.postMessage") if c.args["channel"] == channel]
        assert [c.failed for c in landed] == [True, True, True, False]
        assert landed[-1].args["text"].startswith("In 15 minutes:\nRoundtable 1")
        async with podium.commands.uow() as uow:
            claim = next(c for c in await uow.reminders.claims(podium.meeting.id) if c.key == first.key)
        assert claim.posted_at == now + timedelta(seconds=5)


async def test_staff_get_the_notes_they_export_as_a_file_in_their_direct_messages(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        await olga_has_the_floor(slack)
        await slack.slash("olga", "/statement", "Ukraine supports regular pathways (objective 5).", RT1_CHANNEL)
        slack.podium.clock.set(RT1_START + timedelta(minutes=2))
        await slack.slash("mod-rt1", "/floor", "end", RT1_CHANNEL)
        await slack.settled()
        status, body = await slack.slash("secretariat", "/export", "rt1 md")
        assert status == 200
        assert "Working on it: the file comes by direct message." in body
        await slack.slack.wait_for("files.completeUploadExternal")
        (upload,) = slack.slack.uploads.values()
        assert upload.filename == "unece-gcm-review-2020-rt1.md"
        assert upload.completed
        assert upload.channels == ["Dsecretariat"]  # the direct message conversations.open gave
        assert slack.slack.calls_to("conversations.open")[0].args["users"] == "secretariat"
        # As /export reads it: people and States by name.
        record = await read_record(slack.podium.meeting, slack.podium.commands.uow(), "rt1", slack.podium.directory)
        assert upload.data == notes_to_markdown(record, tr=english()).encode("utf-8")
        assert "Ukraine supports regular pathways" in upload.data.decode()
        assert slack.slack.calls_to("response_url") == []  # nothing else to say


async def test_a_participant_asking_for_an_export_is_refused_privately_and_gets_no_file(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        status, body = await slack.slash("olga", "/export", "rt1 md")
        assert status == 200
        assert json.loads(body) == {"response_type": "ephemeral", "text": "/export is for staff only.", "mrkdwn": False}
        await slack.slash("olga", "/agenda")  # the export's lazy half ran meanwhile, and stopped at the refusal
        await slack.settled()
        assert slack.slack.uploads == {}
        assert slack.slack.calls_to("files.getUploadURLExternal") == []
        assert slack.slack.calls_to("response_url") == []  # refused once, in the acknowledgement


async def test_posts_behind_a_failing_one_wait_for_it_and_keep_their_order(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        without_backoff(slack)
        slack.outbox.first_wait = 0.01
        await olga_has_the_floor(slack, failures=4)  # beyond the client's three tries: the outbox retries it
        await slack.slash("mod-rt1", "/floor", "close", RT1_CHANNEL)  # announced after the floor was given
        await slack.settled()
        landed = [c.args["text"] for c in slack.slack.calls_to("chat.postMessage") if not c.failed]
        announcements = [text for text in landed if text.startswith((ANNOUNCEMENT, "The list of speakers"))]
        assert [text[:20] for text in announcements] == [ANNOUNCEMENT[:20], "The list of speakers"]


async def test_a_post_slack_refuses_for_good_is_set_aside_and_the_rest_go_on(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        slack.outbox.first_wait = 60  # set aside for a minute: not tried again within this test
        await slack.slash("armen", "/hand", "", RT1_CHANNEL)
        del slack.slack.channels[RT1_CHANNEL]  # the channel is deleted while Podium runs
        await olga_has_the_floor(slack)  # armen asked first and gets the floor; olga is told she is next
        await slack.settled()  # returns: the refused announcement does not hold up the queue
        posted = slack.slack.calls_to("chat.postMessage")
        refused = [c.args["text"] for c in posted if c.failed]
        assert any(text.startswith("The floor: Armen Hakobyan") for text in refused)
        (told,) = [c for c in posted if c.args["channel"] == "olga" and not c.failed]
        assert told.args["text"] == "You are next on the list of speakers of rt1."


async def test_a_direct_message_slack_refuses_for_good_is_tried_once_and_set_aside(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        slack.outbox.first_wait = 0.0  # were it retried, it would be at once
        await slack.slash("armen", "/hand", "", RT1_CHANNEL)
        del slack.slack.users["olga"]  # she left the workspace: Slack answers channel_not_found for her DM
        await olga_has_the_floor(slack)  # armen gets the floor; olga is told she is next, or would be
        await slack.settled()
        await slack.slash("mod-rt1", "/floor", "close", RT1_CHANNEL)  # more work for the outbox meanwhile
        await slack.settled()
        to_olga = [c for c in slack.slack.calls_to("chat.postMessage") if c.args["channel"] == "olga"]
        assert [(c.failed, c.answer["error"]) for c in to_olga] == [(True, "channel_not_found")]
        landed = [c.args["text"] for c in slack.slack.calls_to("chat.postMessage") if not c.failed]
        assert any(text.startswith("The list of speakers") for text in landed)  # the posts behind it went on


async def test_a_reminder_slack_refuses_is_raised_so_its_receipt_records_the_failure(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        slack.slack.fail_next("chat.postMessage", status=200, error="not_in_channel")
        reminder = Post(AckView("subscribed", {"session": "rt1"}), Visibility.CHANNEL, RT1_CHANNEL, key="rt1:start")
        with pytest.raises(SlackApiError):  # the reminder service retries it with its own wait, never marks it posted
            await slack.delivery.deliver(reminder)
        (call,) = slack.slack.calls_to("chat.postMessage")
        assert call.failed
        assert await recorded(slack) == []  # not in the transcript: it never reached the channel


async def test_a_request_that_times_out_is_retried_by_the_client() -> None:
    """Slack that does not answer in time: the client gives up on that request and sends it again."""
    seen: list[str] = []
    stuck = asyncio.Event()

    async def api(request: web.Request) -> web.Response:
        seen.append(request.match_info["method"])
        if len(seen) == 1:
            await stuck.wait()  # never answers; the client's timeout ends it
        return web.json_response({"ok": True, "channel": "C1", "ts": "1.2"})

    app = web.Application()
    app.router.add_post("/api/{method}", api)
    async with serve(app) as base:
        client = web_client(SlackSettings(bot_token="xoxb-test", api_url=f"{base}/api/"), timeout=1)
        for handler in client.retry_handlers:
            handler.interval_calculator = FixedValueRetryIntervalCalculator(0.0)
        answer = await client.chat_postMessage(channel="C1", text="still there?")
        stuck.set()
    assert answer["ts"] == "1.2"
    assert seen == ["chat.postMessage", "chat.postMessage"]
