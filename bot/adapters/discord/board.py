"""The live list of speakers as a Discord embed, with buttons whose custom ids name the action and the session."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import discord

from bot.adapters.text.inert import inert
from bot.services.views import QueueView

SHOWN = 5  # the next speakers the embed names; /queue lists more
# action -> label, style; the core checks who may press which, as for the typed commands.
BUTTONS = {
    "hand": ("Raise hand", discord.ButtonStyle.primary),
    "lower": ("Lower hand", discord.ButtonStyle.secondary),
    "next": ("Next speaker (moderators)", discord.ButtonStyle.secondary),
    "end": ("End turn (moderators)", discord.ButtonStyle.danger),
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
    and for a session added by a reload: the client matches the id, not a view it remembers."""

    def __init__(self, action: str, session: str) -> None:
        label, style = BUTTONS[action]
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"podium:{action}:{session}"[:100]))
        self.action, self.session = action, session

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> FloorButton:
        return cls(match["action"], match["session"])

    async def callback(self, interaction: discord.Interaction) -> None:
        pressed: Pressed = interaction.client.pressed  # type: ignore[attr-defined]
        await pressed(interaction, self.action, self.session)


def buttons(session: str) -> discord.ui.View:
    """The buttons under a live list; timeout=None: they never expire."""
    view = discord.ui.View(timeout=None)
    for action in BUTTONS:
        view.add_item(FloorButton(action, session))
    return view


@dataclass(frozen=True, slots=True)
class Board:
    """The live list as Discord shows it: the embed (as data, hashed for the digest) and its buttons' session."""

    embed: dict[str, Any]
    session: str


def board(view: QueueView) -> Board:
    """Who has the floor and until when, who comes next; names escaped: an embed shows markdown."""
    embed = discord.Embed(title=inert(f"Speakers' list · {view.session.title}", 256), colour=discord.Colour.blurple())
    embed.add_field(name="On the floor", value=_escaped(floor_line(view)), inline=False)
    if view.current and view.current.deadline:
        until = view.current.deadline
        embed.add_field(name="Time ends", value=f"<t:{int(until.timestamp())}:t> (<t:{int(until.timestamp())}:R>)")
    embed.add_field(
        name=f"Waiting: {view.total} (the list is {'open' if view.list_open else 'closed'})",
        value=_escaped(next_lines(view)),
        inline=False,
    )
    embed.set_footer(text=f"Session {view.session.id}")
    return Board(dict(embed.to_dict()), view.session.id)


def floor_line(view: QueueView) -> str:
    if view.current is None:
        return "Nobody has the floor."
    if view.interrupted is not None:  # a point of order: the speaker it interrupted waits, their clock paused
        return f"{_who(view.current.entry)}; {_who(view.interrupted.entry)} is interrupted, their clock paused."
    return _who(view.current.entry)


def next_lines(view: QueueView) -> str:
    if not view.upcoming:
        return "Nobody is waiting."
    names = "\n".join(f"{place.position}. {_who(place.entry)}" for place in view.upcoming[:SHOWN])
    more = view.total - min(len(view.upcoming), SHOWN)
    return names + (f"\n…and {more} more." if more > 0 else "")


def _who(entry: Any) -> str:
    speaker = entry.speaker
    kind = "" if entry.kind.value == "statement" else f", {entry.kind.value.replace('-', ' ')}"
    return inert(speaker.name, 60) + (f" ({inert(speaker.delegation, 40)})" if speaker.delegation else "") + kind


def _escaped(text: str) -> str:
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))[:1024]
