"""The console's line language: `NAME> /command`, `NAME #channel> ...`, `@clock`, `@advance`, `@reload`, `# comment`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.adapters.text.inert import inert
from bot.domain.durations import parse_duration, plausible_date
from bot.domain.language import N_, Words

# Terminal escape sequences (arrow keys at the prompt, pasted colours) are keys, not text: dropped whole, before
# the services remove the ESC alone and leave "[31m" behind.
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_SPEAKER = re.compile(r"^(?P<name>[^\s>#@/][^\s>#]*)(?:\s+#(?P<channel>[\w.-]+))?\s*>\s?(?P<rest>.*)$")


@dataclass(frozen=True, slots=True)
class Said:
    """A participant typed something: a command when it starts with '/'."""

    actor: str
    channel: str | None
    text: str

    @property
    def command(self) -> tuple[str, str] | None:
        if not self.text.startswith("/") or len(self.text) < 2:
            return None
        name, _, rest = self.text[1:].partition(" ")
        return name, rest.strip()


@dataclass(frozen=True, slots=True)
class SetClock:
    moment: datetime


@dataclass(frozen=True, slots=True)
class Advance:
    span: timedelta


@dataclass(frozen=True, slots=True)
class Reload:
    """Read the timetable again (another file when one is named), as SIGHUP or `podium reload` do."""

    path: Path | None


@dataclass(frozen=True, slots=True)
class Nothing:
    """A blank line or a comment."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Why a line is refused: `reason` in English, `template` and `fields` for the reader's language."""

    reason: str
    template: str = field(default="", compare=False)
    fields: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def told(self, tr: Words) -> str:
        """The reason in the reader's language (the template is marked for the catalogs where it is made)."""
        return tr.gettext(self.template).format(**dict(self.fields)) if self.template else self.reason


def _unreadable(template: str, **fields: str) -> Unreadable:
    return Unreadable(template.format(**fields), template, tuple(fields.items()))


Line = Said | SetClock | Advance | Reload | Nothing | Unreadable


def decoded(raw: str | bytes) -> tuple[str, Unreadable | None]:
    """A line as text, and why it is refused when its bytes are not UTF-8 (the text then shows U+FFFD)."""
    if isinstance(raw, str):
        return raw, None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        template = N_("byte {byte} at position {position} is not UTF-8; save the script as UTF-8")
        refused = _unreadable(template, byte=f"0x{raw[error.start]:02x}", position=str(error.start + 1))
        return raw.decode("utf-8", errors="replace"), refused


def read_line(raw: str, meeting_zone: ZoneInfo, default_actor: str | None = None) -> Line:
    """One line of a script or of the interactive prompt; times without an offset are the meeting's."""
    line = _TERMINAL_ESCAPE.sub("", raw).strip()
    if not line or line.startswith("#"):
        return Nothing()
    if line.startswith("@"):
        return _directive(line, meeting_zone)
    match = _SPEAKER.match(line)
    if match:
        return Said(match["name"], match["channel"], match["rest"].strip())
    if default_actor is not None:
        return Said(default_actor, None, line)
    return _unreadable(N_("expected 'NAME> /command', '@clock ISO-TIME', '@advance 10m' or '# comment'"))


def _directive(line: str, zone: ZoneInfo) -> Line:
    verb, _, argument = line[1:].partition(" ")
    argument = argument.strip()
    shown = inert(argument, 40)
    if verb == "clock":
        return _clock(argument, shown, zone)
    if verb == "advance":
        span = parse_duration(argument)
        if span is None or span.total_seconds() < 0:
            template = N_(
                "@advance needs a duration up to 24h such as 10m or 1h30m (@clock jumps further), not '{shown}'"
            )
            return _unreadable(template, shown=shown)
        return Advance(span)
    if verb == "reload":
        return Reload(Path(argument) if argument else None)
    return _unreadable(N_("unknown directive @{verb} (use @clock, @advance or @reload)"), verb=inert(verb, 40))


def _clock(argument: str, shown: str, zone: ZoneInfo) -> Line:
    try:
        moment = datetime.fromisoformat(argument)
    except ValueError:
        return _unreadable(N_("@clock needs a time such as 2020-11-12T09:45+01:00, not '{shown}'"), shown=shown)
    if not plausible_date(moment.date()):
        template = N_("@clock takes a time in the years 2000–2100, such as 2020-11-12T09:45+01:00, not '{shown}'")
        return _unreadable(template, shown=shown)
    return SetClock(moment if moment.tzinfo else moment.replace(tzinfo=zone))
