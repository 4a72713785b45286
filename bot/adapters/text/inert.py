"""Making what a participant typed harmless where it is shown again: no control codes, no runaway length."""

from __future__ import annotations

import re
import unicodedata

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def inert(text: str, limit: int = 80) -> str:
    """Printable text only (terminal escapes and control characters dropped), cut to `limit` characters."""
    text = _ANSI.sub("", text)
    kept = "".join(ch for ch in text if ch == " " or unicodedata.category(ch)[0] != "C")
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"
