"""The live list of speakers as a Discord embed, with buttons whose custom ids name the action and the session."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import discord

from bot.adapters.text.inert import inert
from bot.adapters.text.labels import live_kind_label, worded_title
from bot.domain.language import N_, Language
from bot.domain.queue.entries import EntryKind, QueueEntry
from bot.services.translation import Translator
from bot.services.views import QueueView

SHOWN = 5  # the next speakers the embed names; /queue lists more
# action -> label, style; the core checks who may press which, as for the typed commands.
BUTTONS = {
    "hand": (N_("Raise hand"), discord.ButtonStyle.primary),
    "lower": (N_("Lower hand"), discord.ButtonStyle.secondary),
    "next": (N_("Next speaker (moderators)"), discord.ButtonStyle.secondary),
    "end": (N_("End turn (moderators)"), discord.ButtonStyle.danger),
}
COMMANDS = {"hand": ("hand", ""), "lower": ("lower", ""), "next": ("floor", "next"), "end": ("floor", "end")}


class Pressed(Protocol):
    """What a button click runs: the adapter's handler, which the client carries (buttons outlive any one view)."""

    async def __call__(self, interaction: discord.Interaction, action: str, session: str) -> None: ...


class FloorButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"podium:(?P<action>hand|lower|next|end):(?P<session>[\w.-]+)",
):
    """A live list's button. Its custom id is all it needs, so a click works after a restart, on any replica,
    and for a session added by a reload: the client matches the id, not a view it remembers. Its label is the
    list's language; a button rebuilt from a click's custom id needs none (the message keeps the one it had)."""

    def __init__(self, action: str, session: str, label: str | None = None) -> None:
        english, style = BUTTONS[action]
        button = discord.ui.Button[Any](
            label=label or english, style=style, custom_id=f"podium:{action}:{session}"[:100]
        )
        super().__init__(button)
        self.action, self.session = action, session

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> FloorButton:
        return cls(match["action"], match["session"])

    async def callback(self, interaction: discord.Interaction) -> None:
        pressed: Pressed = interaction.client.pressed  # type: ignore[attr-defined]
        await pressed(interaction, self.action, self.session)


def buttons(session: str, tr: Translator | None = None) -> discord.ui.View:
    """The buttons under a live list, labelled in its language; timeout=None: they never expire."""
    view = discord.ui.View(timeout=None)
    for action, (label, _) in BUTTONS.items():
        view.add_item(FloorButton(action, session, tr.gettext(label) if tr else label))
    return view


@dataclass(frozen=True, slots=True)
class Board:
    """The live list as Discord shows it: the embed (as data, hashed for the digest), its buttons' session and the
    language their labels are in."""

    embed: dict[str, Any]
    session: str
    language: Language = Language.EN


def board(view: QueueView, tr: Translator) -> Board:
    """Who has the floor and until when, who comes next; names escaped: an embed shows markdown."""
    heading = tr.gettext("Speakers' list · {title}").format(title=worded_title(view.session, tr))
    embed = discord.Embed(title=inert(heading, 256), colour=discord.Colour.blurple())
    embed.add_field(name=tr.gettext("On the floor"), value=_escaped(floor_line(view, tr)), inline=False)
    if view.current and view.current.deadline:
        until = int(view.current.deadline.timestamp())
        embed.add_field(name=tr.gettext("Time ends"), value=f"<t:{until}:t> (<t:{until}:R>)")
    if view.list_open:
        waiting = tr.ngettext("Waiting: {count} (the list is open)", "Waiting: {count} (the list is open)", view.total)
    else:
        waiting = tr.ngettext(
            "Waiting: {count} (the list is closed)", "Waiting: {count} (the list is closed)", view.total
        )
    embed.add_field(name=waiting.format(count=view.total), value=_escaped(next_lines(view, tr)), inline=False)
    embed.set_footer(text=tr.gettext("Session {session}").format(session=view.session.id))
    return Board(dict(embed.to_dict()), view.session.id, tr.language)


def floor_line(view: QueueView, tr: Translator) -> str:
    if view.current is None:
        return tr.gettext("Nobody has the floor.")
    if view.interrupted is not None:  # a point of order: the speaker it interrupted waits, their clock paused
        line = tr.gettext("{speaker}; {interrupted} is interrupted, their clock paused.")
        return line.format(speaker=_who(view.current.entry, tr), interrupted=_who(view.interrupted.entry, tr))
    return _who(view.current.entry, tr)


def next_lines(view: QueueView, tr: Translator) -> str:
    if not view.upcoming:
        return tr.gettext("Nobody is waiting.")
    names = "\n".join(f"{place.position}. {_who(place.entry, tr)}" for place in view.upcoming[:SHOWN])
    more = view.total - min(len(view.upcoming), SHOWN)
    if more <= 0:
        return names
    return names + "\n" + tr.ngettext("…and {count} more.", "…and {count} more.", more).format(count=more)


def _who(entry: QueueEntry, tr: Translator) -> str:
    speaker = entry.speaker
    kind = "" if entry.kind is EntryKind.STATEMENT else f", {live_kind_label(entry.kind, tr)}"
    return inert(speaker.name, 60) + (f" ({inert(speaker.delegation, 40)})" if speaker.delegation else "") + kind


def _escaped(text: str) -> str:
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))[:1024]
