"""Where a run keeps its files: the SQLite database a URL names, and the pid file of `podium serve`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.translation import Translator

DEFAULT_PID_FILE = Path("podium.pid")


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names; None for an in-memory or a server database (or a URL that is not one)."""
    from sqlalchemy import make_url  # only the actions that use a database pay for SQLAlchemy
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or parsed.query.get("mode") == "memory"
    # A `file:` URI carries its own options; SQLite, not Podium, reads it.
    if parsed.get_backend_name() != "sqlite" or in_memory or database.startswith("file:"):
        return None
    return Path(database)


def missing_database(url: str, tr: Translator) -> str | None:
    """Why a command that only reads cannot use this database (in `tr`'s language), or None: opening it would
    create one."""
    path = sqlite_file(url)
    if path is None or path.is_file():
        return None
    message = tr.gettext("no database at {file}: check --db or DATABASE_URL (`podium db upgrade --db URL` creates one)")
    return message.format(file=path)


def pid_file(chosen: Path | None, database_url: str) -> Path:
    """The pid file given (--pid-file, PODIUM_PID_FILE), else beside the SQLite database, else podium.pid here."""
    if chosen is not None:
        return chosen
    database = sqlite_file(database_url)
    return database.with_suffix(".pid") if database is not None else DEFAULT_PID_FILE


def write_out(data: bytes, out: Path | None, *, tr: Translator, said: str | None = None) -> None:
    """An export into the file named with --out (saying so in `tr`'s language, or `said`), else onto standard
    output as it is."""
    if not out:
        sys.stdout.buffer.write(data)
        return
    # Written beside it, then renamed over it: a run killed half-way leaves the last good file, never half of one.
    partial = out.with_name(f".{out.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, out)
    finally:
        if partial.is_file():  # left only by a failed write or rename
            partial.unlink()
    print(said or tr.gettext("Wrote {file}").format(file=out))
