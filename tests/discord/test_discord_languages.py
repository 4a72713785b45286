"""Discord in the reader's language: command descriptions localised at sync, the live list, the locale passed on."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import discord
import simcord
from discord import app_commands

from bot.adapters.discord.app import DiscordCommands
from bot.adapters.discord.board import board, buttons
from bot.adapters.discord.commands import CommandTranslator, build_commands, described
from bot.domain.language import Language
from bot.domain.meeting import Session, SessionKind
from bot.services.catalogue import command_registry
from bot.services.commands import Invocation
from bot.services.views import QueueView, Reader
from tests.web.fake_words import MarkedTranslations


async def _run(*_: Any) -> None: ...


async def _synced(translations: Any) -> dict[str, dict[str, Any]]:
    """The commands as SimCord's Discord holds them after a sync through the translator."""
    client = discord.Client(intents=discord.Intents(guilds=True))
    async with simcord.run(client) as env:
        tree = app_commands.CommandTree(client)
        await tree.set_translator(CommandTranslator(translations))
        for command in build_commands(command_registry(), _run, lambda kind, typed, language: []):
            tree.add_command(command)
        await tree.sync()
        return {name: payload for (name, _), payload in env.backend.commands[None].items()}


async def test_the_synced_commands_carry_french_and_russian_descriptions() -> None:
    synced = await _synced(MarkedTranslations())
    registry = command_registry()
    for spec in registry.commands:
        payload = synced[spec.name]
        assert payload["name"] == spec.name  # names stay English: the help and the documents name them so
        localised = payload["description_localizations"]
        assert set(localised) == {"fr", "ru"}, spec.name
        assert localised["fr"].startswith("[fr] ")
        assert localised["ru"].startswith("[ru] ")
        assert all(len(text) <= 100 for text in localised.values())
        assert not payload.get("name_localizations")
        for option in payload.get("options", []):
            assert set(option["description_localizations"]) == {"fr", "ru"}, (spec.name, option["name"])


async def test_a_catalog_without_the_message_leaves_discord_its_english() -> None:
    class Untranslated:
        def __call__(self, language: Language) -> Any:
            translator = MarkedTranslations()(language)
            translator.gettext = lambda message: message  # type: ignore[method-assign]
            return translator

    synced = await _synced(Untranslated())
    assert all(not payload["description_localizations"] for payload in synced.values())


async def test_the_translator_is_asked_for_the_whole_help_and_fits_the_answer() -> None:
    text = "A first sentence. " + "x" * 200
    marked = described(text)
    assert len(marked.message) <= 100
    translator = CommandTranslator(MarkedTranslations())
    context = app_commands.TranslationContext(app_commands.TranslationContextLocation.command_description, None)
    french = await translator.translate(marked, discord.Locale.french, context)
    assert french == "[fr] A first sentence."  # the whole English help translated, then cut as Discord needs
    assert await translator.translate(marked, discord.Locale.american_english, context) is None
    assert await translator.translate(marked, discord.Locale.german, context) is None


def _view(language: Language) -> QueueView:
    start = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)
    session = Session("rt1", SessionKind.ROUNDTABLE, "Roundtable 1", start, start.replace(hour=11))
    reader = Reader("Europe/Geneva", language=language)
    return QueueView(session, reader, current=None, upcoming=(), total=0, list_open=True, mine=(), now=start)


def test_the_live_embed_and_its_buttons_are_in_the_lists_language() -> None:
    tr = MarkedTranslations()(Language.RU)
    shown = board(_view(Language.RU), tr)
    assert shown.embed["title"] == "[ru] Speakers' list · Roundtable 1"
    assert shown.embed["fields"][0]["name"] == "[ru] On the floor"
    assert shown.language is Language.RU
    labels = [item.item.label for item in buttons("rt1", tr).children]  # type: ignore[attr-defined]
    assert labels == ["[ru] Raise hand", "[ru] Lower hand", "[ru] Next speaker (moderators)",
                      "[ru] End turn (moderators)"]  # fmt: skip


class _Channels:
    def name_of(self, channel_id: int | None) -> str:
        return "gcm-rt1"


class _Platform:
    channels = _Channels()
    name = "discord"


class _Commands:
    """The core's command service as far as the adapter sees it: what it was asked."""

    def __init__(self) -> None:
        self.asked: list[Invocation] = []

    async def handle(self, invocation: Invocation) -> list[Any]:
        self.asked.append(invocation)
        return []


async def test_a_command_and_a_button_press_carry_the_interactions_locale() -> None:
    core = _Commands()
    adapter = DiscordCommands(core, command_registry(), _Platform(), lambda post: None, {})  # type: ignore[arg-type]
    user = SimpleNamespace(id=1300000000000000003, roles=())
    interaction = SimpleNamespace(user=user, channel_id=1, id=42, locale=discord.Locale.russian)
    await adapter.run(interaction, "hand", "")  # type: ignore[arg-type]
    interaction.locale = discord.Locale.french
    await adapter.pressed(interaction, "hand", "rt1")  # type: ignore[arg-type]
    assert [(i.command, i.locale) for i in core.asked] == [("hand", "ru"), ("hand", "fr")]
