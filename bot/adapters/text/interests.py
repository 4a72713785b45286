"""Expressions of interest as text: the decision told to the participant, and the lists for them and for staff."""

from __future__ import annotations

from datetime import datetime

from bot.adapters.text.inert import inert
from bot.adapters.text.labels import ordinal, role_name, session_title, speaker_label, status_name
from bot.adapters.text.times import Times
from bot.domain.interests import Interest, Role, Status
from bot.services.translation import Translator
from bot.services.views import InterestDecisionView, InterestsView


def decision_text(view: InterestDecisionView, times: Times, tr: Translator) -> str:
    interest, session = view.interest, view.session
    start = f"{_weekday(session.start.astimezone(view.reader.shown_zone), tr)} "
    start += times.span(session.start, session.end, view.reader, tr)
    fields = {"id": interest.id, "title": session_title(session, tr), "start": start}
    moderating = interest.role is Role.MODERATOR
    if interest.status is Status.DECLINED:
        asked = (
            tr.gettext("Your expression of interest #{id} in moderating {title} was not accepted.")
            if moderating
            else tr.gettext("Your expression of interest #{id} in speaking at {title} was not accepted.")
        )
        reason = inert(interest.reason, 500) if interest.reason else ""
        wrote = " " + tr.gettext("The secretariat wrote: {reason}").format(reason=reason) if reason else ""
        return asked.format(**fields) + wrote
    if moderating:
        text = tr.gettext(
            "Your expression of interest #{id} in moderating {title} is accepted: you will moderate it, {start}."
        )
        return text.format(**fields)
    accepted = tr.gettext("Your expression of interest #{id} in speaking at {title} is accepted.").format(**fields)
    place = (
        " " + tr.gettext("You are {place} on its provisional list of speakers.").format(place=ordinal(view.place, tr))
        if view.place
        else ""
    )
    return f"{accepted}{place} " + tr.gettext("It takes place {start}.").format(**fields)


def interests_text(view: InterestsView, times: Times, tr: Translator) -> str:
    if not view.interests:
        return (
            tr.gettext("You have expressed no interest yet: /interest speaker rt1 offers to speak at roundtable 1.")
            if (view.mine)
            else tr.gettext("No expression of interest matches.")
        )
    lines = [_line(i, view, tr) for i in view.interests]
    return "\n".join(lines)


def _line(interest: Interest, view: InterestsView, tr: Translator) -> str:
    title = inert(view.titles.get(interest.session_id, interest.session_id), 120)
    who = "" if view.mine else f"{speaker_label(interest.speaker, tr)}, "
    note = f" — {inert(interest.note, 120)}" if interest.note else ""
    status = status_name(interest.status, tr)
    if interest.position is not None and interest.status is Status.ACCEPTED:
        status += ", " + tr.gettext("at position {position}").format(position=interest.position)
    role = role_name(interest.role.value, tr)
    return f"#{interest.id} {who}{role}, {title}: {status}{note}"


def _weekday(moment: datetime, tr: Translator) -> str:
    """The day of the week as a reader says when something happens ('Thursday', 'jeudi', 'в четверг')."""
    names = (
        tr.pgettext("on a day", "Monday"),
        tr.pgettext("on a day", "Tuesday"),
        tr.pgettext("on a day", "Wednesday"),
        tr.pgettext("on a day", "Thursday"),
        tr.pgettext("on a day", "Friday"),
        tr.pgettext("on a day", "Saturday"),
        tr.pgettext("on a day", "Sunday"),
    )
    return names[moment.weekday()]
