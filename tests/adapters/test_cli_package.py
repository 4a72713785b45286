"""The command line as a package: what each action imports, shipped data found from anywhere, help, version, extras."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from bot.cli import ACTIONS, main
from bot.config import BUNDLED, Settings, data_path
from bot.formats.exports import EXPORTS
from tests.adapters.cli_support import run

PROBE = """
import sys
from bot.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
heavy = ("sqlalchemy", "alembic", "slack_bolt", "slack_sdk", "aiohttp", "docx")
print("EXIT", code, "LOADED", *[name for name in heavy if name in sys.modules])
"""


def probe(cwd: Path, *argv: str) -> tuple[int, list[str]]:
    """Run `podium ARGV` in a fresh interpreter; its exit code and which heavy libraries it imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60, check=True, cwd=cwd
    )
    words = done.stdout.splitlines()[-1].split()
    assert words[0] == "EXIT", done.stdout + done.stderr
    return int(words[1]), words[3:]


@pytest.mark.parametrize("argv", [["--help"], ["--version"], [], ["agenda", "--delegation", "KZ"]])
def test_help_version_and_agenda_import_no_database_platform_or_word_library(tmp_path: Path, argv: list[str]) -> None:
    code, loaded = probe(tmp_path, *argv)
    assert code == 0
    assert loaded == []


def test_a_json_export_imports_no_platform_or_word_library(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'podium.db'}"
    assert main(["db", "upgrade", "--db", db]) == 0
    code, loaded = probe(tmp_path, "export", "--format", "json", "--db", db, "--out", str(tmp_path / "r.json"))
    assert code == 0
    assert set(loaded) <= {"sqlalchemy", "alembic"}  # the database, and nothing else heavy


def test_the_agenda_works_from_any_directory(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "agenda", "--day", "1", "--delegation", "KZ"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,  # no schedules/ here: the timetable shipped in the package is found
    )
    assert done.returncode == 0, done.stderr
    assert "15:00–15:40 Almaty [10:00–10:40 CET]  Opening segment (opening)" in done.stdout


def test_relative_data_paths_fall_back_to_the_shipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert data_path("schedules/demo-roster-2020.toml") == BUNDLED / "demo-roster-2020.toml"
    mine = tmp_path / "schedules" / "demo-roster-2020.toml"
    mine.parent.mkdir()
    mine.write_text("", encoding="utf-8")
    assert data_path("schedules/demo-roster-2020.toml") == Path("schedules/demo-roster-2020.toml")  # here first
    assert Settings.from_env({}).schedule == BUNDLED / "unece-gcm-review-2020.toml"


def test_bare_podium_lists_every_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert listed == list(ACTIONS)


def test_version_comes_from_the_package(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"podium {version('podium')}\n"


def test_export_help_lists_every_format_of_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for form, chosen in EXPORTS.items():
        assert any(line.split()[:2] == [form, f".{chosen.extension}"] for line in out.splitlines()), form
        assert chosen.description in out


def test_console_help_explains_the_line_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["console", "--help"])
    out = capsys.readouterr().out
    for part in ("NAME> /command", "NAME #channel> /command", "@clock", "@advance", "@reload", "# comment"):
        assert part in out


def test_serve_slack_without_the_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "slack_bolt" else found(name, *a))
    code, out, err = run(capsys, "serve", "slack")
    assert (code, out) == (2, "")
    assert err == "podium serve slack needs the Slack libraries: pip install 'podium[slack]'\n"


def test_a_normal_start_logs_at_info_unless_told_otherwise() -> None:
    assert Settings.from_env({}).log_level == "INFO"
    assert Settings.from_env({"PODIUM_LOG_LEVEL": "debug"}).log_level == "DEBUG"
