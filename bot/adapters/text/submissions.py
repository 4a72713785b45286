"""Written submissions as text: the staff's list, and a call's deadline in the reader's own time."""

from __future__ import annotations

from datetime import datetime

from bot.adapters.text.inert import inert
from bot.adapters.text.times import Times
from bot.domain.language import N_, Language
from bot.services.translation import Translator
from bot.services.views import DeadlineView, Reader, SubmissionsView

_CLOSED = {
    "submission_late": N_(
        "Written submissions closed on {when}; nothing was kept. Ask the secretariat whether a late one can still be "
        "accepted."
    ),
    "interest_late": N_(
        "Expressions of interest closed on {when}; nothing was kept. The secretariat can still add one: write to it."
    ),
}


def deadline_text(view: DeadlineView, times: Times, tr: Translator) -> str:
    """'Written submissions closed on 31 October 2020 at 18:59 EDT [23:59 CET]; …': the date in the reader's zone."""
    return tr.gettext(_CLOSED[view.code]).format(when=_when(view.deadline, view.reader, times, tr))


def submissions_text(view: SubmissionsView, times: Times, tr: Translator) -> str:
    closes = (
        " " + tr.gettext("The call closes on {when}.").format(when=_when(view.deadline, view.reader, times, tr))
        if view.deadline
        else ""
    )
    if not view.lines:
        return tr.gettext("No written submission has been received.") + closes
    count = len(view.lines)
    head = tr.ngettext(
        "{count} written submission(s), the current version of each:",
        "{count} written submission(s), the current version of each:",
        count,
    )
    lines = [head.format(count=count) + closes]
    for line in view.lines:
        fields = {
            "delegation": inert(line.delegation_name, 80),
            "words": tr.number(line.words),
            "received": _when(line.received, view.reader, times, tr),
            "version": line.version,
        }
        text = (
            tr.gettext("{delegation}: {words} words, received {received}, version {version}")
            if line.version > 1
            else tr.gettext("{delegation}: {words} words, received {received}")
        )
        lines.append("  " + text.format(**fields))
    return "\n".join(lines)


def _when(moment: datetime, reader: Reader, times: Times, tr: Translator) -> str:
    local = moment.astimezone(reader.shown_zone)
    # English as it always read ('31 October 2020'); Babel's long date for the other languages.
    day = f"{local.day} {local:%B %Y}" if tr.language is Language.EN else tr.date(local, "long")
    return tr.gettext("{date} at {time}").format(date=day, time=times.moment(moment, reader))
