"""Text in and out of Slack: typed text unescaped for the core; bot text escaped, with local-time tokens."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.adapters.text.times import PlainTimes
from bot.domain.language import Words
from bot.services.views import Reader

# Tokens are written between these private-use characters while rendering, and become < > only after the
# text is escaped: what a participant typed can never contain them (inbound text drops them, and the
# renderer's inert() drops every private-use character).
_OPEN, _CLOSE = "\ue000", "\ue001"
_BROADCAST = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+\|([^>]*)>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>")
_SPECIAL = re.compile(r"<![^>]*>")
WORD_JOINER = "\u2060"


def from_slack(text: str) -> str:
    """What a user typed, as the core reads it: a mentioned user becomes @ and their id (the roster's id)."""
    text = _USER.sub(r"@\1", text)
    text = _CHANNEL.sub(r"#\1", text)
    text = _LINK.sub(r"\1", text)
    text = _SPECIAL.sub("", text)
    text = text.replace(_OPEN, "").replace(_CLOSE, "")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_slack(text: str) -> str:
    """Rendered text as Slack text: &, <, > escaped, no broadcast mention, then the time tokens put back.

    Messages are sent with mrkdwn off as well, so *stars* and _underscores_ someone typed stay characters.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _BROADCAST.sub("@" + WORD_JOINER, escaped)
    return escaped.replace(_OPEN, "<").replace(_CLOSE, ">")


class SlackTimes(PlainTimes):
    """Times as Slack date tokens, shown in each reader's own zone; the meeting's time beside them in brackets.

    The token's fallback (notifications, old clients) is written in the reader's zone: the roster's, or the
    one their Slack profile gives, else the meeting's.
    """

    def span(self, start: datetime, end: datetime, reader: Reader, tr: Words) -> str:
        meeting = self._span(start, end, ZoneInfo(reader.meeting_zone), tr)
        return f"{self.token(start, reader)}–{self.token(end, reader)} [{meeting}]"

    def moment(self, at: datetime, reader: Reader) -> str:
        meeting = self._moment(at, ZoneInfo(reader.meeting_zone))
        return f"{self.token(at, reader)} [{meeting}]"

    def header(self, reader: Reader, at: datetime, tr: Words) -> str:
        text = tr.gettext("Times in your own zone, as Slack shows them; the meeting's time ({zone}) in brackets.")
        return text.format(zone=reader.meeting_zone)

    def token(self, at: datetime, reader: Reader) -> str:
        fallback = self._moment(at, reader.shown_zone)
        return f"{_OPEN}!date^{int(at.timestamp())}^{{time}}|{fallback}{_CLOSE}"
