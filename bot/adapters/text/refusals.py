"""One line for each refusal a user can meet, saying what was wrong and what to do instead."""

from __future__ import annotations

from bot.adapters.text.inert import inert
from bot.services.views import RefusalView

_MESSAGES = {
    "unknown_command": "There is no command /{value}; /help lists them all.",
    "missing_argument": "Missing {param}: {help}.",
    "bad_argument": "'{value}' is not a valid {param}: {help}.",
    "unexpected_argument": "Unexpected '{value}'.",
    "text_too_long": "That is too long ({length} characters): at most {limit}; shorten it and send it again.",
    "unknown_zone": "'{value}' is neither a time zone nor a delegation code (try Europe/Zurich or KZ).",
    "unknown_time_zone": "Unknown time zone “{value}”: give an IANA name such as Asia/Vladivostok or Europe/Paris.",
    "unknown_session": "There is no session '{value}'; sessions are: {known}.",
    "unknown_day": "There is no day {value}: the meeting has {days} days.",
    "not_allowed": "/{command} is for {who} only.",
    "unknown_subcommand": "/{command} has no '{value}'; it takes: {known}.",
    "no_session_open": "No session's list of speakers is open here now; the next session is {next} ({next_id}).",
    "list_closed": "The list of speakers of {session} is closed; only a point of order (/hand order) is taken.",
    "nobody_speaking": "Nobody has the floor, so there is nothing to {kind} to.",
    "duplicate_hand": "You already asked for the floor for a {kind}; /queue shows your place.",
    "not_in_queue": "{participant} is not on the list of speakers.",
    "floor_moved": "The floor moved meanwhile{speaker_part}; look at /queue and try again if still needed.",
    "busy": "Other replicas kept changing the list of {sessions}; nothing was done. Send it again.",
    "failed": "Podium could not do /{command}: nothing was changed. Send it again; if it fails again, tell the "
    "secretariat.",
    "just_moved": "The floor was given a moment ago{speaker_part}; press again to move on.",
    "queue_empty": "Nobody is waiting on the list of {session}; /floor end ends the current intervention.",
    "already_closed": "The list of {session} is already closed.",
    "already_open": "The list of {session} is already open.",
    "bad_position": "There is no position {value}: the list has {size} entries.",
    "bad_limit": "A speaking time must be more than 0 and at most {max}.",
    "no_rights_of_reply": "Nobody has asked for a right of reply in {session}.",
    "session_over": "The list of speakers of {session} is closed for good: the session is over.",
    "unverified_state": "You declared yourself for {delegation}; you can speak for it once staff verify you.",
    "note_too_long": "The note is {length} characters long; the limit is {limit}.",
    "statement_too_long": "The statement is {length} characters long; the limit is {limit}.",
    "empty_text": "There is no text; write it after the command.",
    "nothing_to_attach": "You have no request for the floor in {session} and have not spoken: /hand first.",
    "unknown_user": "Nobody called '{value}' is on the roster or has declared themselves (/iam).",
    "already_listed": "You are on the roster already, for {delegation}.",
    "bad_category": "'{value}' cannot be declared; staff register the secretariat.",
    "unknown_state": "'{value}' is not a member State's code; use /iam NAME stakeholder for an organisation.",
    "nothing_to_verify": "'{value}' has not declared themselves with /iam.",
    "unknown_format": "There is no export format '{value}'; use one of: {known}.",
    "unknown_intervention": "There is no intervention '{value}'; give its session and its number as the notes "
    "and exports show it, such as rt1:6{count_part}.",
    "submissions_closed": "{meeting} takes no written submissions.",
    "no_delegation": "Written inputs are sent for a Member State, and you are on no delegation: /iam AM member-state "
    "declares yours, then staff verify it.",
    "submission_unverified": "You declared yourself for {delegation}; you can submit for it once staff verify you.",
    "submission_not_invited": "The call for written inputs invites Member States; ask the secretariat if a "
    "{category} may send one.",
    "submission_empty": "There is no text: write it after /submit, or attach it as a .txt, .md or .docx file.",
    "submission_too_long": "The text has {words} words; the limit is {limit}. Shorten it and send it again.",
    "one_file": "Attach one file, not {count}.",
    "text_and_file": "Send the text or a file, not both.",
    "unknown_delegation": "'{value}' is not a Member State's code, such as AM or KZ.",
    "unreadable_file": "{message}",
    "interest_duplicate": "You already asked for the {role} role at {session}: it is #{id}; /interest list shows it.",
    "interest_decided": "Expression of interest #{id} is already {status}.",
    "interest_closed": "Expression of interest #{id} is {status}; there is nothing to withdraw.",
    "interest_too_late": "{session} has started: its list of speakers is taken in the session with /hand.",
    "unknown_interest": "There is no expression of interest '{value}'; /interests lists them with their numbers.",
    "not_your_interest": "Expression of interest #{id} is someone else's.",
    "already_inscribed": "{name} is already on the list of {session}.",
    "no_replies_ahead": "{session} takes no {kind} ahead of the list of speakers; /hand asks for the floor in turn.",
    "no_written_statement": "You have no statement submitted in writing in {session}.",
    "reason_too_long": "The reason is {length} characters long; the limit is {limit}.",
    "ruling_too_long": "The ruling is {length} characters long; the limit is {limit}.",
    "no_point_of_order": "No point of order has the floor in {session}, so there is nothing to rule on; "
    "/note TEXT keeps a note instead.",
    "point_of_order_pending": "{speaker} has the floor on a point of order that interrupted {interrupted}: give a "
    "ruling with /floor rule TEXT, or /floor end to resume them.",
}


_WHO = {
    "moderator": "the moderators of this session",
    "notetaker": "the moderators and rapporteurs of this session",
    "staff": "staff",
}


def refusal_line(view: RefusalView) -> str:
    template = _MESSAGES.get(view.code, "That did not work ({code}).")
    values = {key: inert(value) for key, value in view.details.items()}
    values["speaker_part"] = f" ({values['speaker']} has it now)" if values.get("speaker") else ""
    values["count_part"] = f" (that session has {values['count']})" if values.get("count") else ""
    values["who"] = _WHO.get(values.get("audience", ""), "others")
    line = template.format(code=view.code, **values)
    if view.suggestion and view.code.startswith("unknown_"):
        line += f" Did you mean {view.suggestion}?"
    elif view.suggestion:
        line += f" Usage: {view.suggestion}"
    return line
