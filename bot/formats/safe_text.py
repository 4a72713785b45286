"""What every export does first to text from outside, and JSON's one way to write it."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from bot.domain.text import clean

__all__ = ["clean", "html_text", "safe_json"]

# Each format's own function (word.plain, html_text, markdown_text, record_csv.csv_cell, ical_export._text,
# safe_json) starts from the same clean() that commands get where they enter, and exports clean again because
# a record may hold text stored before that, or imported. clean() removes controls (C0 but tab and line feed,
# DEL, C1: XML 1.0 forbids most, lxml refuses them), U+FFFE/U+FFFF, and the bidi embeddings, overrides and
# isolates (U+202A–U+202E, U+2066–U+2069), which would reorder the text after a name up to the end of its
# paragraph. Those are removed, not replaced with U+FFFD: Arabic and Hebrew still read right without them (the
# bidi algorithm orders them by their letters), where a U+FFFD would print a box inside a delegate's name.
# A lone surrogate (UTF-8 cannot encode one) becomes U+FFFD: something was there that nobody can read.


def safe_json(document: Any) -> str:
    """The document as JSON with every string in it, keys included, cleaned: the only way Podium writes JSON."""
    # ensure_ascii=False: Cyrillic, Armenian and Georgian names stay readable in the file.
    return json.dumps(_cleaned(document), ensure_ascii=False, indent=2) + "\n"


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {_cleaned(k): _cleaned(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


def html_text(text: str) -> str:
    """The one way text gets into an HTML page: unsafe characters out, every <, >, & and quote escaped (no markup,
    no script). Every HTML export passes what it did not write itself through here."""
    return escape(clean(text), quote=True)
