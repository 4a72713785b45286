"""Load generator for bench.slack, run in its own process: N clients POST signed /hand commands; prints JSON."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import itertools
import json
import statistics
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp

# Podium answers a slash command in its HTTP response; response_url is never called for /hand.
RESPONSE_URL = "http://127.0.0.1:9/respond/unused"


class Requests:
    """Form-encoded /hand commands as Slack sends them, each from a new user with a new trigger id, signed."""

    def __init__(self, secret: str, channel_id: str, channel_name: str, prefix: str) -> None:
        self.key = secret.encode()
        self.prefix = prefix
        self.serial = itertools.count(1)
        self.fixed = urlencode(
            {
                "token": "verification-token-unused",
                "team_id": "T0BENCH",
                "team_domain": "podium",
                "channel_id": channel_id,
                "channel_name": channel_name,
                "command": "/hand",
                "text": "",
                "api_app_id": "A0BENCH",
                "is_enterprise_install": "false",
                "response_url": RESPONSE_URL,
            }
        )

    def next(self) -> tuple[bytes, dict[str, str]]:
        n = next(self.serial)
        user = f"{self.prefix}{n:05d}"
        body = f"{self.fixed}&user_id={user}&user_name={user}&trigger_id={1605171600 + n}.738474920.{n:021x}"
        ts = str(int(time.time()))
        digest = hmac.new(self.key, f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={digest}",
        }
        return body.encode(), headers


@dataclass
class Tally:
    """What the measured window saw: latencies of good answers, the count of bad ones, the last finish."""

    measure_from: float
    answered: int = 0  # warm-up included: the server's CPU time is divided by it
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    last_done: float = 0.0

    def add(self, began: float, done: float, problem: str | None) -> None:
        self.answered += 1
        if began < self.measure_from:
            return  # warm-up
        self.last_done = max(self.last_done, done)
        if problem is None:
            self.latencies.append((done - began) * 1000)
        else:
            self.errors += 1
            self.first_error = self.first_error or problem

    def report(self) -> dict[str, Any]:
        seconds = max(self.last_done - self.measure_from, 1e-9)
        lat = sorted(self.latencies) or [0.0]
        return {
            "count": len(self.latencies),
            "answered": self.answered,
            "errors": self.errors,
            "seconds": round(seconds, 3),
            "rps": round(len(self.latencies) / seconds, 1),
            "p50_ms": round(statistics.median(lat), 3),
            "p99_ms": round(lat[int(0.99 * (len(lat) - 1))], 3),
            "first_error": self.first_error,
        }


async def load(url: str, requests: Requests, *, clients: int, warmup: float, duration: float, expect: str) -> Tally:
    """`clients` workers on keep-alive connections, each sending its next request as soon as one is answered."""
    started = time.perf_counter()
    tally = Tally(started + warmup)
    stop = tally.measure_from + duration
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:

        async def worker() -> None:
            while (began := time.perf_counter()) < stop:
                body, headers = requests.next()
                try:
                    async with session.post(url, data=body, headers=headers) as response:
                        text = await response.text()
                    good = response.status == 200 and expect in text
                    problem = None if good else f"HTTP {response.status}: {text[:200]!r}"
                except (aiohttp.ClientError, TimeoutError) as error:
                    problem = repr(error)
                tally.add(began, time.perf_counter(), problem)

        await asyncio.gather(*(worker() for _ in range(clients)))
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.slack_load")
    parser.add_argument("url")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--channel-id", required=True)
    parser.add_argument("--channel-name", default="gcm-rt1")
    parser.add_argument("--prefix", default="bench-", help="user ids are the prefix and a serial number")
    parser.add_argument("--expect", default="", help="text a good answer contains")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of load before measuring")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds measured")
    args = parser.parse_args()
    requests = Requests(args.secret, args.channel_id, args.channel_name, args.prefix)
    tally = asyncio.run(
        load(args.url, requests, clients=args.clients, warmup=args.warmup, duration=args.duration, expect=args.expect)
    )
    print(json.dumps(tally.report()))


if __name__ == "__main__":
    main()
