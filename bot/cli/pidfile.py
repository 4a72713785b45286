"""The pid file `podium serve` writes, and SIGHUP sent only to a process that is a Podium server."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.adapters.text.inert import inert
from bot.cli.language import english

if TYPE_CHECKING:
    from bot.services.translation import Translator

_LARGEST_PID = 2**22  # Linux's highest pid_max


@contextlib.contextmanager
def written(path: Path) -> Iterator[None]:
    """This process's id in `path` for the duration; removed afterwards unless another server has replaced it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pid = os.getpid()
    # Written aside and renamed, so a reader never sees half a number.
    partial = path.with_name(f".{path.name}.{pid}")
    partial.write_text(f"{pid}\n", encoding="ascii")
    partial.replace(path)
    try:
        yield
    finally:
        if read_pid(path, english()) == pid:
            path.unlink(missing_ok=True)


def read_pid(path: Path, tr: Translator) -> int | str:
    """The process id in a pid file, or why there is none (in `tr`'s language)."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        message = tr.gettext("no pid file at {file}: is `podium serve` running? (give its --pid-file or --db)")
        return message.format(file=path.absolute())
    except OSError as unreadable:
        return tr.gettext("cannot read {file}: {reason}").format(file=path, reason=unreadable.strerror)
    if not (text.isascii() and text.isdigit()):
        message = tr.gettext("{file} does not hold a process id; remove it and restart `podium serve`")
        return message.format(file=path)
    return int(text)


def ask_to_reload(pid: int, tr: Translator) -> str | None:
    """SIGHUP to `pid` if it is `podium serve` (a stale pid file may name a process that is not); or why not."""
    if not 0 < pid <= _LARGEST_PID:  # os.kill would signal a process group, or every process; or overflow
        return tr.gettext("{pid} is not a process id").format(pid=pid)
    with _handle(pid) as handle:
        fault = _not_a_server(pid, tr)
        if fault is not None:
            return fault
        try:
            _send(pid, handle, signal.SIGHUP)
        except ProcessLookupError:
            return tr.gettext("process {pid} has ended").format(pid=pid)
        except PermissionError:
            return tr.gettext("not allowed to signal process {pid} (it belongs to another user)").format(pid=pid)
    return None


@contextlib.contextmanager
def _handle(pid: int) -> Iterator[int | None]:
    """A pidfd where Linux gives one: the signal then reaches the process checked, even if the pid is reused."""
    try:
        handle: int | None = os.pidfd_open(pid)
    except (AttributeError, OSError):
        handle = None  # no such process (the check says so), or no pidfd here: the plain pid is used
    try:
        yield handle
    finally:
        if handle is not None:
            os.close(handle)


def _send(pid: int, handle: int | None, sent: signal.Signals) -> None:
    if handle is None:
        os.kill(pid, sent)
    else:
        signal.pidfd_send_signal(handle, sent)


def _not_a_server(pid: int, tr: Translator) -> str | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return tr.gettext("no process {pid} is running").format(pid=pid)
    except OSError as unreadable:
        message = tr.gettext("cannot check that process {pid} is Podium ({reason}); nothing was sent")
        return message.format(pid=pid, reason=unreadable.strerror)
    words = [word.decode(errors="replace") for word in raw.split(b"\0") if word]
    if serves(words):
        return None
    shown = inert(" ".join(words), 80) or tr.gettext("none (a kernel thread or a zombie)")
    message = tr.gettext("process {pid} is not `podium serve` (its command line: {shown}); nothing was sent")
    return message.format(pid=pid, shown=shown)


def serves(words: list[str]) -> bool:
    """Whether a command line is `podium serve …`, `python …/podium serve …` or `python -m bot serve …`."""
    for at, word in enumerate(words[:-1]):
        program = (Path(word).name == "podium" and at < 2) or (word == "bot" and at > 0 and words[at - 1] == "-m")
        if program:
            return words[at + 1] == "serve"
    return False
