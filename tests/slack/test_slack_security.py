"""Signed requests only, junk refused cheaply, each delivery run once, typed text inert, no secret in the logs."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest

from bot.adapters.slack.server import EVENTS_PATH, HEALTH_PATH
from bot.adapters.slack.text import WORD_JOINER
from tests.slack.harness import SECRET, Running, running_slack
from tests.slack.signed import action_body, action_payload, post_raw, post_signed, slash_body, slash_payload

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


async def waiting(slack: Running, session_id: str = "rt1") -> list[str]:
    session = slack.podium.meeting.session(session_id)
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


# --- junk at the HTTP edge: refused with 400 or 401 before bolt, never a 500 or a traceback --------------------

FORM = "application/x-www-form-urlencoded"
HAND = slash_body("/hand", "", "olga", "C0RT1")
SOME_SIGNATURE = "v0=" + "0" * 64


def unsigned(timestamp: str | None = None, signature: str = SOME_SIGNATURE) -> dict[str, str]:
    return {"Content-Type": FORM, "X-Slack-Request-Timestamp": timestamp or str(int(time.time()))} | (
        {"X-Slack-Signature": signature} if signature else {}
    )


def without(fields: dict[str, str], name: str) -> str:
    return urlencode({key: value for key, value in fields.items() if key != name})


def click(**changes: object) -> str:
    payload = action_payload("podium_hand", "rt1", "olga", "C0RT1") | changes
    return urlencode({"payload": json.dumps(payload)})


UNSIGNED = {  # what anyone on the internet may send: body, headers, the answer
    "non-integer timestamp": (HAND.encode(), unsigned("soon"), 401),
    "timestamp of 5,000 digits": (HAND.encode(), unsigned("9" * 5000), 401),
    "non-ASCII signature": (HAND.encode(), unsigned(signature="v0=é"), 401),
    "no signature": (HAND.encode(), unsigned(signature=""), 401),
    "no headers at all": (HAND.encode(), {}, 401),
    "body not UTF-8": (b"command=/hand&text=\xff\xfe\xc3", unsigned(), 400),
    "garbage payload, unsigned": (b"payload={not json", unsigned(), 401),
}
SIGNED = {  # what only the signing secret's holder can send: the body, and nothing but 400 for it
    "garbage JSON payload": urlencode({"payload": "{not json"}),
    "payload a list": urlencode({"payload": "[1, 2]"}),
    "payload nested too deep": urlencode({"payload": "[" * 100_000}),
    "empty actions": click(actions=[]),
    "actions not a list": click(actions="podium_hand"),
    "a click without a user": click(user=None),
    "a click without a channel": click(channel=None),
    "no user_id": without(slash_payload("/hand", "", "olga", "C0RT1"), "user_id"),
    "no channel_id": without(slash_payload("/hand", "", "olga", "C0RT1"), "channel_id"),
    "an event that is not an object": json.dumps({"type": "event_callback", "event": "app_mention"}),
}


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.exc_info or record.levelno >= logging.ERROR]


async def test_junk_and_malformed_requests_get_400_or_401_and_change_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_slack(tmp_path, RT1_START) as slack:
        answered = {case: (await post_raw(slack.http, slack.url, *sent[:2]))[0] for case, sent in UNSIGNED.items()}
        for case, body in SIGNED.items():
            answered[case] = (await post_signed(slack.http, slack.url, SECRET, body))[0]
        await slack.settled()
        assert answered == {case: sent[2] for case, sent in UNSIGNED.items()} | dict.fromkeys(SIGNED, 400)
        assert await commands_logged(slack) == []
        assert await waiting(slack) == []
    assert tracebacks(caplog) == []


async def test_a_burst_of_junk_writes_one_line_and_the_server_stays_healthy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = [1000.0]  # monotonic seconds, moved by hand
    async with running_slack(tmp_path, RT1_START, monotonic=lambda: clock[0]) as slack:
        junk = [(body, headers) for body, headers, _ in UNSIGNED.values()]
        statuses = {(await post_raw(slack.http, slack.url, *junk[n % len(junk)]))[0] for n in range(200)}
        warned = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
        async with slack.http.get(slack.url.removesuffix(EVENTS_PATH) + HEALTH_PATH) as health:
            assert health.status == 200
        clock[0] += 60
        await post_raw(slack.http, slack.url, HAND.encode(), unsigned("soon"))
    assert statuses == {400, 401}
    assert tracebacks(caplog) == []
    assert len(warned) == 1
    assert warned[0].startswith("refused a request to the Slack endpoint from 127.0.0.1: ")
    *_, last = [record.getMessage() for record in caplog.records if record.name == "bot.adapters.slack.edge"]
    assert last.endswith(": 401, no valid signature; 199 more refused since the last such line")
    assert SECRET not in caplog.text


async def test_a_command_from_a_channel_podium_does_not_know_is_not_placed_by_the_name_it_carries(
    tmp_path: Path,
) -> None:
    # 10:45 in Geneva: rt1 is on in #gcm-rt1, and the opening's list in #gcm-plenary is open for its overrun.
    async with running_slack(tmp_path, datetime(2020, 11, 12, 9, 45, tzinfo=UTC)) as slack:
        plenary = slack.bot.channels.id_of("gcm-plenary")
        assert plenary is not None
        for user, channel_id in (("armen", plenary), ("olga", "C0UNKNOWN")):
            reply_to = slack.slack.response_url(user)
            body = slash_body("/hand", "", user, channel_id, channel_name="gcm-plenary", response_url=reply_to)
            status, answer = await post_signed(slack.http, slack.url, SECRET, body)
            assert status == 200
            assert json.loads(answer)["response_type"] == "ephemeral"  # still answered where it was typed
        assert await waiting(slack, "opening") == ["armen"]
        assert await waiting(slack, "rt1") == ["olga"]  # as from any channel outside a session's: the one on now
