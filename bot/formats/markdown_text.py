"""What a participant typed, made literal for Markdown: no markup, no HTML, no mention that pings anyone."""

from __future__ import annotations

import re

# Every character with a meaning in CommonMark or GitHub Markdown, and '@' so that no mention pings.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~@])")


def markdown_literal(text: str) -> str:
    """HTML as entities first (so `<script>` shows as text), then every Markdown character backslash-escaped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", escaped)
