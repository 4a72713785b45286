"""The fake Slack answers the real slack_sdk and slack-bolt as Slack does: Web API, uploads, signing, Socket Mode."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from tests.slack.fake_slack import FakeSlack, serve
from tests.slack.signed import action_body, action_payload, post_signed, signed_headers, slash_body, slash_payload

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


@pytest.fixture
def client(slack: FakeSlack) -> AsyncWebClient:
    return AsyncWebClient(token="xoxb-test", base_url=slack.api_url)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as http:
        yield http


def ping_app(slack: FakeSlack) -> AsyncApp:
    # process_before_response: the listener finishes before the ack goes out, so the fake has its calls by then.
    client = AsyncWebClient(token="xoxb-test", base_url=slack.api_url)
    app = AsyncApp(signing_secret=SECRET, client=client, process_before_response=True)

    @app.command("/ping")
    async def ping(ack: Any, command: dict[str, str], client: AsyncWebClient, respond: Any) -> None:
        await client.chat_postMessage(channel=command["channel_id"], text=f"pong for {command['user_id']}")
        await respond("pong, privately")
        await ack("pong")

    @app.action("raise_hand")
    async def raise_hand(ack: Any, body: dict[str, Any], client: AsyncWebClient) -> None:
        container = body["container"]
        value = body["actions"][0]["value"]
        await client.chat_update(channel=container["channel_id"], ts=container["message_ts"], text=f"hand: {value}")
        await ack()

    return app


@pytest.fixture
async def events_url(slack: FakeSlack) -> AsyncIterator[str]:
    async with serve(ping_app(slack).web_app(path="/slack/events")) as base:
        yield f"{base}/slack/events"


async def test_auth_test_answers_who_the_bot_is(client: AsyncWebClient) -> None:
    auth = await client.auth_test()

    assert (auth["team_id"], auth["user_id"], auth["bot_id"], auth["user"]) == ("T0PODIUM", "UBOT", "BBOT", "podium")


async def test_a_posted_message_can_be_updated_by_its_ts(slack: FakeSlack, client: AsyncWebClient) -> None:
    first = await client.chat_postMessage(channel="C0RT1", text="Floor: Chair", blocks=[{"type": "divider"}])
    second = await client.chat_postMessage(channel="#general", text="Next")
    updated = await client.chat_update(channel=first["channel"], ts=first["ts"], text="Floor: Ghana")

    assert first["ts"] < second["ts"]
    assert first["message"]["blocks"] == [{"type": "divider"}]
    assert second["channel"] == "C0GENERAL"
    assert (updated["ts"], updated["text"]) == (first["ts"], "Floor: Ghana")
    assert slack.messages[first["ts"]]["text"] == "Floor: Ghana"
    assert [call.token for call in slack.calls] == ["xoxb-test"] * 3


async def test_slack_errors_come_back_as_slack_does(client: AsyncWebClient) -> None:
    with pytest.raises(SlackApiError) as unknown_channel:
        await client.chat_postMessage(channel="C0NOPE", text="hello")
    with pytest.raises(SlackApiError) as bad_ts:
        await client.chat_update(channel="C0RT1", ts="1.000001", text="edited")
    with pytest.raises(SlackApiError) as bad_token:
        await AsyncWebClient(token="xoxp-user", base_url=client.base_url).auth_test()

    assert unknown_channel.value.response["error"] == "channel_not_found"
    assert bad_ts.value.response["error"] == "message_not_found"
    assert bad_token.value.response["error"] == "invalid_auth"


async def test_conversations_list_pages_with_cursors() -> None:
    async with FakeSlack(channels={"general": "C0GENERAL", "rt1": "C0RT1"}) as two_channels:
        paged = AsyncWebClient(token="xoxb-test", base_url=two_channels.api_url)
        # slack_sdk's pager refills one response object in place: read each page while it is current.
        pages = [[c["name"] for c in page["channels"]] async for page in await paged.conversations_list(limit=1)]

    assert pages == [["general"], ["rt1"]]
    cursors = [call.args.get("cursor") for call in two_channels.calls_to("conversations.list")]
    assert cursors[0] is None
    assert cursors[1]


async def test_users_and_direct_messages(slack: FakeSlack, client: AsyncWebClient) -> None:
    alice = (await client.users_info(user="U0ALICE"))["user"]
    dm = await client.conversations_open(users="U0ALICE")
    posted = await client.chat_postMessage(channel=dm["channel"]["id"], text="Your turn is next")

    assert (alice["name"], alice["tz"], alice["profile"]["display_name"]) == ("alice", "Europe/Zurich", "alice")
    assert alice["tz_offset"] in (3600, 7200)
    assert posted["channel"] == "DU0ALICE"


async def test_files_upload_v2_lands_in_uploads(slack: FakeSlack, client: AsyncWebClient) -> None:
    result = await client.files_upload_v2(channel="C0RT1", content=b"# Notes\n", filename="x.md", title="Notes")

    upload = slack.uploads[result["file"]["id"]]
    assert (upload.filename, upload.title, upload.data) == ("x.md", "Notes", b"# Notes\n")
    assert (upload.channels, upload.completed) == (["C0RT1"], True)


async def test_a_rate_limited_call_is_retried_after_retry_after(slack: FakeSlack, client: AsyncWebClient) -> None:
    slack.fail_next("chat.postMessage", status=429, retry_after=0)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))

    posted = await client.chat_postMessage(channel="C0RT1", text="hello")

    assert posted["ok"]
    assert [call.failed for call in slack.calls_to("chat.postMessage")] == [True, False]


async def test_without_a_retry_handler_the_rate_limit_is_an_error(slack: FakeSlack, client: AsyncWebClient) -> None:
    slack.fail_next("chat.postMessage", status=429, retry_after=7)

    with pytest.raises(SlackApiError) as limited:
        await client.chat_postMessage(channel="C0RT1", text="hello")

    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "7"
    assert limited.value.response["error"] == "ratelimited"


async def test_form_and_multipart_bodies_are_read_too(slack: FakeSlack, session: aiohttp.ClientSession) -> None:
    form = {"token": "xoxb-form", "channel": "C0RT1", "blocks": '[{"type": "divider"}]'}
    async with session.post(f"{slack.api_url}chat.postMessage", data=form) as response:
        posted = await response.json()
    multipart = aiohttp.FormData({"channels": "C0RT1"})
    multipart.add_field("file", b"raw bytes", filename="a.txt")
    headers = {"Authorization": "Bearer xoxb-multi"}
    async with session.post(f"{slack.api_url}files.upload", data=multipart, headers=headers) as response:
        unknown = await response.json()

    assert (posted["ok"], posted["message"]["blocks"]) == (True, [{"type": "divider"}])
    assert unknown == {"ok": True}
    form_call, multipart_call = slack.calls
    assert (form_call.token, "token" in form_call.args) == ("xoxb-form", False)
    assert (multipart_call.token, multipart_call.args["file"]) == ("xoxb-multi", b"raw bytes")


async def test_server_errors_and_response_url_failures_are_injected(
    slack: FakeSlack, client: AsyncWebClient, session: aiohttp.ClientSession
) -> None:
    slack.fail_next("users.info", status=503)
    slack.fail_next("response_url", status=500)

    with pytest.raises(SlackApiError) as unavailable:
        await client.users_info(user="U0BOB")
    retried = await client.users_info(user="U0BOB")
    async with session.post(slack.response_url("r"), json={"text": "hi"}) as response:
        respond_status = response.status

    assert (unavailable.value.response.status_code, retried["user"]["id"]) == (503, "U0BOB")
    assert respond_status == 500
    assert [call.failed for call in slack.calls] == [True, False, True]


async def test_wait_for_names_what_never_came(slack: FakeSlack, client: AsyncWebClient) -> None:
    await client.auth_test()

    with pytest.raises(AssertionError, match=r"chat.postMessage in 0.05s; got \['auth.test'\]"):
        await slack.wait_for("chat.postMessage", timeout=0.05)


def test_signed_headers_match_slack_sdk() -> None:
    body = slash_body("/ping", "now", "U0ALICE", "C0RT1")
    headers = signed_headers(SECRET, body, timestamp=1605171600)

    expected = SignatureVerifier(SECRET).generate_signature(timestamp="1605171600", body=body)
    assert headers["X-Slack-Signature"] == expected
    assert headers["X-Slack-Request-Timestamp"] == "1605171600"


async def test_bolt_over_http_runs_a_signed_slash_command(
    slack: FakeSlack, events_url: str, session: aiohttp.ClientSession
) -> None:
    body = slash_body("/ping", "now", "U0ALICE", "C0RT1", response_url=slack.response_url("ping-1"))

    assert await post_signed(session, events_url, SECRET, body) == (200, "pong")
    posted = slack.calls_to("chat.postMessage")
    assert posted[0].args == {"channel": "C0RT1", "text": "pong for U0ALICE", "team_id": "T0PODIUM"}
    responded = await slack.wait_for("response_url")
    assert (responded[0].args["text"], responded[0].path) == ("pong, privately", "/respond/ping-1")


async def test_bolt_over_http_refuses_forged_and_stale_requests(
    slack: FakeSlack, events_url: str, session: aiohttp.ClientSession
) -> None:
    body = slash_body("/ping", "now", "U0ALICE", "C0RT1", response_url=slack.response_url("ping-1"))
    six_minutes_ago = int(time.time()) - 360

    assert (await post_signed(session, events_url, "not-the-secret", body))[0] == 401
    assert (await post_signed(session, events_url, SECRET, body, timestamp=six_minutes_ago))[0] == 401
    assert slack.calls_to("chat.postMessage") == []


async def test_bolt_over_http_runs_a_button_click_and_a_retry(
    slack: FakeSlack, client: AsyncWebClient, events_url: str, session: aiohttp.ClientSession
) -> None:
    message = await client.chat_postMessage(channel="C0RT1", text="Raise your hand")
    body = action_body("raise_hand", "Ghana", "U0ALICE", "C0RT1", message_ts=message["ts"])

    assert await post_signed(session, events_url, SECRET, body, retry_num=1) == (200, "")
    assert slack.messages[message["ts"]]["text"] == "hand: Ghana"


async def test_bolt_in_socket_mode_acks_over_the_websocket(slack: FakeSlack) -> None:
    handler = AsyncSocketModeHandler(ping_app(slack), app_token="xapp-1-A1-1-x")
    try:
        await handler.connect_async()
        command = slash_payload("/ping", "now", "U0BOB", "C0RT1", response_url=slack.response_url("ping-2"))
        command_ack = await slack.socket_send("slash_commands", command)
        pong_ts = next(iter(slack.messages))
        click = action_payload("raise_hand", "Chile", "U0BOB", "C0RT1", message_ts=pong_ts)
        click_ack = await slack.socket_send("interactive", click)
    finally:
        await handler.close_async()

    assert command_ack["payload"] == {"text": "pong"}
    assert set(click_ack) == {"envelope_id"}  # a bare ack() sends no payload
    assert slack.messages[pong_ts]["text"] == "hand: Chile"
    assert slack.calls_to("apps.connections.open")[0].token == "xapp-1-A1-1-x"
    assert [call.token for call in slack.calls_to("chat.postMessage")] == ["xoxb-test"]
