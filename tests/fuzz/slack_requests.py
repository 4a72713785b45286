"""Requests to the Slack endpoint as an adversary sends them: hostile commands signed, junk signed and unsigned.

Run it as a fuzzer: `python -m tests.fuzz.slack_requests --requests 5000 --seed 1` serves Podium's Slack app on
127.0.0.1 against the fake Slack and prints the answers' status codes, and how many were 500s or logged errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from bot.adapters.slack.commands import slash_names
from bot.services.catalogue import command_registry
from tests.fuzz.console_lines import NASTY, WORDS
from tests.slack.harness import SECRET, Running, running_slack
from tests.slack.signed import post_raw, signed_headers, slash_payload
from tests.slack.test_slack_commands import RT1_START

USERS = ("olga", "mod-rt1", "secretariat", "U0NOBODY", "", "\x00", "U\u202e1")
FIELDS = ("command", "text", "user_id", "channel_id", "trigger_id", "team_id", "response_url", "payload")


def hostile_text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.6 else _nasty_word(rng) for _ in range(rng.randint(0, 5))]
    return " ".join(words)


def _nasty_word(rng: random.Random) -> str:
    if rng.random() < 0.02:
        return "y" * rng.choice((5_000, 40_000))
    return "".join(rng.choice(NASTY) if rng.random() < 0.3 else chr(rng.randint(32, 0x2FFF)) for _ in range(6))


def random_request(rng: random.Random, running: Running) -> tuple[bytes, dict[str, str]]:
    """One request's body and headers: mostly real commands with hostile text, the rest junk of every kind."""
    roll = rng.random()
    channels = [*running.slack.channels.values(), "C0UNKNOWN", ""]
    if roll < 0.6:
        command = rng.choice(sorted(slash_names(command_registry())))
        user = rng.choice(USERS)
        reply_to = running.slack.response_url(user)  # slow commands answer there, as Slack lets them
        fields = slash_payload(command, hostile_text(rng), user, rng.choice(channels), response_url=reply_to)
        return _signed(urlencode(fields, errors="surrogatepass"), rng)
    if roll < 0.75:  # a signed form with fields missing or replaced by junk
        fields = {name: hostile_text(rng) for name in rng.sample(FIELDS, rng.randint(0, len(FIELDS)))}
        return _signed(urlencode(fields, errors="surrogatepass"), rng)
    if roll < 0.85:  # a signed interaction payload that is not what bolt expects
        payload = rng.choice([[], {}, {"type": "block_actions"}, {"type": "block_actions", "actions": []}, "x", 1])
        return _signed(urlencode({"payload": json.dumps(payload)}, errors="surrogatepass"), rng)
    if roll < 0.95:  # unsigned bytes, possibly not UTF-8, with headers that may be garbage
        headers = {"X-Slack-Request-Timestamp": rng.choice(["soon", "", "1" * 40, "-1"]), "X-Slack-Signature": "v0=0"}
        if rng.random() < 0.5:  # text, even a real command, that nobody signed
            return urlencode(
                slash_payload("/hand", hostile_text(rng), "olga", channels[0]), errors="replace"
            ).encode(), headers
        return rng.randbytes(rng.randint(0, 200)), headers
    text = hostile_text(rng).encode("utf-8", "replace").decode()  # Slack signs text: no lone surrogates
    return _signed(text, rng)  # a signed body that is no form at all


def _signed(body: str, rng: random.Random) -> tuple[bytes, dict[str, str]]:
    headers = signed_headers(SECRET, body)
    if rng.random() < 0.1:
        headers |= {"X-Slack-Retry-Num": str(rng.randint(1, 3)), "X-Slack-Retry-Reason": "http_timeout"}
    return body.encode(), headers


class Errors(logging.Handler):
    """Counts ERROR records and those carrying a traceback, from every logger."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors = 0
        self.tracebacks = 0
        self.first: list[str] = []  # the first few, to say what they were

    def emit(self, record: logging.LogRecord) -> None:
        self.errors += record.levelno >= logging.ERROR
        self.tracebacks += record.exc_info is not None
        if (record.levelno >= logging.ERROR or record.exc_info) and len(self.first) < 3:
            self.first.append(f"{record.name}: {record.getMessage()[:300]}")


async def fuzz(requests: int, seed: int, folder: Path) -> tuple[Counter[int], Errors]:
    """Send the requests one after another; the status codes seen, and the errors logged meanwhile."""
    rng = random.Random(seed)
    statuses: Counter[int] = Counter()
    errors = Errors()
    logging.getLogger().addHandler(errors)
    try:
        async with running_slack(folder, RT1_START) as running:
            for _ in range(requests):
                body, headers = random_request(rng, running)
                status, _ = await post_raw(running.http, running.url, body, headers)
                statuses[status] += 1
            await running.settled()
    finally:
        logging.getLogger().removeHandler(errors)
    return statuses, errors


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.slack_requests")
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        statuses, errors = asyncio.run(fuzz(options.requests, options.seed, Path(folder)))
    codes = ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items()))
    print(
        f"slack fuzz: {options.requests} requests, seed {options.seed}: {codes}; "
        f"{statuses[500]} answered 500, {errors.errors} errors logged, {errors.tracebacks} tracebacks"
    )
    for line in errors.first:
        print(f"  {line}")
    return 1 if statuses[500] or errors.errors or errors.tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
