"""Running `podium` in the test's own process, with what it printed."""

from __future__ import annotations

import pytest

from bot.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of `podium ARGV`."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
