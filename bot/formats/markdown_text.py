"""What a participant typed, made literal for Markdown: no markup, no HTML, no mention that pings anyone.

Only what CommonMark (or GitHub's tables and strikethrough) would read as markup where it stands is escaped, so
the file reads as typed: "Jean-Baptiste Tremblay (objective 5)." comes out unchanged. The rules, per line:

- spaces and tabs at either end are dropped (four would open a code block, two at the end break the line, and
  Markdown drops them anyway);
- `*`, `` ` ``, `[`, `]`, `~`, `|` are always escaped with a backslash: emphasis, code, links, strikethrough and
  fences, table cells; `!` then needs nothing, since `![` cannot open an image once `[` is escaped;
- `_` only where it can open or close emphasis, i.e. unless a letter or digit stands on both sides (`snake_case`);
- `<` and `>` as the entities `&lt;` and `&gt;` (no HTML, no autolink, no block quote, no `<@U123>` in chat);
- `&` as `&amp;` only where it would start an entity (`&copy;` shows as typed; "R&D" stays as it is);
- `\\` only before punctuation or at the end of the line, where it would escape or break the line;
- `@` where it starts a word, and before channel, here or everyone anywhere: `\\@channel` renders as "@channel",
  and no mention pings when the text is pasted into chat;
- at the start of the line only: a heading's `#`, a list's `-` or `+` then a space, an ordered list's `1.` or `1)`
  then a space, and a line of only `-`, `=`, `:` (a setext underline, a thematic break, a table's delimiter row);
- a run of `#` at the end of the line, after a space, which a heading would drop as its closing sequence.

A value is escaped as if it began a line and ended one: the few escapes that buys where it stands inside one
(a leading `-`, a trailing `\\`) are cheap, and a caller need not say where it puts the text.
"""

from __future__ import annotations

import re
import string

from bot.formats.safe_text import clean

_ALWAYS = frozenset("*`[]~|")
_PUNCTUATION = frozenset(string.punctuation)
_ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")
_BROADCAST = re.compile(r"@(?:channel|here|everyone)", re.IGNORECASE)
# Block starts, on a line stripped of leading spaces: the first character gets the backslash, or an ordered
# list marker's "." or ")".
_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")
_BULLET = re.compile(r"[-+](?=[ \t]|$)")
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|$)")
_RULE = re.compile(r"[-=:][-=:| \t]*$")  # setext underline, thematic break, a table's delimiter row
_CLOSING = re.compile(r"(?:(?<=[ \t])|^)#+$")  # a heading's closing sequence, which it would drop


def markdown_literal(text: str) -> str:
    """The text, line by line, with only what Markdown would read as markup or HTML escaped; mentions inert."""
    return "\n".join(_line(line) for line in clean(text).split("\n"))


def markdown_line(text: str) -> str:
    """markdown_literal on one line, for a list item or a table cell, which a line end would cut short."""
    return _line(" ".join(clean(text).split()))


def markdown_lines(text: str) -> list[str]:
    """markdown_literal line by line, for the caller to join with hard breaks."""
    return [_line(line) for line in clean(text).split("\n")]


def markdown_code(text: str) -> list[str]:
    """The text as code spans, one per line: unsafe characters out, a backtick (which would end one) as a quote;
    an empty line stays empty (two backticks would show as such)."""
    return [f"`{line}`" if line else "" for line in clean(text).replace("`", "'").split("\n")]


def _line(line: str) -> str:
    line = line.strip(" \t")
    marked = _block_marks(line)
    out: list[str] = []
    for i, c in enumerate(line):
        if i in marked or c in _ALWAYS:
            out.append("\\" + c)
        elif c == "<":
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == "&":
            out.append("&amp;" if _ENTITY.match(line, i) else "&")
        elif c == "\\":
            out.append("\\\\" if i + 1 == len(line) or line[i + 1] in _PUNCTUATION else "\\")
        elif c == "_":
            out.append("_" if _inside_word(line, i) else "\\_")
        elif c == "@":
            out.append("\\@" if _mention(line, i) else "@")
        else:
            out.append(c)
    return "".join(out)


def _block_marks(line: str) -> set[int]:
    """Where a backslash keeps the line from opening a heading, a list, a rule or a table, or losing its last #."""
    marks = set()
    for pattern in (_HEADING, _BULLET, _ORDERED, _RULE):
        if found := pattern.match(line):
            marks.add(found.end() - 1 if pattern is _ORDERED else 0)
    if found := _CLOSING.search(line):
        marks.add(found.start())
    return marks


def _inside_word(line: str, i: int) -> bool:
    """A run of `_` with a letter or digit on both sides can neither open nor close emphasis."""
    start, end = i, i
    while start > 0 and line[start - 1] == "_":
        start -= 1
    while end < len(line) and line[end] == "_":
        end += 1
    return start > 0 and end < len(line) and line[start - 1].isalnum() and line[end].isalnum()


def _mention(line: str, i: int) -> bool:
    return i == 0 or not line[i - 1].isalnum() or _BROADCAST.match(line, i) is not None
