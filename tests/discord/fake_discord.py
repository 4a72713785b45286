"""A fake Discord on 127.0.0.1: the REST routes and the gateway discord.py uses, so the real client runs against it."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

APP_ID, BOT_ID, GUILD_ID = 1100000000000000001, 1100000000000000002, 1100000000000000003
STAMP = "2020-11-12T09:00:00+00:00"


@dataclass
class Interaction:
    """One interaction sent to the bot, and what it answered: its callback and its follow-ups."""

    id: int
    token: str
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    followups: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ephemeral(self) -> bool:
        flags = [m.get("flags", 0) for m in self.messages] or [self.callbacks[0].get("data", {}).get("flags", 0)]
        return all(flag & 64 for flag in flags)

    @property
    def messages(self) -> list[dict[str, Any]]:
        first = [c["data"] for c in self.callbacks if c["type"] == 4]
        return first + self.followups

    @property
    def text(self) -> str:
        return "\n".join(m.get("content") or "" for m in self.messages)


class FakeDiscord:
    """One guild with text channels and roles, users, the messages posted, the commands synced, the interactions."""

    def __init__(self, channels: list[str], users: dict[int, str], roles: dict[str, int] | None = None) -> None:
        self._ids = itertools.count(1200000000000000001)
        self.channels = {name: next(self._ids) for name in channels}  # name -> id
        self.users = dict(users)
        self.roles = dict(roles or {})  # name -> id
        self.messages: dict[int, dict[str, Any]] = {}
        self.commands: list[dict[str, Any]] = []
        self.interactions: dict[int, Interaction] = {}
        self.dms: dict[int, int] = {}  # DM channel -> user
        self.calls: list[tuple[str, str]] = []
        self.changed = asyncio.Condition()
        self._sockets: list[web.WebSocketResponse] = []
        self._sequence = itertools.count(2)
        self.base = ""

    # --- what tests do ---------------------------------------------------------------------------------------

    async def wait(self, check: Callable[[], Any], within: float = 10.0) -> Any:
        """Wait (without sleeping) until `check()` is truthy; its value."""
        async with self.changed:
            return await asyncio.wait_for(self.changed.wait_for(check), within)

    async def interact(self, payload: dict[str, Any]) -> Interaction:
        """Send an INTERACTION_CREATE down the gateway; the interaction, answered when its callback arrived."""
        await self.wait(lambda: self._sockets)
        record = self.interactions.setdefault(int(payload["id"]), Interaction(int(payload["id"]), payload["token"]))
        frame = {"op": 0, "t": "INTERACTION_CREATE", "s": next(self._sequence), "d": payload}
        await self._sockets[-1].send_str(json.dumps(frame))
        await self.wait(lambda: record.callbacks and (record.callbacks[0]["type"] != 5 or record.followups))
        return record

    def in_channel(self, name: str) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if m["channel_id"] == str(self.channels[name])]

    def dms_to(self, user: int) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if self.dms.get(int(m["channel_id"])) == user]

    # --- the REST API ----------------------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application()
        api = "/api/v10"
        routes = [
            ("GET", "/users/@me", self._me),
            ("GET", "/oauth2/applications/@me", self._application),
            ("PUT", "/applications/{app}/guilds/{guild}/commands", self._sync),
            ("GET", "/guilds/{guild}/channels", self._guild_channels),
            ("POST", "/channels/{channel}/messages", self._post),
            ("PATCH", "/channels/{channel}/messages/{message}", self._edit),
            ("DELETE", "/channels/{channel}/messages/{message}", self._delete),
            ("POST", "/users/@me/channels", self._open_dm),
            ("POST", "/interactions/{id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            ("PATCH", "/webhooks/{app}/{token}/messages/{message}", self._edit_original),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, api + path, self._logged(handler))
        app.router.add_get("/gateway", self._gateway)
        return app

    def _logged(self, handler: Callable[[web.Request], Any]) -> Callable[[web.Request], Any]:
        async def handle(request: web.Request) -> web.StreamResponse:
            self.calls.append((request.method, request.path))
            response = await handler(request)
            async with self.changed:
                self.changed.notify_all()
            return response

        return handle

    async def _me(self, _: web.Request) -> web.Response:
        return _json(self._user(BOT_ID, "podium", bot=True))

    async def _application(self, _: web.Request) -> web.Response:
        owner = self._user(BOT_ID, "owner")
        return _json({
            "id": str(APP_ID), "name": "Podium", "description": "", "icon": None, "bot_public": False,
            "bot_require_code_grant": False, "owner": owner, "verify_key": "0" * 64, "flags": 0,
        })  # fmt: skip

    async def _sync(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.commands = [
            {**c, "id": str(next(self._ids)), "application_id": str(APP_ID), "guild_id": str(GUILD_ID), "version": "1",
             "type": c.get("type", 1), "default_member_permissions": None}
            for c in body
        ]  # fmt: skip
        return _json(self.commands)

    async def _guild_channels(self, _: web.Request) -> web.Response:
        return _json([self._channel(name, cid) for name, cid in self.channels.items()])

    async def _post(self, request: web.Request) -> web.Response:
        body = await _body(request)
        return _json(self._store(request.match_info["channel"], body))

    async def _edit(self, request: web.Request) -> web.Response:
        message = self.messages.get(int(request.match_info["message"]))
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        message.update(await _body(request))
        message["edits"] = message.get("edits", 0) + 1
        return _json(message)

    async def _delete(self, request: web.Request) -> web.Response:
        self.messages.pop(int(request.match_info["message"]), None)
        return web.Response(status=204)

    async def _open_dm(self, request: web.Request) -> web.Response:
        user = int((await request.json())["recipient_id"])
        channel = next((c for c, u in self.dms.items() if u == user), None) or next(self._ids)
        self.dms[channel] = user
        return _json({"id": str(channel), "type": 1, "recipients": [self._user(user, self.users.get(user, "x"))]})

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self.interactions[int(request.match_info["id"])]
        body = await _body(request)
        interaction.callbacks.append(body)
        data = body.get("data") or {}
        message = {**self._message("0", data), "flags": data.get("flags", 0)}
        answer = {
            "interaction": {"id": str(interaction.id), "type": 2, "response_message_id": message["id"],
                            "response_message_loading": body["type"] == 5,
                            "response_message_ephemeral": bool(data.get("flags", 0) & 64)},
            "resource": {"type": body["type"], "message": message} if body["type"] == 4 else {"type": body["type"]},
        }  # fmt: skip
        return _json(answer)

    async def _followup(self, request: web.Request) -> web.Response:
        interaction = next(i for i in self.interactions.values() if i.token == request.match_info["token"])
        message = self._message("0", await _body(request))
        interaction.followups.append(message)
        return _json(message)

    async def _edit_original(self, request: web.Request) -> web.Response:
        return _json(self._message("0", await _body(request)))

    # --- the gateway -----------------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45000}}))
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            if message["op"] == 1:
                await socket.send_str(json.dumps({"op": 11}))
            elif message["op"] == 2:
                await self._ready(socket)
        if socket in self._sockets:
            self._sockets.remove(socket)
        return socket

    async def _ready(self, socket: web.WebSocketResponse) -> None:
        ready = {
            "v": 10, "user": self._user(BOT_ID, "podium", bot=True),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": "fake", "resume_gateway_url": self.base.replace("http", "ws") + "/gateway",
            "application": {"id": str(APP_ID), "flags": 0},
        }  # fmt: skip
        await socket.send_str(json.dumps({"op": 0, "t": "READY", "s": 1, "d": ready}))
        guild = {
            "id": str(GUILD_ID), "name": "UNECE", "owner_id": str(BOT_ID), "unavailable": False, "member_count": 1,
            "roles": [{"id": str(GUILD_ID), "name": "@everyone", "permissions": "0", "position": 0, "color": 0,
                       "hoist": False, "managed": False, "mentionable": False}]
            + [{"id": str(rid), "name": name, "permissions": "0", "position": 1, "color": 0, "hoist": False,
                "managed": False, "mentionable": False} for name, rid in self.roles.items()],
            "channels": [self._channel(name, cid) for name, cid in self.channels.items()],
            "members": [], "emojis": [], "stickers": [], "features": [], "threads": [], "voice_states": [],
        }  # fmt: skip
        await socket.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": next(self._sequence), "d": guild}))
        self._sockets.append(socket)
        async with self.changed:
            self.changed.notify_all()

    # --- payloads --------------------------------------------------------------------------------------------

    def _store(self, channel: str, body: dict[str, Any]) -> dict[str, Any]:
        message = self._message(channel, body)
        self.messages[int(message["id"])] = message
        return message

    def _message(self, channel: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": str(next(self._ids)), "channel_id": channel, "type": 0, "content": body.get("content") or "",
            "author": self._user(BOT_ID, "podium", bot=True), "embeds": body.get("embeds") or [],
            "components": body.get("components") or [], "attachments": body.get("attachments") or [],
            "files": body.get("files", []), "allowed_mentions": body.get("allowed_mentions"),
            "mentions": [], "mention_roles": [], "pinned": False, "mention_everyone": False, "tts": False,
            "timestamp": STAMP, "edited_timestamp": None, "flags": body.get("flags", 0),
        }  # fmt: skip

    @staticmethod
    def _user(user: int, name: str, *, bot: bool = False) -> dict[str, Any]:
        return {
            "id": str(user),
            "username": name,
            "discriminator": "0",
            "avatar": None,
            "global_name": name,
            "bot": bot,
        }

    @staticmethod
    def _channel(name: str, channel: int) -> dict[str, Any]:
        return {"id": str(channel), "type": 0, "guild_id": str(GUILD_ID), "name": name, "position": 0,
                "permission_overwrites": []}  # fmt: skip


async def _body(request: web.Request) -> dict[str, Any]:
    """JSON, or multipart with payload_json and files (kept as name and bytes)."""
    if not request.content_type.startswith("multipart/"):
        return await request.json() if request.can_read_body else {}
    form = await request.post()
    body = json.loads(str(form.get("payload_json", "{}")))
    body["files"] = [
        {"filename": part.filename, "data": part.file.read()} for key, part in form.items() if key.startswith("files[")
    ]  # type: ignore[union-attr]
    return body


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py parses JSON only under exactly this content type (aiohttp's json_response adds a charset).
    return web.Response(
        body=json.dumps(data, default=lambda _: None).encode(),
        status=status,
        headers={"Content-Type": "application/json"},
    )


@asynccontextmanager
async def serve(fake: FakeDiscord) -> AsyncIterator[str]:
    """The fake on a free port of 127.0.0.1; its base URL (REST at /api/v10, the gateway at /gateway)."""
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.base = f"http://127.0.0.1:{port}"
    try:
        yield fake.base
    finally:
        for socket in list(fake._sockets):
            await socket.close()
        await runner.cleanup()
