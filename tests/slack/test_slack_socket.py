"""Socket Mode over the fake's websocket (slash commands, buttons, mentions), and the health endpoint."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from bot import bootstrap
from bot.adapters.slack.server import EVENTS_PATH, HEALTH_PATH, SlackBot
from bot.config import SlackSettings
from bot.scheduling.clock import SimulatedClock
from tests.slack.fake_slack import FakeSlack, serve
from tests.slack.harness import channel_ids, running_slack, settings
from tests.slack.signed import action_payload, slash_payload
from tests.slack.workspace import APP_ID, BOT_USER_ID, TEAM_ID

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
APP_TOKEN = "xapp-1-A1-1-x"


@asynccontextmanager
async def socket_bot(tmp_path: Path) -> AsyncIterator[tuple[FakeSlack, SlackBot]]:
    """Podium connected to the fake over Socket Mode: no signing secret, no public URL."""
    clock = SimulatedClock(RT1_START)
    async with bootstrap.running(settings(f"sqlite:///{tmp_path / 'podium.db'}"), clock) as podium:
        users = {p.id: {"name": p.id, "real_name": p.name} for p in podium.directory.participants}
        async with FakeSlack(channels=channel_ids(podium.meeting), users=users) as fake:
            slack_settings = SlackSettings(bot_token="xoxb-test", app_token=APP_TOKEN, api_url=fake.api_url)
            bot = (await bootstrap.start_slack(podium, slack_settings, debounce=0.0)).bot
            tasks = [asyncio.create_task(bot.delivery.run()), asyncio.create_task(bot.serve_socket())]
            try:
                await fake.socket_connected()
                yield fake, bot
            finally:
                for task in tasks:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task


async def settled(bot: SlackBot) -> None:
    await bot.delivery.settled()


async def test_a_slash_command_over_the_socket_is_answered_in_its_ack(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with socket_bot(tmp_path) as (fake, bot):
        channel = fake.channels["gcm-rt1"]
        payload = slash_payload("/hand", "", "olga", channel, channel_name="gcm-rt1")
        ack = await fake.socket_send("slash_commands", payload)
        await settled(bot)
        assert ack["payload"] == {
            "response_type": "ephemeral",
            "text": "You are on the list of rt1 for a statement: number 1, you are next.",
            "mrkdwn": False,
        }
        assert fake.calls_to("apps.connections.open")[0].token == APP_TOKEN
        (live,) = fake.calls_to("chat.postMessage")
        assert live.args["channel"] == channel
        assert live.args["text"] == "Nobody has the floor. 1 waiting for rt1."
    assert APP_TOKEN not in caplog.text
    assert "xoxb-test" not in caplog.text


async def test_a_button_over_the_socket_answers_by_response_url(tmp_path: Path) -> None:
    async with socket_bot(tmp_path) as (fake, bot):
        channel = fake.channels["gcm-rt1"]
        payload = action_payload("podium_hand", "rt1", "armen", channel, response_url=fake.response_url("armen"))
        ack = await fake.socket_send("interactive", payload)
        await settled(bot)
        assert "payload" not in ack  # a button's ack is empty; the answer goes to the response_url
        (reply,) = fake.calls_to("response_url")
        assert reply.path.endswith("/armen")
        assert reply.args["text"] == "You are on the list of rt1 for a statement: number 1, you are next."


async def test_a_mention_gets_the_command_list_privately(tmp_path: Path) -> None:
    async with socket_bot(tmp_path) as (fake, bot):
        channel = fake.channels["gcm-review"]
        event = {"type": "app_mention", "user": "olga", "text": f"<@{BOT_USER_ID}> help?", "channel": channel}
        body = {
            "token": "verification-token-unused",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event | {"ts": "1605174000.000100", "event_ts": "1605174000.000100"},
            "type": "event_callback",
            "event_id": "Ev0PODIUM1",
            "event_time": int(time.time()),
        }
        await fake.socket_send("events_api", body)
        (answer,) = await fake.wait_for("chat.postEphemeral")
        await settled(bot)
        assert (answer.args["channel"], answer.args["user"], answer.args["mrkdwn"]) == (channel, "olga", False)
        assert "/agenda" in answer.args["text"]
        assert "/podium-remind" in answer.args["text"] or "/remind" in answer.args["text"]
        assert fake.calls_to("chat.postMessage") == []  # nothing in the channel itself


async def test_the_health_endpoint_says_ok_and_names_the_meeting(tmp_path: Path) -> None:
    async with (
        running_slack(tmp_path, RT1_START) as slack,
        slack.http.get(slack.url.removesuffix(EVENTS_PATH) + HEALTH_PATH) as response,
    ):
        assert response.status == 200
        assert await response.json() == {"ok": True, "meeting": "unece-gcm-review-2020"}


@pytest.mark.parametrize(("ok", "status"), [(True, 200), (False, 503)])
async def test_in_socket_mode_only_the_health_check_is_served(tmp_path: Path, ok: bool, status: int) -> None:
    async with socket_bot(tmp_path) as (_, bot):

        async def healthy() -> bool:
            return ok  # the server's check: every task (scheduler, outbox, socket) still running

        async with serve(bot.web_app(healthy)) as base, aiohttp.ClientSession() as http:
            async with http.get(base + HEALTH_PATH) as response:
                assert response.status == status
                assert await response.json() == {"ok": ok, "meeting": "unece-gcm-review-2020"}
            async with http.post(base + EVENTS_PATH, data=b"{}") as response:
                assert response.status == 404  # no events endpoint: Slack talks over the websocket
