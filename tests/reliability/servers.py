"""`podium serve slack` as a real subprocess: started, awaited until it listens, killed with SIGKILL, restarted."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).with_name("podium")
ROSTER = REPOSITORY / "bot/schedules/demo-roster-2020.toml"
SECRET = "crash-test-secret"
LISTENING = "health check on"  # what the server logs once its socket is open (bot/adapters/slack/server.py)
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class ServeOptions:
    """What every replica is started with: the database, the fake Slack's API URL and the meeting's clock."""

    database_url: str
    api_url: str
    clock: str = "2020-11-12T10:40+01:00"

    def command(self, port: int) -> list[str]:
        return [
            str(PODIUM), "serve", "slack", "--port", str(port), "--clock", self.clock,
            "--roster", str(ROSTER), "--db", self.database_url,
        ]  # fmt: skip

    def env(self) -> dict[str, str]:
        secrets = {"SLACK_BOT_TOKEN": "xoxb-crash", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": self.api_url}
        return {**os.environ, "PYTHONPATH": str(REPOSITORY), **secrets}


@dataclass
class Replica:
    """One `podium serve slack` on a fixed port; `kill()` is SIGKILL, `start()` starts it again on that port."""

    options: ServeOptions
    port: int = field(default_factory=free_port)
    process: asyncio.subprocess.Process | None = None
    output: deque[str] = field(default_factory=lambda: deque(maxlen=200))  # the last lines it printed
    starts: int = 0
    kills: int = 0
    _drain: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    async def start(self) -> None:
        """Start the server and return once it says it listens (reading its output, not polling the port)."""
        self.process = await asyncio.create_subprocess_exec(
            *self.options.command(self.port), cwd=REPOSITORY, env=self.options.env(),
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        self.starts += 1
        try:
            await asyncio.wait_for(self._until_listening(), START_TIMEOUT)
        except TimeoutError:
            silent = f"podium on port {self.port} did not listen in {START_TIMEOUT}s:\n{self.log()}"
            raise AssertionError(silent) from None
        # Keep reading what it prints, or a full pipe would stall the server mid-request.
        self._drain = asyncio.create_task(self._read_lines())

    async def _until_listening(self) -> None:
        while line := await self._readline():
            if LISTENING in line:
                return
        code = await self._process().wait()
        raise AssertionError(f"podium on port {self.port} exited with {code} before listening:\n{self.log()}")

    async def _read_lines(self) -> None:
        while await self._readline():
            pass

    async def _readline(self) -> str:
        stdout = self._process().stdout
        assert stdout is not None
        line = (await stdout.readline()).decode(errors="replace")
        if line:
            self.output.append(line)
        return line

    def _process(self) -> asyncio.subprocess.Process:
        assert self.process is not None, "the replica was never started"
        return self.process

    async def kill(self) -> None:
        """kill -9: no shutdown, no flush; whatever was not committed is gone."""
        process = self._process()
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
        self.kills += 1
        await self._stop_draining()

    async def stop(self) -> None:
        """SIGTERM, then SIGKILL if it does not exit in time; safe to call on a replica never started or dead."""
        if self.process is None or self.process.returncode is not None:
            await self._stop_draining()
            return
        with contextlib.suppress(ProcessLookupError):
            self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), STOP_TIMEOUT)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            await asyncio.wait_for(self.process.wait(), STOP_TIMEOUT)
        await self._stop_draining()

    async def _stop_draining(self) -> None:
        if self._drain is not None:
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(self._drain, STOP_TIMEOUT)
            self._drain = None

    def log(self) -> str:
        return "".join(self.output)
