"""Confirmations as text: what was done, said back to the one who asked, in their language."""

from __future__ import annotations

from datetime import timedelta

from bot.adapters.text.inert import inert
from bot.adapters.text.labels import coded, duration_label, kind_label, minutes, ordinal, role_name, session_title
from bot.domain.durations import format_duration
from bot.domain.language import N_, Language
from bot.domain.meeting import Session
from bot.domain.queue.entries import EntryKind
from bot.services.translation import Translator
from bot.services.views import AckView, Fact

_ACKS = {
    "hand_raised": N_("You are on the list of {session} for a {kind}: number {position}, {wait}."),
    "lowered": N_("Your request for the floor in {session} is withdrawn."),
    "statement_kept": N_(
        "Your statement is kept ({length} characters); if you are not heard, it counts as submitted in writing."
    ),
    "note_kept": N_("Note kept on the session."),
    "floor_ended": N_("{name} has finished ({span})."),
    "order_has_floor": N_(
        "Your point of order has the floor now in {session}: the speaker's clock is paused; state it, and the chair "
        "rules on it."
    ),
    "moved": N_("{name} is now number {position} on the list."),
    "removed": N_("{name} is off the list."),
    "last_word": N_("{name} will speak last."),
    "declared": N_("You are listed for {delegation} ({category}), unverified until staff confirm it with /verify."),
    "verified": N_("{user} is verified for {delegation}."),
    "subscribed": N_("You will get a personal reminder for {session}, in your own time."),
    "already_subscribed": N_("You already have a reminder for {session}; /remind list shows them."),
    "your_turn": N_("You are {position} on the list of speakers of {session}."),
    "submission_kept": N_(
        "The written submission of {delegation} is kept: {words} words. A new one replaces it; every version is kept."
    ),
    "submission_replaced": N_(
        "The written submission of {delegation} is replaced by this one: {words} words (version {version}); the "
        "earlier versions are kept."
    ),
    "consent_asked": N_(
        "You were not heard in {session}; your statement is kept as submitted in writing. May the secretariat "
        "publish it in the session notes and the report? Answer /consent {id} yes, or /consent {id} no."
    ),
    "consent_given": N_("Your statement in {session} will be published as submitted in writing."),
    "consent_withheld": N_("Your statement in {session} stays in the record for the secretariat and is not published."),
    "interest_kept": N_(
        "Your interest in the {role} role at {session} is number {id}; the secretariat will tell you what it decides. "
        "/interest withdraw {id} takes it back."
    ),
    "interest_withdrawn": N_("Expression of interest #{id} ({session}) is withdrawn."),
    "interest_accepted_speaker": N_(
        "Accepted #{id}: {name} is inscribed on the provisional list of {session}, and told."
    ),
    "interest_accepted_moderator": N_("Accepted #{id}: {name} will moderate {session}, and is told."),
    "interest_declined": N_("Declined #{id} ({name}, {session}); they are told."),
    "zone_is": N_(
        "Times are shown to you in {zone}{source_part}. /zone ZONE sets your own (an IANA name such as "
        "Asia/Vladivostok); /zone reset goes back."
    ),
    "zone_set": N_("Times are now shown to you in {zone}, wherever Podium shows you a time. /zone reset goes back."),
    "zone_reset": N_("Your own zone is removed: times are shown to you in {zone}{source_part}."),
    "language_is": N_(
        "Podium writes to you in {language}{source_part}. /language fr, /language ru or /language en sets your own; "
        "/language reset goes back."
    ),
    "language_set": N_("Podium now writes to you in {language}. /language reset goes back."),
    "language_reset": N_("Your own language is removed: Podium writes to you in {language}."),
    "corrected": N_(
        "Corrected {intervention}, {name} ({delegation}): '{old}' now reads '{new}'. The log keeps the old text; "
        "/correct {intervention} with it restores it."
    ),
}

# Where a reader's zone comes from when they chose none (services/zones.py).
_ZONE_SOURCES = {
    "own": N_("(your own, set with /zone)"),
    "roster": N_("(from the roster)"),
    "capital": N_("(your delegation's capital: {delegation})"),
    "meeting": N_("(the meeting's time zone)"),
}


def ack_text(view: AckView, tr: Translator) -> str:
    details = {key: coded(key, _fact(value, tr), tr) for key, value in view.details.items()}
    facts = view.details
    count = facts.get("count")
    if view.code == "unsubscribed" and isinstance(count, int):  # the one confirmation with a count to agree with
        return tr.ngettext(
            "Your {count} personal reminder(s) are off.", "Your {count} personal reminder(s) are off.", count
        ).format(count=count)
    if view.code == "hand_raised" and isinstance(facts["wait"], timedelta):
        kind = facts["kind"]
        details["kind"] = kind_label(kind, tr) if isinstance(kind, EntryKind) else details["kind"]
        details["wait"] = (
            tr.gettext("you are next")
            if facts["position"] == 1
            else tr.gettext("about {wait} before you").format(wait=minutes(facts["wait"], tr))
        )
    if view.code == "your_turn" and isinstance(facts["position"], int):
        details["position"] = ordinal(facts["position"], tr)
    words = facts.get("words")
    if isinstance(words, int):
        details["words"] = tr.number(words)
    if view.code.startswith("zone_"):
        source = _ZONE_SOURCES.get(str(facts.get("source")))
        details["source_part"] = " " + tr.gettext(source).format(**details) if source else ""
    if view.code == "note_kept" and facts.get("on") == "intervention":
        return tr.gettext("Note kept on the intervention.")
    if view.code == "interest_kept":
        details["role"] = role_name(details["role"], tr)
    if view.code.startswith("language_"):
        details["source_part"] = " " + tr.gettext("(your own choice)") if facts.get("source") == "own" else ""
    if view.code == "corrected":
        details["old"] = details["old"] or tr.gettext("(no text)")  # never given: say so, not an empty quote
    return tr.gettext(_ACKS[view.code]).format(**details)


def _fact(value: Fact, tr: Translator) -> str:
    """A fact as text: what people typed made inert, a span in minutes and seconds, a number as digits."""
    if isinstance(value, Session):
        return session_title(value, tr)
    if isinstance(value, timedelta) and tr.language is not Language.EN:
        return duration_label(value, tr)
    if isinstance(value, timedelta):
        return f"{int(value.total_seconds())} s" if value < timedelta(minutes=1) else format_duration(value)
    return inert(value) if isinstance(value, str) else str(value)
