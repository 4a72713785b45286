"""Slash commands and button clicks, form-encoded and signed the way Slack sends them to an HTTP-mode app."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp

from tests.slack.workspace import APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID

# Nothing listens on port 9 (discard): a test that forgot to pass a fake's response_url fails at once,
# instead of reaching for hooks.slack.com.
UNREACHABLE_RESPONSE_URL = "http://127.0.0.1:9/respond/unset"
DEFAULT_MESSAGE_TS = "1605171600.000100"
_serial = itertools.count(1)


def _trigger_id() -> str:
    # Slack's trigger ids look like "13345224609.738474920.8088930838d88f008e0"; unique per request.
    n = next(_serial)
    return f"{1605171600 + n}.738474920.{n:021x}"


def slash_payload(
    command: str,
    text: str,
    user_id: str,
    channel_id: str,
    *,
    team_id: str = TEAM_ID,
    channel_name: str = "general",
    user_name: str | None = None,
    response_url: str = UNREACHABLE_RESPONSE_URL,
    trigger_id: str | None = None,
) -> dict[str, str]:
    """The fields of a slash command, as a dict: the Socket Mode payload, or the form before encoding."""
    return {
        "token": "verification-token-unused",  # deprecated verification token; Slack still sends one
        "team_id": team_id,
        "team_domain": "podium",
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name or user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
    }


def slash_body(command: str, text: str, user_id: str, channel_id: str, **fields: Any) -> str:
    """A slash command's form-encoded body, as Slack POSTs it (keywords as for `slash_payload`)."""
    return urlencode(slash_payload(command, text, user_id, channel_id, **fields))


def action_payload(
    action_id: str,
    value: str,
    user_id: str,
    channel_id: str,
    *,
    message_ts: str | None = None,
    block_id: str = "actions",
    response_url: str = UNREACHABLE_RESPONSE_URL,
    team_id: str = TEAM_ID,
) -> dict[str, Any]:
    """A `block_actions` interaction for one button click on a bot message, as a dict (Socket Mode payload)."""
    ts = message_ts or DEFAULT_MESSAGE_TS
    return {
        "type": "block_actions",
        "user": {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id},
        "api_app_id": APP_ID,
        "token": "verification-token-unused",
        "container": {"type": "message", "message_ts": ts, "channel_id": channel_id, "is_ephemeral": False},
        "trigger_id": _trigger_id(),
        "team": {"id": team_id, "domain": "podium"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "general"},
        "message": {"type": "message", "ts": ts, "user": BOT_USER_ID, "bot_id": BOT_ID, "text": "", "blocks": []},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": block_id,
                "text": {"type": "plain_text", "text": value, "emoji": True},
                "value": value,
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }


def action_body(
    action_id: str,
    value: str,
    user_id: str,
    channel_id: str,
    *,
    message_ts: str | None = None,
    response_url: str = UNREACHABLE_RESPONSE_URL,
) -> str:
    """A button click's body: Slack form-encodes the interaction as one `payload` field of JSON."""
    payload = action_payload(action_id, value, user_id, channel_id, message_ts=message_ts, response_url=response_url)
    return urlencode({"payload": json.dumps(payload)})


def signed_headers(secret: str, body: str, *, timestamp: int | str | None = None) -> dict[str, str]:
    """Slack's v0 signature: HMAC-SHA256 of "v0:{timestamp}:{body}" keyed by the app's signing secret."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
    }


async def post_signed(
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    body: str,
    *,
    timestamp: int | str | None = None,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
) -> tuple[int, str]:
    """POST a signed body as Slack would (with its retry headers when `retry_num` is given); (status, text)."""
    headers = signed_headers(secret, body, timestamp=timestamp)
    if retry_num is not None:
        headers |= {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
    return await post_raw(session, url, body.encode(), headers)


async def post_raw(session: aiohttp.ClientSession, url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POST exactly these bytes and headers, as anyone on the internet may; (status, text)."""
    async with session.post(url, data=body, headers=headers) as response:
        return response.status, await response.text()
