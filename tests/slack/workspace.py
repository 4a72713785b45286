"""The state of a fake Slack workspace and its Web API answers, free of HTTP so any transport can serve it."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

TEAM_ID, BOT_USER_ID, BOT_ID, APP_ID = "T0PODIUM", "UBOT", "BBOT", "A0PODIUM"
DEFAULT_CHANNELS = {"general": "C0GENERAL", "rt1": "C0RT1", "rt2": "C0RT2"}
DEFAULT_USERS: dict[str, dict[str, Any]] = {
    "U0ALICE": {"name": "alice", "real_name": "Alice Ames", "tz": "Europe/Zurich"},
    "U0BOB": {"name": "bob", "real_name": "Bob Brown", "tz": "America/New_York"},
}
_FIRST_TS = 1605171600 * 1_000_000  # 2020-11-12 09:00 UTC, in microseconds


@dataclass
class Upload:
    """A file's bytes from the upload URL; `completed` once files.completeUploadExternal shared it."""

    file_id: str
    filename: str
    data: bytes = b""
    title: str | None = None
    channels: list[str] = field(default_factory=list)
    initial_comment: str | None = None
    thread_ts: str | None = None
    completed: bool = False


class Workspace:
    """Channels, users, posted messages and uploaded files; `answer` plays one Web API method."""

    def __init__(self, channels: dict[str, str] | None = None, users: dict[str, dict[str, Any]] | None = None):
        self.channels = dict(DEFAULT_CHANNELS if channels is None else channels)  # name -> id
        self.users = dict(DEFAULT_USERS if users is None else users)  # id -> partial user, filled in on read
        self.messages: dict[str, dict[str, Any]] = {}  # ts -> message, with its "channel"
        self.uploads: dict[str, Upload] = {}
        self.base_url = ""  # set once served: upload and websocket URLs point back at it
        self._ids = itertools.count(1)
        self._open_dms: set[str] = set()

    def answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """The body Slack would answer `method` with; {"ok": true} for methods the fake does not model."""
        handler = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.postEphemeral": self._post_ephemeral,
            "conversations.list": self._conversations_list,
            "conversations.open": self._conversations_open,
            "users.info": self._users_info,
            "users.list": self._users_list,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "apps.connections.open": self._connections_open,
        }.get(method)
        return handler(args) if handler else {"ok": True}

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):07d}"

    def _channel(self, value: str) -> str | None:
        """The channel id Slack would post to, or None (channel_not_found); user ids mean the bot's DM."""
        if value in self.channels.values() or value in self._open_dms:
            return value
        if value.removeprefix("#") in self.channels:
            return self.channels[value.removeprefix("#")]
        if value in self.users:
            self._open_dms.add(f"D{value}")
            return f"D{value}"
        return None

    def _next_ts(self) -> str:
        micros = _FIRST_TS + 100 * next(self._ids)
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _connections_open(self, _: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws{self.base_url.removeprefix('http')}/link"}

    def _auth_test(self, _: dict[str, Any]) -> dict[str, Any]:
        team = {"url": "https://podium.slack.com/", "team": "Podium", "team_id": TEAM_ID}
        return {"ok": True, **team, "user": "podium", "user_id": BOT_USER_ID, "bot_id": BOT_ID}

    def _post_message(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(str(args.get("channel", "")))
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        if not any(args.get(key) for key in ("text", "blocks", "attachments")):
            return {"ok": False, "error": "no_text"}
        ts = self._next_ts()
        message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "text": args.get("text", ""), "ts": ts}
        message |= {key: args[key] for key in ("blocks", "attachments", "thread_ts") if key in args}
        self.messages[ts] = message | {"channel": channel}
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _update(self, args: dict[str, Any]) -> dict[str, Any]:
        stored = self.messages.get(str(args.get("ts")))
        channel = self._channel(str(args.get("channel", "")))
        if stored is None or stored["channel"] != channel:
            return {"ok": False, "error": "message_not_found"}
        stored |= {key: args[key] for key in ("text", "blocks", "attachments") if key in args}
        message = {key: value for key, value in stored.items() if key != "channel"}
        return {"ok": True, "channel": channel, "ts": stored["ts"], "text": stored["text"], "message": message}

    def _post_ephemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        if self._channel(str(args.get("channel", ""))) is None:
            return {"ok": False, "error": "channel_not_found"}
        if args.get("user") not in self.users:
            return {"ok": False, "error": "user_not_in_channel"}
        return {"ok": True, "message_ts": self._next_ts()}

    def _conversations_list(self, args: dict[str, Any]) -> dict[str, Any]:
        limit = int(args.get("limit") or 0) or 100  # Slack treats 0 as "the default"
        try:  # cursors are opaque base64, as Slack's are, so callers cannot do arithmetic on them
            start = int(base64.b64decode(args["cursor"]).decode().removeprefix("offset:")) if args.get("cursor") else 0
        except ValueError:
            return {"ok": False, "error": "invalid_cursor"}
        everything = [
            {"id": cid, "name": name, "is_channel": True, "is_private": False, "is_archived": False, "is_member": True}
            for name, cid in self.channels.items()
        ]
        end = start + limit
        next_cursor = base64.b64encode(f"offset:{end}".encode()).decode() if end < len(everything) else ""
        return {"ok": True, "channels": everything[start:end], "response_metadata": {"next_cursor": next_cursor}}

    def _conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        users = [user for user in str(args.get("users", "")).split(",") if user]
        if not users or any(user not in self.users for user in users):
            return {"ok": False, "error": "user_not_found"}
        channel = f"D{users[0]}" if len(users) == 1 else "G" + "".join(sorted(users))
        self._open_dms.add(channel)
        return {"ok": True, "channel": {"id": channel}}

    def _users_list(self, args: dict[str, Any]) -> dict[str, Any]:
        """The workspace's members, a page at a time (`limit`, then `cursor`: the next member's index)."""
        ids = sorted(self.users)
        start, limit = int(args.get("cursor") or 0), int(args.get("limit") or 100)
        members = [self._user(user_id) for user_id in ids[start : start + limit]]
        following = str(start + limit) if start + limit < len(ids) else ""
        return {"ok": True, "members": members, "response_metadata": {"next_cursor": following}}

    def _users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user_id = str(args.get("user"))
        if user_id not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": self._user(user_id)}

    def _user(self, user_id: str) -> dict[str, Any]:
        raw = self.users[user_id]
        name, tz = raw.get("name", user_id.lower()), raw.get("tz", "UTC")
        real_name = raw.get("real_name", name)
        offset = datetime.now(ZoneInfo(tz)).utcoffset()
        user = {"id": user_id, "team_id": TEAM_ID, "name": name, "real_name": real_name, "deleted": False}
        user |= {"is_bot": False, "tz": tz, "tz_label": tz, "tz_offset": int(offset.total_seconds()) if offset else 0}
        profile = {"display_name": name, "real_name": real_name} | raw.get("profile", {})
        return {"locale": "en-US"} | user | raw | {"profile": profile}

    def _upload_url(self, args: dict[str, Any]) -> dict[str, Any]:
        if not args.get("filename") or not args.get("length"):
            return {"ok": False, "error": "invalid_arguments"}
        file_id = self.next_id("F")
        self.uploads[file_id] = Upload(file_id, str(args["filename"]))
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def _complete_upload(self, args: dict[str, Any]) -> dict[str, Any]:
        files = args.get("files") or []
        if not files or any(item.get("id") not in self.uploads for item in files):
            return {"ok": False, "error": "file_not_found"}
        wanted = [c for c in str(args.get("channels") or args.get("channel_id") or "").split(",") if c]
        channels = [self._channel(c) for c in wanted]
        if None in channels:
            return {"ok": False, "error": "channel_not_found"}
        shared = []
        for item in files:
            upload = self.uploads[item["id"]]
            upload.title, upload.channels = item.get("title") or upload.filename, [c for c in channels if c]
            upload.initial_comment, upload.thread_ts = args.get("initial_comment"), args.get("thread_ts")
            upload.completed = True
            shared.append({"id": upload.file_id, "title": upload.title, "name": upload.filename})
        return {"ok": True, "files": shared}
