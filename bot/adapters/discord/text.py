"""Text in and out of Discord: typed mentions read as ids; bot text escaped, with Discord's local-time tokens."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import discord

from bot.adapters.text.times import PlainTimes
from bot.domain.language import Words
from bot.services.views import Reader

# Tokens are written between these private-use characters while rendering and become < > after escaping: what a
# participant typed never contains them (the renderer's inert() drops every private-use character).
_OPEN, _CLOSE = "\ue000", "\ue001"
_MENTION = re.compile(r"<@!?(\d+)>")
LIMIT = 2000  # characters in one Discord message


def from_discord(text: str) -> str:
    """What a user typed, as the core reads it: a mentioned user is @ and their id (the roster's id)."""
    return _MENTION.sub(r"@\1", text).replace(_OPEN, "").replace(_CLOSE, "")


def to_discord(text: str) -> str:
    """Rendered text as Discord text: markdown and mentions made inert, then the time tokens put back.

    Every send also passes AllowedMentions.none(): escaping keeps the text readable, the flag keeps it silent.
    """
    escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return escaped.replace(_OPEN, "<").replace(_CLOSE, ">")


def chunks(text: str, limit: int = LIMIT) -> list[str]:
    """The text in messages Discord accepts, cut between lines where it can (a long agenda is several)."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        joined = f"{current}\n{line}" if current else line
        if len(joined) <= limit:
            current = joined
            continue
        if current:
            parts.append(current)
        rest = line
        while len(rest) > limit:  # one line longer than a message: cut it where it must be cut
            parts.append(rest[:limit])
            rest = rest[limit:]
        current = rest
    return [*parts, current] if current or not parts else parts


class DiscordTimes(PlainTimes):
    """Times as Discord timestamps, which every reader's client shows in their own zone; the meeting's in brackets.

    A span's ends are short times (`<t:…:t>`); a moment is the full date and time with how far off it is
    (`<t:…:F>`, `<t:…:R>`): deadlines and reminders are read days ahead.
    """

    def span(self, start: datetime, end: datetime, reader: Reader, tr: Words) -> str:
        meeting = self._span(start, end, ZoneInfo(reader.meeting_zone), tr)
        return f"{token(start, 't')}–{token(end, 't')} [{meeting}]"

    def moment(self, at: datetime, reader: Reader) -> str:
        meeting = self._moment(at, ZoneInfo(reader.meeting_zone))
        return f"{token(at, 'F')} ({token(at, 'R')}) [{meeting}]"

    def header(self, reader: Reader, at: datetime, tr: Words) -> str:
        text = tr.gettext("Times in your own zone, as Discord shows them; the meeting's time ({zone}) in brackets.")
        return text.format(zone=reader.meeting_zone)


def token(at: datetime, style: str) -> str:
    """`<t:UNIX:STYLE>`, written with placeholders until the text around it is escaped."""
    return f"{_OPEN}t:{int(at.timestamp())}:{style}{_CLOSE}"
