"""Where the command line keeps and writes files: the pid file `podium reload` signals through, and --out."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import pidfile
from bot.cli.places import pid_file, write_out
from bot.config import Settings
from tests.adapters.cli_support import run
from tests.conftest import GCM_2020
from tests.slack.test_install_locally import started, wait_for_line
from tests.words import english

# It waits on its standard input, which the fixture keeps open and closes at the end: no timer involved.
UNRELATED = "import sys; print('waiting', flush=True); sys.stdin.read()"


@pytest.fixture
def unrelated() -> Iterator[subprocess.Popen[str]]:
    """A harmless process that is not Podium, once it runs (while it execs, its command line is still empty)."""
    process = subprocess.Popen(
        [sys.executable, "-c", UNRELATED], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        wait_for_line(process, "waiting")
        yield process
    finally:
        process.kill()
        process.wait(timeout=10)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def test_reload_refuses_a_process_that_is_not_podium_serve(
    unrelated: subprocess.Popen[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "podium.pid"
    stale.write_text(f"{unrelated.pid}\n", encoding="ascii")  # a server died; its pid now names another process
    for how in (["--pid", str(unrelated.pid)], ["--pid-file", str(stale)]):
        code, out, err = run(capsys, "reload", *how)
        assert code == 1
        assert out == ""
        assert err.startswith(f"Not reloaded: process {unrelated.pid} is not `podium serve` (its command line: ")
        assert f"{sys.executable} -c import sys;" in err  # the command line of UNRELATED, quoted
        assert err.endswith("); nothing was sent.\n")
    assert unrelated.poll() is None  # still running: no SIGHUP reached it


def test_reload_without_a_pid_file_says_where_it_looked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "reload", "--db", f"sqlite:///{tmp_path / 'podium.db'}")
    assert code == 1
    assert err.startswith(f"Not reloaded: no pid file at {tmp_path / 'podium.pid'}: is `podium serve` running?")


def test_serve_writes_its_pid_file_and_reload_finds_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schedule = tmp_path / "meeting.toml"
    schedule.write_text(GCM_2020.read_text(encoding="utf-8"), encoding="utf-8")
    translations = GCM_2020.with_name("gcm-objectives-translations.toml")  # the schedule names it beside itself
    (tmp_path / translations.name).write_bytes(translations.read_bytes())
    written = tmp_path / "podium.pid"  # beside the server's database, tmp_path / podium.db
    with started(tmp_path, schedule=schedule) as (_, _, server):
        assert written.read_text(encoding="ascii") == f"{server.pid}\n"
        schedule.write_text("[meeting]\n", encoding="utf-8")  # a reload that fails says so in the server's log
        code, out, _ = run(capsys, "reload", "--db", f"sqlite:///{tmp_path / 'podium.db'}")
        assert (code, out) == (0, f"Asked process {server.pid} to reload its timetable.\n")
        wait_for_line(server, "the timetable was not reloaded")
    assert server.returncode == 0  # SIGTERM stops it cleanly
    assert not written.exists()


@pytest.mark.parametrize(
    ("words", "serving"),
    [
        (["/srv/.venv/bin/python3", "/srv/.venv/bin/podium", "serve", "slack"], True),
        (["podium", "serve", "slack", "--socket"], True),
        (["python3", "-X", "dev", "-m", "bot", "serve", "slack"], True),
        (["/srv/.venv/bin/python3", "/srv/.venv/bin/podium", "console"], False),
        (["python3", "-m", "bot", "demo"], False),
        (["vim", "notes", "podium", "serve"], False),
        (["sleep", "30"], False),
        ([], False),
    ],
)
def test_which_command_lines_are_podium_serve(words: list[str], *, serving: bool) -> None:
    assert pidfile.serves(words) is serving


def test_the_pid_file_is_removed_only_while_it_is_ours(tmp_path: Path) -> None:
    path = tmp_path / "run" / "podium.pid"
    with pidfile.written(path):
        assert path.read_text(encoding="ascii") == f"{os.getpid()}\n"
    assert not path.exists()
    with pidfile.written(path):
        path.write_text("1\n", encoding="ascii")  # another server started since, with the same file
    assert path.read_text(encoding="ascii") == "1\n"


def test_where_the_pid_file_is() -> None:
    assert pid_file(None, "sqlite:////var/lib/podium/meeting.db") == Path("/var/lib/podium/meeting.pid")
    assert pid_file(None, "postgresql://podium@db/podium") == Path("podium.pid")
    chosen = Settings.from_env({"PODIUM_PID_FILE": "/run/podium/serve.pid"}).pid_file
    assert pid_file(chosen, "sqlite:///podium.db") == Path("/run/podium/serve.pid")


# --- a quick, self-contained command line: each action imports what it needs; data found from any directory -------


def test_an_export_that_fails_half_way_leaves_the_last_good_file(tmp_path: Path) -> None:
    """--out is written beside the file and renamed over it: a write that fails never leaves half a file."""
    out = tmp_path / "roster.toml"
    write_out(b"the first, good roster\n", out, tr=english())
    (tmp_path / ".roster.toml.partial").mkdir()  # the write beside it cannot happen
    with pytest.raises(IsADirectoryError):
        write_out(b"a second one\n", out, tr=english())
    assert out.read_bytes() == b"the first, good roster\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != ".roster.toml.partial"] == ["roster.toml"]
