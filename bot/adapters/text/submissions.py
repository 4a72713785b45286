"""Written submissions as text: the staff's list, and a call's deadline in the reader's own time."""

from __future__ import annotations

from datetime import datetime

from bot.adapters.text.inert import inert
from bot.adapters.text.times import Times
from bot.services.views import DeadlineView, Reader, SubmissionsView

_CLOSED = {
    "submission_late": "Written submissions closed on {when}; nothing was kept. Ask the secretariat whether a late "
    "one can still be accepted.",
    "interest_late": "Expressions of interest closed on {when}; nothing was kept. The secretariat can still add "
    "one: write to it.",
}


def deadline_text(view: DeadlineView, times: Times) -> str:
    """'Written submissions closed on 31 October 2020 at 18:59 EDT [23:59 CET]; …': the date in the reader's zone."""
    return _CLOSED[view.code].format(when=_when(view.deadline, view.reader, times))


def submissions_text(view: SubmissionsView, times: Times) -> str:
    closes = f" The call closes on {_when(view.deadline, view.reader, times)}." if view.deadline else ""
    if not view.lines:
        return f"No written submission has been received.{closes}"
    lines = [f"{len(view.lines)} written submission(s), the current version of each:{closes}"]
    for line in view.lines:
        history = f", version {line.version}" if line.version > 1 else ""
        received = _when(line.received, view.reader, times)
        lines.append(f"  {inert(line.delegation_name, 80)}: {line.words:,} words, received {received}{history}")
    return "\n".join(lines)


def _when(moment: datetime, reader: Reader, times: Times) -> str:
    local = moment.astimezone(reader.shown_zone)
    return f"{local.day} {local:%B %Y} at {times.moment(moment, reader)}"
