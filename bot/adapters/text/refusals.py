"""One line for each refusal a user can meet, saying what was wrong and what to do instead."""

from __future__ import annotations

from bot.adapters.text.inert import inert
from bot.services.views import RefusalView

_MESSAGES = {
    "unknown_command": "There is no command /{value}; /help lists them all.",
    "missing_argument": "Missing {param}: {help}.",
    "bad_argument": "'{value}' is not a valid {param}: {help}.",
    "unexpected_argument": "Unexpected '{value}'.",
    "text_too_long": "That is too long: at most {limit} characters.",
    "unknown_zone": "'{value}' is neither a time zone nor a delegation code (try Europe/Zurich or KZ).",
    "unknown_session": "There is no session '{value}'; sessions are: {known}.",
    "unknown_day": "There is no day {value}: the meeting has {days} days.",
    "not_allowed": "/{command} is for {audience}s only.",
}


def refusal_line(view: RefusalView) -> str:
    template = _MESSAGES.get(view.code, "That did not work ({code}).")
    values = {key: inert(value) for key, value in view.details.items()}
    line = template.format(code=view.code, **values)
    if view.suggestion and view.code.startswith("unknown_"):
        line += f" Did you mean {view.suggestion}?"
    elif view.suggestion:
        line += f" Usage: {view.suggestion}"
    return line
