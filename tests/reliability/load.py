"""The load: /hand then /statement from many users, signed, retried as Slack retries a delivery that failed."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import aiohttp

from tests.reliability.servers import SECRET
from tests.slack.signed import post_signed, slash_body

ATTEMPT_TIMEOUT = 3.0  # seconds: Slack gives an app 3 s to answer before it counts the delivery as failed
MAX_ATTEMPTS = 40
COMMAND_DEADLINE = 40.0  # seconds from the first attempt; then the command is given up as never acknowledged
RETRY_ERRORS = (aiohttp.ClientError, TimeoutError)


@dataclass
class Command:
    """One slash command as Slack would deliver it, under one trigger id, and what became of it."""

    user: str
    command: str
    text: str
    trigger_id: str
    attempts: int = 0
    status: int | None = None  # the last HTTP status, None when the last attempt got no answer
    answer: str = ""  # the text of the acknowledgement (empty for a bare 200)
    failures: list[str] = field(default_factory=list)

    @property
    def acknowledged(self) -> bool:
        return self.status == 200

    def _last(self) -> str:
        return f"last answer HTTP {self.status}" if self.status else "no answer"

    def describe(self) -> str:
        """`/statement by U… [trigger id], 3 attempts (2× ClientConnectorError, 500): 'the answer'`."""
        failed = ", ".join(f"{n}× {what}" if n > 1 else what for what, n in Counter(self.failures).items())
        tries = f"{self.attempts} attempt(s)" + (f" ({failed})" if failed else "")
        answer = repr(self.answer[:80]) if self.acknowledged else f"never acknowledged ({self._last()})"
        return f"{self.command} by {self.user} [{self.trigger_id}], {tries}: {answer}"


def answer_text(body: str) -> str:
    """The text the app answered privately: a JSON body's `text`, or the raw body (empty for a bare 200)."""
    try:
        parsed = json.loads(body)
    except ValueError:
        return body
    return str(parsed.get("text", body)) if isinstance(parsed, dict) else body


@dataclass
class Sender:
    """Delivers commands to a replica `urls` offers (at random), retrying failed deliveries with X-Slack-Retry-Num."""

    http: aiohttp.ClientSession
    channel_id: str
    urls: Callable[[], Sequence[str]]
    rng: random.Random
    sent: list[Command] = field(default_factory=list)
    finished: asyncio.Condition = field(default_factory=asyncio.Condition)  # `done` went up
    done: int = 0

    def new(self, user: str, command: str, text: str = "") -> Command:
        serial = len(self.sent) + 1
        trigger = f"{1605174000 + serial}.{self.rng.randrange(10**9)}.{self.rng.getrandbits(80):020x}"
        self.sent.append(made := Command(user, command, text, trigger))
        return made

    async def deliver(self, command: Command) -> Command:
        body = slash_body(command.command, command.text, command.user, self.channel_id,
                          channel_name="gcm-rt1", trigger_id=command.trigger_id)  # fmt: skip
        started = time.monotonic()
        while command.attempts < MAX_ATTEMPTS and time.monotonic() - started < COMMAND_DEADLINE:
            retry = command.attempts or None  # no retry header on the first delivery, then 1, 2, 3…
            command.attempts += 1
            if await self._attempt(command, body, retry):
                break
            await asyncio.sleep(self._backoff(command.attempts))
        async with self.finished:
            self.done += 1
            self.finished.notify_all()
        return command

    async def _attempt(self, command: Command, body: str, retry: int | None) -> bool:
        url = self.rng.choice(self.urls())
        reason = "http_timeout" if command.failures[-1:] == ["TimeoutError"] else "http_error"
        try:
            async with asyncio.timeout(ATTEMPT_TIMEOUT):
                status, text = await post_signed(self.http, url, SECRET, body, retry_num=retry, retry_reason=reason)
        except RETRY_ERRORS as error:
            command.status = None
            command.failures.append(type(error).__name__)
            return False
        command.status, command.answer = status, answer_text(text)
        if status >= 500:
            command.failures.append(str(status))
            return False
        return True

    def _backoff(self, attempt: int) -> float:
        """A short, jittered pause before the next try (Slack waits longer; the test has less time)."""
        return min(0.05 * 2.0 ** min(attempt, 5), 1.0) * (0.5 + self.rng.random())

    async def wait_done(self, count: int) -> None:
        """Return once `count` commands have an outcome (acknowledged or given up)."""
        async with self.finished:
            await self.finished.wait_for(lambda: self.done >= count)


def statement_of(user: str) -> str:
    return f"Statement of {user}: migration should be safe, orderly and regular."


async def speak(sender: Sender, user: str, limit: asyncio.Semaphore) -> None:
    """One participant: raise a hand, and once that is acknowledged, send a statement."""
    async with limit:
        hand = await sender.deliver(sender.new(user, "/hand"))
    if not hand.acknowledged:
        return
    async with limit:
        await sender.deliver(sender.new(user, "/statement", statement_of(user)))
