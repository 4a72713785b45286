"""Expressions of interest as text: the decision told to the participant, and the lists for them and for staff."""

from __future__ import annotations

from bot.adapters.text.floor import ordinal, speaker_label
from bot.adapters.text.inert import inert
from bot.adapters.text.times import Times
from bot.domain.interests import Interest, Role, Status
from bot.services.views import InterestDecisionView, InterestsView

_ROLE = {Role.SPEAKER: "speaking at", Role.MODERATOR: "moderating"}


def decision_text(view: InterestDecisionView, times: Times) -> str:
    interest, session = view.interest, view.session
    start = (
        f"{session.start.astimezone(view.reader.shown_zone):%A} {times.span(session.start, session.end, view.reader)}"
    )
    asked = f"Your expression of interest #{interest.id} in {_ROLE[interest.role]} {session.title}"
    if interest.status is Status.DECLINED:
        reason = f" The secretariat wrote: {inert(interest.reason, 500)}" if interest.reason else ""
        return f"{asked} was not accepted.{reason}"
    if interest.role is Role.MODERATOR:
        return f"{asked} is accepted: you will moderate it, {start}."
    place = f" You are {ordinal(view.place)} on its provisional list of speakers." if view.place else ""
    return f"{asked} is accepted.{place} It takes place {start}."


def interests_text(view: InterestsView, times: Times) -> str:
    if not view.interests:
        return (
            "You have expressed no interest yet: /interest speaker rt1 offers to speak at roundtable 1."
            if (view.mine)
            else "No expression of interest matches."
        )
    lines = [_line(i, view, times) for i in view.interests]
    return "\n".join(lines)


def _line(interest: Interest, view: InterestsView, times: Times) -> str:
    title = inert(view.titles.get(interest.session_id, interest.session_id), 120)
    who = "" if view.mine else f"{speaker_label(interest.speaker)}, "
    note = f" — {inert(interest.note, 120)}" if interest.note else ""
    status = interest.status.value
    if interest.position is not None and interest.status is Status.ACCEPTED:
        status += f", at position {interest.position}"
    return f"#{interest.id} {who}{interest.role.value}, {title}: {status}{note}"
