"""What a participant typed, made literal for Markdown: no markup, no HTML, no mention that pings anyone."""

from __future__ import annotations

import re

from bot.formats.safe_text import clean

# Every character with a meaning in CommonMark or GitHub Markdown, and '@' so that no mention pings.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~@])")


def markdown_literal(text: str) -> str:
    """Unsafe characters out, HTML as entities (so `<script>` shows as text), every Markdown character escaped."""
    escaped = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", escaped)


def markdown_line(text: str) -> str:
    """markdown_literal on one line, for a list item or a table cell, which a line end would cut short."""
    return markdown_literal(" ".join(clean(text).split()))


def markdown_lines(text: str) -> list[str]:
    """markdown_literal line by line, for the caller to join with hard breaks."""
    return [markdown_literal(line) for line in clean(text).split("\n")]


def markdown_code(text: str) -> list[str]:
    """The text as code spans, one per line: unsafe characters out, a backtick (which would end one) as a quote."""
    return [f"`{line}`" for line in clean(text).replace("`", "'").split("\n")]
