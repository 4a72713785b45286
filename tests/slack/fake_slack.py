"""A local fake of Slack (Web API, file uploads, response_url, Socket Mode) served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import WSMsgType, web

from tests.slack.workspace import APP_ID, DEFAULT_CHANNELS, DEFAULT_USERS, TEAM_ID, Upload, Workspace

__all__ = ["APP_ID", "DEFAULT_CHANNELS", "DEFAULT_USERS", "TEAM_ID", "Call", "FakeSlack", "Upload", "serve"]

# slack_sdk sends these as JSON strings in forms and query strings but as objects in JSON bodies;
# decoding them lets a test assert on one shape whichever way the client sent them.
_JSON_FIELDS = frozenset({"blocks", "attachments", "files", "view", "metadata"})


@dataclass
class Call:
    """One request the fake answered; `failed` when it did not answer ok (injected, bad token, Slack error)."""

    method: str
    token: str | None
    args: dict[str, Any]
    failed: bool = False
    path: str = ""
    answer: dict[str, Any] = field(default_factory=dict)  # what the fake answered (a posted message's ts)


@asynccontextmanager
async def serve(app: web.Application) -> AsyncIterator[str]:
    """Serve an aiohttp app on 127.0.0.1 at a free port; yields its base URL (no trailing slash)."""
    # A short shutdown timeout: a request left hanging by a failed test must not stall teardown for 60 s.
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


class FakeSlack(Workspace):
    """`async with FakeSlack() as slack:` serves the fake; point slack_sdk at `slack.api_url`."""

    def __init__(self, channels: dict[str, str] | None = None, users: dict[str, dict[str, Any]] | None = None):
        super().__init__(channels, users)
        self.calls: list[Call] = []
        self.app = web.Application()
        self.app.add_routes(
            [
                web.post("/api/{method}", self._api),
                web.get("/api/{method}", self._api),  # slack_sdk GETs conversations.list and users.info
                web.post("/upload/{file_id}", self._upload),
                web.post("/respond/{name}", self._respond),
                web.get("/link", self._link),
                web.get("/files/{name}", self._file),
            ]
        )
        self.files: dict[str, bytes] = {}  # shared files, served to a bearer of a bot token as url_private is
        self._failures: dict[str, deque[tuple[int, int, str | None]]] = defaultdict(deque)
        self._changed = asyncio.Condition()
        self._ws: web.WebSocketResponse | None = None
        self._ws_ready = asyncio.Event()
        self._acks: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._serving: AbstractAsyncContextManager[str] | None = None

    async def __aenter__(self) -> Self:
        self._serving = serve(self.app)
        self.base_url = await self._serving.__aenter__()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._ws is not None:  # an open websocket would hold the server's shutdown
            await self._ws.close()
        assert self._serving is not None
        await self._serving.__aexit__(None, None, None)

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base_url}/respond/{name}"

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    # The timeouts below are part of the API on purpose (ASYNC109): a helper that waits on the code under test
    # must fail fast with a message naming what never came, not hang the test run.
    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:  # noqa: ASYNC109
        """Wait until `count` calls to `method` arrived (failed ones too); returns all calls to it."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: len(self.calls_to(method)) >= count), timeout)
            except TimeoutError:
                seen = [call.method for call in self.calls]
                raise AssertionError(f"wanted {count} call(s) to {method} in {timeout}s; got {seen}") from None
            return self.calls_to(method)

    def fail_next(
        self, method: str, status: int = 429, retry_after: int = 1, times: int = 1, error: str | None = None
    ) -> None:
        """Answer the next `times` calls to `method` (or "response_url") with `status` and Retry-After.

        `error` is the body's error (else "ratelimited" for a 429, "internal_error" otherwise): Slack refuses for
        good with a 200 and {"ok": false, "error": "channel_not_found"}.
        """
        self._failures[method].extend([(status, retry_after, error)] * times)

    async def socket_connected(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        try:
            await asyncio.wait_for(self._ws_ready.wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"no Socket Mode client connected in {timeout}s") from None

    async def socket_send(
        self,
        type_: str,
        payload: dict[str, Any],
        accepts_response_payload: bool = True,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        """Push an envelope to the Socket Mode client and return its ack {"envelope_id", "payload"?}."""
        await self.socket_connected(timeout)
        assert self._ws is not None
        envelope_id = self.next_id("env-")
        envelope: dict[str, Any] = {"envelope_id": envelope_id, "type": type_, "payload": payload}
        envelope["accepts_response_payload"] = accepts_response_payload
        if type_ == "events_api":
            envelope |= {"retry_attempt": 0, "retry_reason": ""}
        self._acks[envelope_id] = ack = asyncio.get_running_loop().create_future()
        try:
            await self._ws.send_json(envelope)
            return await asyncio.wait_for(ack, timeout)
        except TimeoutError:
            # Bolt acks nothing when the app answered non-200, e.g. 404 because no listener matched.
            raise AssertionError(f"no ack for {type_} envelope in {timeout}s (no matching listener?)") from None
        finally:
            self._acks.pop(envelope_id, None)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _injected_failure(self, method: str) -> web.Response | None:
        if not self._failures[method]:
            return None
        status, retry_after, error = self._failures[method].popleft()
        error = error or ("ratelimited" if status == 429 else "internal_error")
        return _json({"ok": False, "error": error}, status, {"Retry-After": str(retry_after)})

    async def _api(self, request: web.Request) -> web.Response:
        method, args = request.match_info["method"], await _read_args(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else args.get("token")
        args.pop("token", None)
        if (failure := self._injected_failure(method)) is not None:
            await self._record(Call(method, token, args, failed=True, path=request.path))
            return failure
        prefix = "xapp-" if method == "apps.connections.open" else "xoxb-"
        if not (token or "").startswith(prefix):
            body: dict[str, Any] = {"ok": False, "error": "invalid_auth"}
        else:
            body = self.answer(method, args)
        # Effects land before the call is announced, so a test woken by wait_for sees them.
        await self._record(Call(method, token, args, failed=not body["ok"], path=request.path, answer=body))
        return _json(body)

    async def _upload(self, request: web.Request) -> web.Response:
        upload = self.uploads.get(request.match_info["file_id"])
        if upload is None:
            return web.Response(status=404, text="file_not_found")
        if request.content_type == "multipart/form-data":
            fields = [value for value in (await request.post()).values() if isinstance(value, web.FileField)]
            upload.data = fields[0].file.read() if fields else b""
        else:  # slack_sdk's files_upload_v2 POSTs the raw bytes
            upload.data = await request.read()
        return web.Response(text=f"OK - {len(upload.data)}")  # what files.slack.com answers, text/plain

    def share(self, name: str, data: bytes) -> dict[str, Any]:
        """A file shared in a message: what Slack puts in the message's `files`, pointing back at this fake."""
        self.files[name] = data
        url = f"{self.base_url}/files/{name}"
        return {"id": f"F{len(self.files):05d}", "name": name, "size": len(data), "url_private_download": url}

    async def _file(self, request: web.Request) -> web.Response:
        await self._record(Call("files.download", None, {"name": request.match_info["name"]}, path=request.path))
        if not request.headers.get("Authorization", "").startswith("Bearer xoxb-"):
            return web.Response(status=403, text="a bot token is needed")  # Slack answers a login page
        data = self.files.get(request.match_info["name"])
        return web.Response(body=data) if data is not None else web.Response(status=404)

    async def _respond(self, request: web.Request) -> web.Response:
        args = await request.json()
        failure = self._injected_failure("response_url")
        await self._record(Call("response_url", None, args, failed=failure is not None, path=request.path))
        return failure or _json({"ok": True})

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        ws = self._ws = web.WebSocketResponse()
        await ws.prepare(request)
        hello = {"type": "hello", "num_connections": 1, "debug_info": {"host": "fake"}}
        await ws.send_json(hello | {"connection_info": {"app_id": APP_ID}})
        self._ws_ready.set()
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    ack = json.loads(message.data)
                    future = self._acks.get(ack.get("envelope_id"))
                    if future is not None and not future.done():
                        future.set_result(ack)
        finally:
            if self._ws is ws:
                self._ws = None
                self._ws_ready.clear()
        return ws


async def _read_args(request: web.Request) -> dict[str, Any]:
    """Query string plus body, whichever encoding slack_sdk chose for this method (query, form, JSON, multipart)."""
    args: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        args |= await request.json()
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for key, value in (await request.post()).items():
            args[key] = value.file.read() if isinstance(value, web.FileField) else value
    for key in _JSON_FIELDS & args.keys():
        if isinstance(args[key], str) and args[key].startswith(("[", "{")):
            args[key] = json.loads(args[key])
    return args


def _json(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": json_response's "; charset=utf-8" trips clients that compare the whole header.
    headers = {"Content-Type": "application/json"} | (headers or {})
    return web.Response(body=json.dumps(body).encode(), status=status, headers=headers)
