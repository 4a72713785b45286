"""One line for each refusal a user can meet, saying what was wrong and what to do instead."""

from __future__ import annotations

from bot.adapters.text.inert import inert
from bot.adapters.text.labels import coded
from bot.domain.language import N_
from bot.services.translation import Translator
from bot.services.views import RefusalView

_MESSAGES = {
    "unknown_command": N_("There is no command /{value}; /help lists them all."),
    "missing_argument": N_("Missing {param}: {help}."),
    "bad_argument": N_("'{value}' is not a valid {param}: {help}."),
    "unexpected_argument": N_("Unexpected '{value}'."),
    "text_too_long": N_("That is too long ({length} characters): at most {limit}; shorten it and send it again."),
    "unknown_zone": N_("'{value}' is neither a time zone nor a delegation code (try Europe/Zurich or KZ)."),
    "unknown_language": N_("'{value}' is not one of Podium's languages: en (English), fr (français) or ru (русский)."),
    "unknown_time_zone": N_("Unknown time zone “{value}”: give an IANA name such as Asia/Vladivostok or Europe/Paris."),
    "unknown_session": N_("There is no session '{value}'; sessions are: {known}."),
    "unknown_day": N_("There is no day {value}: the meeting has {days} days."),
    "unknown_subcommand": N_("/{command} has no '{value}'; it takes: {known}."),
    "no_session_open": N_("No session's list of speakers is open here now; the next session is {next} ({next_id})."),
    "list_closed": N_("The list of speakers of {session} is closed; only a point of order (/hand order) is taken."),
    "nobody_speaking": N_("Nobody has the floor, so there is nothing to {kind} to."),
    "duplicate_hand": N_("You already asked for the floor for a {kind}; /queue shows your place."),
    "not_in_queue": N_("{participant} is not on the list of speakers."),
    "floor_moved": N_("The floor moved meanwhile; look at /queue and try again if still needed."),
    "busy": N_("Other replicas kept changing the list of {sessions}; nothing was done. Send it again."),
    "failed": N_(
        "Podium could not do /{command}: nothing was changed. Send it again; if it fails again, tell the secretariat."
    ),
    "just_moved": N_("The floor was given a moment ago; press again to move on."),
    "queue_empty": N_("Nobody is waiting on the list of {session}; /floor end ends the current intervention."),
    "already_closed": N_("The list of {session} is already closed."),
    "already_open": N_("The list of {session} is already open."),
    "bad_position": N_("There is no position {value}: the list has {size} entries."),
    "bad_limit": N_("A speaking time must be more than 0 and at most {max}."),
    "no_rights_of_reply": N_("Nobody has asked for a right of reply in {session}."),
    "session_over": N_("The list of speakers of {session} is closed for good: the session is over."),
    "unverified_state": N_("You declared yourself for {delegation}; you can speak for it once staff verify you."),
    "note_too_long": N_("The note is {length} characters long; the limit is {limit}."),
    "statement_too_long": N_("The statement is {length} characters long; the limit is {limit}."),
    "empty_text": N_("There is no text; write it after the command."),
    "nothing_to_attach": N_("You have no request for the floor in {session} and have not spoken: /hand first."),
    "unknown_user": N_("Nobody called '{value}' is on the roster or has declared themselves (/iam)."),
    "already_listed": N_("You are on the roster already, for {delegation}."),
    "bad_category": N_("'{value}' cannot be declared; staff register the secretariat."),
    "unknown_state": N_("'{value}' is not a member State's code; use /iam NAME stakeholder for an organisation."),
    "nothing_to_verify": N_("'{value}' has not declared themselves with /iam."),
    "unknown_format": N_("There is no export format '{value}'; use one of: {known}."),
    "unknown_intervention": N_(
        "There is no intervention '{value}'; give its session and its number as the notes "
        "and exports show it, such as rt1:6."
    ),
    "submissions_closed": N_("{meeting} takes no written submissions."),
    "no_delegation": N_(
        "Written inputs are sent for a Member State, and you are on no delegation: /iam AM member-state "
        "declares yours, then staff verify it."
    ),
    "submission_unverified": N_("You declared yourself for {delegation}; you can submit for it once staff verify you."),
    "submission_not_invited": N_(
        "The call for written inputs invites Member States; ask the secretariat if a {category} may send one."
    ),
    "submission_empty": N_("There is no text: write it after /submit, or attach it as a .txt, .md or .docx file."),
    "submission_too_long": N_("The text has {words} words; the limit is {limit}. Shorten it and send it again."),
    "one_file": N_("Attach one file, not {count}."),
    "text_and_file": N_("Send the text or a file, not both."),
    "unknown_delegation": N_("'{value}' is not a Member State's code, such as AM or KZ."),
    "unreadable_file": N_("{message}"),
    "interest_duplicate": N_(
        "You already asked for the {role} role at {session}: it is #{id}; /interest list shows it."
    ),
    "interest_decided": N_("Expression of interest #{id} is already {status}."),
    "interest_closed": N_("Expression of interest #{id} is {status}; there is nothing to withdraw."),
    "interest_too_late": N_("{session} has started: its list of speakers is taken in the session with /hand."),
    "unknown_interest": N_("There is no expression of interest '{value}'; /interests lists them with their numbers."),
    "not_your_interest": N_("Expression of interest #{id} is someone else's."),
    "already_inscribed": N_("{name} is already on the list of {session}."),
    "no_replies_ahead": N_(
        "{session} takes no {kind} ahead of the list of speakers; /hand asks for the floor in turn."
    ),
    "no_written_statement": N_("You have no statement submitted in writing in {session}."),
    "reason_too_long": N_("The reason is {length} characters long; the limit is {limit}."),
    "ruling_too_long": N_("The ruling is {length} characters long; the limit is {limit}."),
    "no_point_of_order": N_(
        "No point of order has the floor in {session}, so there is nothing to rule on; /note TEXT keeps a note instead."
    ),
    "point_of_order_pending": N_(
        "{speaker} has the floor on a point of order that interrupted {interrupted}: give a "
        "ruling with /floor rule TEXT, or /floor end to resume them."
    ),
}

