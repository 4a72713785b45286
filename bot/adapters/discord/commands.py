"""Discord's slash commands, generated from the registry: groups as subcommands, typed options, Discord's limits."""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord
from discord import app_commands

from bot.domain.language import Language, language_of
from bot.domain.queue.entries import EntryKind
from bot.domain.settings import Category
from bot.services.registry import CommandSpec, Param, ParamKind, Registry
from bot.services.translation import Translations

NAME_LENGTH, DESCRIPTION_LENGTH, CHOICES = 32, 100, 25  # Discord's limits
# Runs one command: the registry's command name, its text as the console would read it, and the interaction.
Run = Callable[[discord.Interaction, str, str], Awaitable[None]]
# Suggestions for a kind of parameter as someone types (sessions, zones, delegations…): (value, label) pairs, the
# labels in the language of the person typing.
Suggest = Callable[[ParamKind, str, Language], Sequence[tuple[str, str]]]
_NOT_A_NAME = re.compile(r"[^-_\w]")
# What is translated: discord.py asks for names too (every name is a locale_str to it), which stay English.
DESCRIPTIONS = frozenset(
    {
        app_commands.TranslationContextLocation.command_description,
        app_commands.TranslationContextLocation.group_description,
        app_commands.TranslationContextLocation.parameter_description,
    }
)


def discord_name(name: str) -> str:
    """A valid Discord name: lower case, at most 32 letters, digits, - or _."""
    return _NOT_A_NAME.sub("-", name.lower())[:NAME_LENGTH] or "x"


def description(text: str) -> str:
    """The registry's help in Discord's 100 characters: its first sentence if it fits, else cut with an ellipsis."""
    text = " ".join(text.split()) or "…"
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    first = text.split(". ")[0].rstrip(".") + "."
    return first if len(first) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1].rstrip() + "…"


def described(text: str) -> app_commands.locale_str:
    """The registry's help fitted to Discord, carrying the whole English text: the message its translation is of."""
    return app_commands.locale_str(description(text), msgid=text)


class CommandTranslator(app_commands.Translator):
    """Descriptions in French and Russian for Discord clients set to them, from Podium's catalogs, at sync.

    Only descriptions are marked for translation (`described`): command and option names stay English, so that
    the help, the documents and what people type agree in every language.
    """

    def __init__(self, translations: Translations) -> None:
        self.translations = translations

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        language = language_of(locale.value)
        if language is None or language is Language.EN or context.location not in DESCRIPTIONS:
            return None  # Discord shows the English text to every other locale, and the names as they are
        msgid = str(string.extras.get("msgid", string.message))
        translated = self.translations(language).gettext(msgid)
        return None if translated == msgid else description(translated)


def build_commands(
    registry: Registry, run: Run, suggest: Suggest
) -> list[app_commands.Command[Any, ..., Any] | app_commands.Group]:
    """One Discord command per top-level spec; a group's subcommands become Discord subcommands."""
    built: list[app_commands.Command[Any, ..., Any] | app_commands.Group] = []
    for spec in registry.commands:
        if not spec.subcommands:
            built.append(_command(spec, run, suggest))
            continue
        group = app_commands.Group(name=discord_name(spec.name), description=described(spec.summary))
        for sub in spec.subcommands:
            group.add_command(_command(sub, run, suggest, parent=group))
        built.append(group)
    return built


def _command(
    spec: CommandSpec, run: Run, suggest: Suggest, parent: app_commands.Group | None = None
) -> app_commands.Command[Any, ..., Any]:
    """A command whose options are the spec's parameters; the values are joined back into the text the core reads."""
    names = [f"p{index}" for index in range(len(spec.params))]  # Python names: a parameter may be called `from`

    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        words = [_word(values.get(name)) for name in names]
        text = " ".join(word for word in ([spec.name] if spec.parent else []) + words if word)
        await run(interaction, spec.parent or spec.name, text)

    parameters = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    parameters += [_parameter(name, param) for name, param in zip(names, spec.params, strict=True)]
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    callback.__discord_app_commands_param_rename__ = {  # type: ignore[attr-defined]
        name: discord_name(p.name) for name, p in zip(names, spec.params, strict=True)
    }
    callback.__discord_app_commands_param_description__ = {  # type: ignore[attr-defined]
        name: described(p.help) for name, p in zip(names, spec.params, strict=True)
    }
    choices = {name: _choices(p) for name, p in zip(names, spec.params, strict=True) if _choices(p)}
    callback.__discord_app_commands_param_choices__ = choices  # type: ignore[attr-defined]
    callback.__discord_app_commands_param_autocomplete__ = {  # type: ignore[attr-defined]
        name: _completer(p.kind, suggest)
        for name, p in zip(names, spec.params, strict=True)
        if name not in choices and p.kind not in (ParamKind.USER, ParamKind.TEXT)
    }
    return app_commands.Command(
        name=discord_name(spec.name), description=described(spec.summary), callback=callback, parent=parent
    )


def _parameter(name: str, param: Param) -> inspect.Parameter:
    kind: type = discord.User if param.kind is ParamKind.USER else str  # a user is picked, not typed
    annotation = kind if param.required else kind | None
    default = inspect.Parameter.empty if param.required else None
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)


def _word(value: object) -> str:
    if isinstance(value, discord.abc.User):
        return f"<@{value.id}>"  # as Discord writes a mention typed in text; the core reads the id from it
    return "" if value is None else str(value)


def _choices(param: Param) -> list[app_commands.Choice[str]]:
    """Fixed values (the registry's, entry kinds, categories) as Discord choices, when they fit in 25."""
    values = param.choices or {ParamKind.KIND: tuple(EntryKind), ParamKind.CATEGORY: tuple(Category)}.get(
        param.kind, ()
    )
    if not values or len(values) > CHOICES:
        return []
    return [app_commands.Choice(name=str(value), value=str(value)) for value in values]


def _completer(kind: ParamKind, suggest: Suggest) -> Callable[..., Awaitable[list[app_commands.Choice[str]]]]:
    async def complete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = suggest(kind, current, language_of(str(interaction.locale)) or Language.EN)[:CHOICES]
        return [
            app_commands.Choice(name=label[:DESCRIPTION_LENGTH], value=value[:DESCRIPTION_LENGTH])
            for value, label in found
        ]

    return complete
