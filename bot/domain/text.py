"""Text as people type it, made safe once where it enters: no control characters, no bidi overrides, no broken UTF-8."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 block: they mean nothing in chat and break XML (DOCX), terminals
# and PostgreSQL (NUL). Carriage returns are folded into newlines first, so "\r\n" stays one line break.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder the text around them (a name that reverses the line after it);
# the marks U+200E/U+200F only set direction and stay. Noncharacters U+FFFE/U+FFFF are invalid in XML.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# Lone surrogates are what invalid UTF-8 becomes when decoded with `surrogateescape`: one replacement character each.
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """The text with line breaks normalised, controls and bidi overrides removed, invalid code points replaced."""
    if text.isprintable():  # the common case: nothing to do, and no regex run over it
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATES.sub("\ufffd", _INVISIBLE.sub("", _CONTROLS.sub("", text)))


def shortened(text: str, keep: int) -> str:
    """At most `keep` characters of the text, saying how long it was when it was longer."""
    if len(text) <= keep:
        return text
    return f"{text[:keep]}… [{len(text):,} characters in all]"
