"""The live queue message as Block Kit, built with slack_sdk.models so Slack's limits are checked before sending."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.adapters.slack.text import SlackTimes, to_slack
from bot.adapters.text.inert import inert
from bot.domain.queue.entries import EntryKind, QueueEntry
from bot.services.views import QueueView

SHOWN = 5  # the next speakers the message names; /queue lists more
# Buttons carry the session id; the core checks, as for the typed commands, who may press which.
BUTTONS = (
    ("podium_hand", "Raise hand", "primary"),
    ("podium_lower", "Lower hand", None),
    ("podium_next", "Next speaker (moderators)", None),
    ("podium_end", "End turn (moderators)", "danger"),
)


def live_blocks(view: QueueView, times: SlackTimes) -> list[Block]:
    """Who has the floor and until when, who comes next, and the buttons."""
    session = view.session
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=inert(f"Speakers' list · {session.title}", 150)))]
    blocks.append(SectionBlock(text=PlainTextObject(text=floor_line(view), emoji=False)))
    if view.current and view.current.deadline:
        until = times.token(view.current.deadline, view.reader)
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=to_slack(f"Time ends at {until}."))]))
    blocks.append(SectionBlock(text=PlainTextObject(text=next_line(view), emoji=False)))
    buttons = [
        ButtonElement(text=label, action_id=action, value=session.id, style=style) for action, label, style in BUTTONS
    ]
    blocks.append(ActionsBlock(block_id=f"podium_floor_{session.id}"[:255], elements=buttons))
    return blocks


def floor_line(view: QueueView) -> str:
    if view.current is None:
        return "Nobody has the floor."
    if view.interrupted is not None:  # a point of order: the speaker it interrupted waits, their clock paused
        paused = f"{_who(view.interrupted.entry)} is interrupted, their clock paused"
        return f"On the floor: {_who(view.current.entry)}; {paused}."
    return f"On the floor: {_who(view.current.entry)}."


def next_line(view: QueueView) -> str:
    state = "open" if view.list_open else "closed"
    if not view.upcoming:
        return f"Nobody is waiting. The list is {state}."
    names = "\n".join(f"{place.position}. {_who(place.entry)}" for place in view.upcoming[:SHOWN])
    more = view.total - min(len(view.upcoming), SHOWN)
    tail = f"\n…and {more} more." if more > 0 else ""
    return f"Next ({view.total} waiting; the list is {state}):\n{names}{tail}"


def summary(view: QueueView) -> str:
    """The message's plain text: what notifications and screen readers get."""
    return f"{floor_line(view)} {view.total} waiting for {view.session.id}."


def _who(entry: QueueEntry) -> str:
    speaker = entry.speaker
    kind = "" if entry.kind is EntryKind.STATEMENT else f", {entry.kind.value.replace('-', ' ')}"
    name = inert(speaker.name, 60) + (f" ({inert(speaker.delegation, 40)})" if speaker.delegation else "")
    return name + kind
