"""Signed requests only, each delivery run once, participants' text inert in Slack, and no secret in the logs."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.slack.text import WORD_JOINER
from tests.slack.harness import SECRET, Running, running_slack
from tests.slack.signed import action_body, post_signed, slash_body

RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
RT1_CHANNEL = "gcm-rt1"
HOSTILE = "on @channel <!everyone> <@U0ALICE|alice> *bold* &lt;script&gt;"  # as Slack sends what was typed


def hand_body(slack: Running, user: str, trigger_id: str | None = None) -> str:
    return slash_body(
        "/hand",
        "",
        user,
        slack.slack.channels[RT1_CHANNEL],
        channel_name=RT1_CHANNEL,
        response_url=slack.slack.response_url(user),
        trigger_id=trigger_id,
    )


async def commands_logged(slack: Running) -> list[str]:
    return [entry.text for entry in await slack.transcript() if entry.kind.value == "command"]


async def waiting(slack: Running) -> list[str]:
    session = slack.podium.meeting.session("rt1")
    assert session is not None
    view = await slack.podium.floor.board(session, slack.podium.clock.now())
    return [place.entry.speaker.participant_id for place in view.upcoming]


@pytest.mark.parametrize(
    ("secret", "age"),
    [pytest.param("not-the-secret", 0, id="forged"), pytest.param(SECRET, 6 * 60, id="stale")],
)
async def test_an_unsigned_or_stale_request_is_refused_and_leaves_no_trace(
    tmp_path: Path, secret: str, age: int
) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        body = hand_body(slack, "olga")
        status, _ = await post_signed(slack.http, slack.url, secret, body, timestamp=int(time.time()) - age)
        await slack.settled()
        assert status == 401
        assert await commands_logged(slack) == []
        assert await waiting(slack) == []
        assert [c.method for c in slack.slack.calls if c.method.startswith(("chat.", "response"))] == []


async def test_a_retried_slash_command_runs_once(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        body = hand_body(slack, "olga", trigger_id="1605174000.738474920.retried0000000000001")
        first = await post_signed(slack.http, slack.url, SECRET, body)
        again = await post_signed(slack.http, slack.url, SECRET, body, retry_num=1)
        assert first[0] == again[0] == 200
        assert "number 1, you are next" in json.loads(first[1])["text"]
        assert await waiting(slack) == ["olga"]
        assert await commands_logged(slack) == ["/hand"]


async def test_a_button_press_delivered_twice_counts_once(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        channel = slack.slack.channels[RT1_CHANNEL]
        body = action_body("podium_hand", "rt1", "armen", channel, response_url=slack.slack.response_url("armen"))
        for retry in (None, 1):
            status, _ = await post_signed(slack.http, slack.url, SECRET, body, retry_num=retry)
            assert status == 200
        await slack.settled()
        assert await waiting(slack) == ["armen"]
        assert await commands_logged(slack) == ["/hand"]
        assert len(slack.slack.calls_to("response_url")) == 1


async def test_typed_text_is_shown_escaped_without_mentions_wherever_it_is_repeated(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        await slack.slash("olga", "/hand", HOSTILE, RT1_CHANNEL)
        _, body = await slack.slash("armen", "/queue", "", RT1_CHANNEL)
        answer = json.loads(body)
        announced = await slack.slash("mod-rt1", "/floor", "next", RT1_CHANNEL)
        await slack.settled()
        floor = next(c.args for c in slack.slack.calls_to("chat.postMessage") if "blocks" not in c.args)
        assert announced == (200, "")
        assert answer["mrkdwn"] is False
        assert floor["mrkdwn"] is False
        for text in (answer["text"], floor["text"]):
            assert f"on @{WORD_JOINER}channel @U0ALICE *bold* &lt;script&gt;" in text
            for unsafe in ("@channel", "<!everyone>", "<@U0ALICE", "<script>"):
                assert unsafe not in text


async def test_a_declared_delegation_cannot_ping_the_channel_from_the_live_list(tmp_path: Path) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        slack.slack.users["U0ZED"] = {"name": "zed"}
        _, body = await slack.slash("U0ZED", "/iam", "&lt;!channel&gt;", RT1_CHANNEL)
        await slack.slash("U0ZED", "/hand", "", RT1_CHANNEL)
        # Slack sends a mention as <@U…|name>; the core reads it as @U…, the participant's id.
        _, given = await slack.slash("mod-rt1", "/floor", "give <@U0ZED|zed>", RT1_CHANNEL)
        await slack.settled()
        assert given == ""
        assert "&lt;!channel&gt;" in json.loads(body)["text"]
        live = [c.args for c in slack.slack.calls if "blocks" in c.args]
        assert live[-1]["text"].startswith("On the floor: U0ZED (&lt;!channel&gt;).")
        sent = [c.args.get("text", "") for c in slack.slack.calls if c.method.startswith("chat.")]
        assert len(sent) >= 3
        assert not [text for text in sent if "<!channel>" in text]


async def test_no_token_or_signing_secret_reaches_the_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_slack(tmp_path, RT1_START) as slack:
        await slack.slash("olga", "/hand", "", RT1_CHANNEL)
        await slack.slash("mod-rt1", "/floor", "next", RT1_CHANNEL)
        await post_signed(slack.http, slack.url, "not-the-secret", hand_body(slack, "armen"))
        slack.slack.fail_next("chat.postMessage", status=429, retry_after=0)
        await slack.slash("olga", "/hand", "", RT1_CHANNEL)
        await slack.slash("mod-rt1", "/floor", "next", RT1_CHANNEL)
        await slack.settled()
    assert len(caplog.records) > 20  # the clients did log their requests, at DEBUG
    logged = caplog.text + "".join(repr(record.__dict__) for record in caplog.records)
    assert "xoxb-test" not in logged
    assert SECRET not in logged
