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
from bot.adapters.text.labels import live_kind_label, worded_title
from bot.domain.language import N_
from bot.domain.queue.entries import EntryKind, QueueEntry
from bot.services.translation import Translator
from bot.services.views import QueueView

SHOWN = 5  # the next speakers the message names; /queue lists more
# Buttons carry the session id; the core checks, as for the typed commands, who may press which.
BUTTONS = (
    ("podium_hand", N_("Raise hand"), "primary"),
    ("podium_lower", N_("Lower hand"), None),
    ("podium_next", N_("Next speaker (moderators)"), None),
    ("podium_end", N_("End turn (moderators)"), "danger"),
)


def live_blocks(view: QueueView, times: SlackTimes, tr: Translator) -> list[Block]:
    """Who has the floor and until when, who comes next, and the buttons, in the list's language."""
    session = view.session
    heading = tr.gettext("Speakers' list · {title}").format(title=worded_title(view.session, tr))
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=inert(heading, 150)))]
    blocks.append(SectionBlock(text=PlainTextObject(text=floor_line(view, tr), emoji=False)))
    if view.current and view.current.deadline:
        until = times.token(view.current.deadline, view.reader)
        ends = tr.gettext("Time ends at {until}.").format(until=until)
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=to_slack(ends))]))
    blocks.append(SectionBlock(text=PlainTextObject(text=next_line(view, tr), emoji=False)))
    buttons = [
        ButtonElement(text=tr.gettext(label), action_id=action, value=session.id, style=style)
        for action, label, style in BUTTONS
    ]
    blocks.append(ActionsBlock(block_id=f"podium_floor_{session.id}"[:255], elements=buttons))
    return blocks


def floor_line(view: QueueView, tr: Translator) -> str:
    if view.current is None:
        return tr.gettext("Nobody has the floor.")
    speaker = _who(view.current.entry, tr)
    if view.interrupted is not None:  # a point of order: the speaker it interrupted waits, their clock paused
        line = tr.gettext("On the floor: {speaker}; {interrupted} is interrupted, their clock paused.")
        return line.format(speaker=speaker, interrupted=_who(view.interrupted.entry, tr))
    return tr.gettext("On the floor: {speaker}.").format(speaker=speaker)


def next_line(view: QueueView, tr: Translator) -> str:
    if not view.upcoming:
        if view.list_open:
            return tr.gettext("Nobody is waiting. The list is open.")
        return tr.gettext("Nobody is waiting. The list is closed.")
    names = "\n".join(f"{place.position}. {_who(place.entry, tr)}" for place in view.upcoming[:SHOWN])
    more = view.total - min(len(view.upcoming), SHOWN)
    tail = "\n" + tr.ngettext("…and {count} more.", "…and {count} more.", more).format(count=more) if more > 0 else ""
    if view.list_open:
        head = tr.ngettext(
            "Next ({count} waiting; the list is open):", "Next ({count} waiting; the list is open):", view.total
        )
    else:
        head = tr.ngettext(
            "Next ({count} waiting; the list is closed):", "Next ({count} waiting; the list is closed):", view.total
        )
    return f"{head.format(count=view.total)}\n{names}{tail}"


def summary(view: QueueView, tr: Translator) -> str:
    """The message's plain text: what notifications and screen readers get."""
    waiting = tr.ngettext("{count} waiting for {session}.", "{count} waiting for {session}.", view.total)
    return f"{floor_line(view, tr)} {waiting.format(count=view.total, session=view.session.id)}"


def _who(entry: QueueEntry, tr: Translator) -> str:
    speaker = entry.speaker
    kind = "" if entry.kind is EntryKind.STATEMENT else f", {live_kind_label(entry.kind, tr)}"
    name = inert(speaker.name, 60) + (f" ({inert(speaker.delegation, 40)})" if speaker.delegation else "")
    return name + kind