# The floor moved to someone: their name in the sentence.
_WITH_SPEAKER = {
    "floor_moved": N_(
        "The floor moved meanwhile ({speaker} has it now); look at /queue and try again if still needed."
    ),
    "just_moved": N_("The floor was given a moment ago ({speaker} has it now); press again to move on."),
}

# The not_allowed message, one whole sentence for each audience.
_NOT_ALLOWED = {
    "moderator": N_("/{command} is for the moderators of this session only."),
    "notetaker": N_("/{command} is for the moderators and rapporteurs of this session only."),
    "staff": N_("/{command} is for staff only."),
}
_NOT_ALLOWED_OTHERS = N_("/{command} is for others only.")


def refusal_line(view: RefusalView, tr: Translator) -> str:
    values = {key: coded(key, inert(value), tr) for key, value in view.details.items()}
    if "help" in view.details:  # a parameter's help from the registry, marked there for the catalogs
        values["help"] = inert(tr.gettext(view.details["help"]))
    line = _template(view, values, tr).format(code=view.code, **values)
    if view.suggestion and view.code.startswith("unknown_"):
        line += " " + tr.gettext("Did you mean {suggestion}?").format(suggestion=view.suggestion)
    elif view.suggestion:
        line += " " + tr.gettext("Usage: {usage}").format(usage=view.suggestion)
    return line


def _template(view: RefusalView, values: dict[str, str], tr: Translator) -> str:
    """The refusal's sentence in the reader's language; the optional parts (who has the floor, a count) filled."""
    if view.code == "not_allowed":
        return tr.gettext(_NOT_ALLOWED.get(values.get("audience", ""), _NOT_ALLOWED_OTHERS))
    if view.code == "unknown_intervention" and values.get("count", "").isdigit():
        count = int(values["count"])
        return tr.ngettext(
            "There is no intervention '{value}'; give its session and its number as the notes and exports show it, "
            "such as rt1:6 (that session has {count}).",
            "There is no intervention '{value}'; give its session and its number as the notes and exports show it, "
            "such as rt1:6 (that session has {count}).",
            count,
        )
    if view.code in ("floor_moved", "just_moved") and values.get("speaker"):
        return tr.gettext(_WITH_SPEAKER[view.code])
    message = _MESSAGES.get(view.code)
    return tr.gettext(message) if message else tr.gettext("That did not work ({code}).")
