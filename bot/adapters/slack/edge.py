"""Slack's events endpoint: signed, readable requests go to bolt; junk is refused cheaply, with one log line at most."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping
from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack.payloads import malformed

log = logging.getLogger(__name__)
_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # Unix seconds, as ASCII digits
QUIET_FOR = 60.0  # seconds between two lines about refused requests


class Rejected(Exception):
    """A request answered `status` without reaching bolt; `reason` is ours, never text from the request."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class RefusalLog:
    """At most one WARNING line per `every` seconds about refused requests; the next line counts those held back.

    Junk costs nothing to send: a line (let alone a traceback) per request would let anyone fill the disk.
    """

    def __init__(self, every: float = QUIET_FOR, now: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.now = now  # monotonic seconds; injected so tests need not wait
        self.held = 0
        self._last: float | None = None

    def refused(self, rejected: Rejected, remote: str | None) -> None:
        moment = self.now()
        if self._last is not None and moment - self._last < self.every:
            self.held += 1
            return
        held, self.held, self._last = self.held, 0, moment
        more = f"; {held} more refused since the last such line" if held else ""  # not user-facing: the operator's log
        where = remote or "an unknown address"  # not user-facing: the operator's log
        log.warning(
            "refused a request to the Slack endpoint from %s: %d, %s%s", where, rejected.status, rejected.reason, more
        )


class SlackEdge:
    """The aiohttp handler of the events path, in front of bolt, which answers junk with a 500 and a traceback."""

    def __init__(self, bolt: AsyncApp, signing_secret: str, refusals: RefusalLog) -> None:
        self.bolt = bolt
        self.verifier = SignatureVerifier(signing_secret)
        self.refusals = refusals

    async def handle(self, request: web.Request) -> web.Response:
        try:
            admitted = self._admit(await request.read(), request.query_string, request.headers)
        except Rejected as rejected:
            self.refusals.refused(rejected, request.remote)
            return web.Response(status=rejected.status, text=rejected.reason)
        return await to_aiohttp_response(await self.bolt.async_dispatch(admitted))

    def _admit(self, raw: bytes, query: str, headers: Mapping[str, str]) -> AsyncBoltRequest:
        """The request for bolt, or Rejected: 401 unless signed, 400 unless a body Podium can read."""
        try:
            text = raw.decode("utf-8")  # Slack always sends UTF-8; the signature is over the text
        except UnicodeDecodeError:
            raise Rejected(400, "the body is not UTF-8") from None
        if not self._signed(text, headers) and not _ssl_check(text):
            raise Rejected(401, "no valid signature")
        try:  # bolt reads the body as it builds the request: bad JSON, a list, nesting too deep for the parser…
            request = AsyncBoltRequest(body=text, query=query, headers=dict(headers))
        except (ValueError, TypeError, AttributeError, LookupError, RecursionError):
            raise Rejected(400, "the body cannot be read") from None
        if problem := malformed(request.body):
            raise Rejected(400, problem)
        return request

    def _signed(self, text: str, headers: Mapping[str, str]) -> bool:
        timestamp, signature = headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature")
        # The verifier reads the timestamp with int() and compares ASCII only: anything else would raise.
        if timestamp is None or signature is None or not _TIMESTAMP.fullmatch(timestamp):
            return False
        return signature.isascii() and self.verifier.is_valid(text, timestamp, signature)


def _ssl_check(text: str) -> bool:
    """Slack's check of the certificate, which bolt answers before it verifies anything (and so does this)."""
    return len(text) < 200 and dict(parse_qsl(text)).get("ssl_check") == "1"
