"""Benchmark of the live page: 500 open pages of one session, a /hand, and the time until the last page has it.

Podium (SQLite, the live page on a local port) runs here; the 500 event streams are held by another process
(bench.web_viewers), so this process's CPU time per hand is the server's own: the command, the view built once,
and the message written to 500 streams.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from bench.timing import Cells, table
from bot import bootstrap
from bot.adapters.web.keys import session_path
from bot.config import WebSettings
from bot.scheduling.clock import SimulatedClock
from bot.services.commands import Invocation
from tests.web.harness import RT1_START, settings

REPOSITORY = Path(__file__).resolve().parents[1]
VIEWERS = 500
GOAL_MS = 200.0


@dataclass(frozen=True)
class WebRow:
    name: str
    runs: int
    latencies_ms: list[float]
    cpu_ms: float

    def cells(self) -> list[str]:
        ordered = sorted(self.latencies_ms)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        met = "met" if p99 < GOAL_MS else "not met"
        goal = f"p99 {p99:.0f} ms < {GOAL_MS:.0f} ms ({met}); server CPU {self.cpu_ms:.1f} ms per hand"
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        return [self.name, str(self.runs), f"{statistics.median(ordered):.1f}", f"{p95:.1f}", goal]


def rows(quick: bool) -> list[Cells]:
    hands = 10 if quick else 40
    latencies, cpu = asyncio.run(_measure(VIEWERS, hands))
    name = f"live page: /hand until the last of {VIEWERS} SSE viewers has it, one process, SQLite"
    return [WebRow(name, hands, latencies, cpu)]


async def _measure(viewers: int, hands: int) -> tuple[list[float], float]:
    with tempfile.TemporaryDirectory() as folder:
        clock = SimulatedClock(RT1_START)
        async with bootstrap.running(settings(f"sqlite:///{Path(folder) / 'bench.db'}"), clock) as podium:
            serving = bootstrap.start_web(podium, WebSettings("bench-secret-of-some-length", port=0), _ignore)
            app = web.Application()
            serving.live.add_to(app)
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            url = f"http://127.0.0.1:{port}" + session_path(serving.live.keys, "rt1").replace("?", "/events?")
            child = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bench.web_viewers", url, str(viewers), cwd=REPOSITORY,
                stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
            try:
                assert child.stdout is not None
                assert (await asyncio.wait_for(child.stdout.readline(), 60)).strip() == b"ready"
                return await _hands(podium, child.stdout, hands)
            finally:
                child.terminate()
                with contextlib.suppress(ProcessLookupError):
                    await child.wait()
                serving.hub.close()
                await runner.cleanup()


async def _hands(podium: bootstrap.Podium, reports: asyncio.StreamReader, hands: int) -> tuple[list[float], float]:
    latencies, cpu = [], 0.0
    for number in range(hands):
        started, cpu_started = time.monotonic(), time.process_time()
        await podium.commands.handle(Invocation(f"bench-{number}", "hand", "", "gcm-rt1"))
        report = json.loads(await asyncio.wait_for(reports.readline(), 10))
        cpu += time.process_time() - cpu_started
        latencies.append((report["last"] - started) * 1000)
        await asyncio.sleep(0.05)  # hands apart, as people press them: each one's fan-out is measured alone
    return latencies, cpu * 1000 / hands


async def _ignore(_: object) -> None:
    return None


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.web")
    parser.add_argument("--quick", action="store_true", help="10 hands instead of 40")
    quick = parser.parse_args().quick
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(rows(quick)))


if __name__ == "__main__":
    main()
