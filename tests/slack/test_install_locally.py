"""The README's "Install in Slack", tried locally: the fake Slack, `podium serve slack`, /agenda and /hand answered."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).with_name("podium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_line(process: subprocess.Popen[str], marker: str) -> None:
    """Read the process's output until it says it is listening (each prints that once its socket is open)."""
    assert process.stdout is not None
    deadline = time.monotonic() + 20
    seen = []
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([process.stdout], [], [], left)
        line = process.stdout.readline() if ready else ""
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if marker in line:
            return
    raise AssertionError(f"{process.args} never said {marker!r}; it said: {''.join(seen)}")


@contextmanager
def started(
    tmp_path: Path, *, socket: bool = False, schedule: Path | None = None
) -> Iterator[tuple[int, subprocess.Popen[str], subprocess.Popen[str]]]:
    """The fake Slack and `podium serve slack`, as the README starts them: Podium's port, the fake, Podium."""
    fake_port, podium_port = free_port(), free_port()
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    fake = subprocess.Popen(
        [sys.executable, "-m", "tests.slack.local", "fake", "--port", str(fake_port)],
        cwd=REPOSITORY, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    slack_env = {
        **env,
        "SLACK_BOT_TOKEN": "xoxb-local",
        "SLACK_API_URL": f"http://127.0.0.1:{fake_port}/api/",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'podium.db'}",
    }
    slack_env |= {"SLACK_APP_TOKEN": "xapp-1-local"} if socket else {"SLACK_SIGNING_SECRET": "local-secret"}
    command = [str(PODIUM), "serve", "slack", "--port", str(podium_port), "--clock", "2020-11-12T10:40+01:00"]
    command += ["--roster", str(REPOSITORY / "bot/schedules/demo-roster-2020.toml")]
    command += ["--schedule", str(schedule)] if schedule else []
    try:
        wait_for_line(fake, "Fake Slack listening")
        podium = subprocess.Popen(command, env=slack_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            wait_for_line(podium, "health check on")
            yield podium_port, fake, podium
        finally:
            podium.terminate()
            podium.wait(timeout=10)
    finally:
        fake.terminate()
        fake.wait(timeout=10)


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    with started(tmp_path) as (port, fake, _):
        yield port, fake


def send(port: int, *words: str, secret: str = "local-secret") -> str:
    url = f"http://127.0.0.1:{port}/slack/events"
    command = [sys.executable, "-m", "tests.slack.local", "send", *words, "--url", url, "--secret", secret]
    done = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, timeout=30, check=False)
    assert not done.stderr, done.stderr
    return done.stdout


def test_agenda_and_hand_answer_through_the_local_slack(servers: tuple[int, subprocess.Popen[str]]) -> None:
    port, _ = servers
    agenda = send(port, "/agenda", "1", "--as", "aigerim")
    assert agenda.startswith("200 Regional Review of the Global Compact")
    assert "<!date^1605174000^{time}|15:40 Almaty>" in agenda  # Roundtable 1, in Aigerim's Almaty time
    hand = send(port, "/hand", "--as", "olga", "--channel", "gcm-rt1")
    assert hand == "200 You are on the list of rt1 for a statement: number 1, you are next.\n"
    forged = send(port, "/hand", "--as", "armen", "--channel", "gcm-rt1", secret="not-the-secret")
    assert forged.startswith("401")


def test_socket_mode_connects_with_the_app_token_and_serves_the_health_check(tmp_path: Path) -> None:
    with (
        started(tmp_path, socket=True) as (port, fake, _),
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as health,
    ):
        assert health.status == 200
    printed = fake.communicate(timeout=10)[0]
    assert "slack <- apps.connections.open" in printed  # the websocket was asked for, with the xapp token


def test_a_faulty_timetable_on_sighup_is_reported_and_the_server_keeps_serving(tmp_path: Path) -> None:
    schedule = tmp_path / "meeting.toml"
    schedule.write_text((REPOSITORY / "bot/schedules/unece-gcm-review-2020.toml").read_text(encoding="utf-8"), "utf-8")
    with started(tmp_path, schedule=schedule) as (port, _, podium):
        schedule.write_text("[meeting]\ntitle = 'half a file'\n", encoding="utf-8")
        podium.send_signal(signal.SIGHUP)
        wait_for_line(podium, "the timetable was not reloaded")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as health:
            assert health.status == 200
        assert send(port, "/agenda", "1", "--as", "aigerim").startswith("200 Regional Review")
