"""What Podium's listeners read of a Slack request, checked before bolt sees it, so a malformed one is a 400."""

from __future__ import annotations

from typing import Any


def malformed(body: object) -> str | None:
    """Why a parsed body is not a request Podium can read, or None; what Slack sends always passes.

    Only the kinds Podium listens for are checked (slash commands, button clicks, events); bolt answers the rest.
    """
    if not isinstance(body, dict):
        return "the body is not an object"
    if "command" in body:  # bolt takes any body with a command for a slash command
        return _fields(body, "", ("command", "user_id", "channel_id"), ("text", "trigger_id"))
    kind = body.get("type")
    if kind == "block_actions":
        return (
            _fields(body.get("user"), "user.", ("id",))
            or _fields(body.get("channel"), "channel.", ("id",))  # Podium's buttons are on channel messages
            or _fields(body, "", (), ("trigger_id",))
            or _actions(body.get("actions"))
        )
    if kind == "message_action":  # the "Submit as written input" shortcut, on a message in a channel
        return _fields(body.get("user"), "user.", ("id",)) or _fields(body.get("channel"), "channel.", ("id",))
    if kind == "event_callback":
        return _fields(body.get("event"), "event.", ("type",), ("user", "channel")) or _fields(
            body, "", (), ("event_id",)
        )
    return None


def _actions(actions: object) -> str | None:
    if not isinstance(actions, list) or not actions:
        return "no actions"
    for action in actions:
        if problem := _fields(action, "actions[].", ("action_id",), ("action_ts",)):
            return problem
    return None


def _fields(value: object, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> str | None:
    """The first fault of an object whose `required` fields are non-empty text and `optional` ones text or absent."""
    if not isinstance(value, dict):
        return f"no {where.rstrip('.') or 'object'}"
    fields: dict[str, Any] = value
    for name in required:
        if not isinstance(fields.get(name), str) or not fields[name]:
            return f"no {where}{name}"
    for name in optional:
        if fields.get(name) is not None and not isinstance(fields[name], str):
            return f"{where}{name} is not text"
    return None
