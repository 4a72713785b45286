"""Settings from the environment, read once by the composition root; no module-level instance."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain.language import N_, Language, language_of

if TYPE_CHECKING:
    from bot.services.translation import Translator

PACKAGE = Path(__file__).resolve().parent  # the installed `bot` package: its data ships inside it
BUNDLED = PACKAGE / "schedules"  # the timetables, rosters, member States and demo script shipped with Podium
DEFAULT_SCHEDULE = "schedules/unece-gcm-review-2020.toml"
DEFAULT_STATES = "schedules/unece-member-states.toml"
DEFAULT_DATABASE = "sqlite:///podium.db"
SLACK_API = "https://slack.com/api/"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = DEFAULT_DATABASE
    schedule: Path = PACKAGE / DEFAULT_SCHEDULE  # the shipped files, wherever the process runs
    member_states: Path = PACKAGE / DEFAULT_STATES
    roster: Path | None = None
    log_level: str = "INFO"
    pid_file: Path | None = None  # where `podium serve` writes its process id; by default beside the database
    language: Language | None = None  # PODIUM_LANG: the command line's messages, where no --lang is given

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        roster = env.get("PODIUM_ROSTER")
        return cls(
            database_url=env.get("DATABASE_URL", DEFAULT_DATABASE),
            schedule=data_path(env.get("PODIUM_SCHEDULE", DEFAULT_SCHEDULE)),
            member_states=data_path(env.get("PODIUM_MEMBER_STATES", DEFAULT_STATES)),
            roster=data_path(roster) if roster else None,
            log_level=env.get("PODIUM_LOG_LEVEL", "INFO").upper(),
            pid_file=Path(env["PODIUM_PID_FILE"]).expanduser() if env.get("PODIUM_PID_FILE") else None,
            language=_language(env.get("PODIUM_LANG", "")),
        )


def _language(text: str) -> Language | None:
    """PODIUM_LANG: unset or empty is English; anything else must name one of Podium's languages."""
    if not text.strip():
        return None
    found = language_of(text)
    if found is None:
        raise MissingSetting(
            N_("set PODIUM_LANG to en, fr or ru (or leave it unset for English), not '{given}'"), given=text
        )
    return found


def data_path(text: str | Path) -> Path:
    """A data file as given, or, when a relative path is not found in the working directory, the one shipped with
    Podium: `schedules/demo-roster-2020.toml` is `bot/schedules/demo-roster-2020.toml` inside the installed package,
    from any directory."""
    path = Path(text).expanduser()
    if path.is_absolute() or path.exists():
        return path
    shipped = PACKAGE / path
    return shipped if shipped.exists() else path


class MissingSetting(ValueError):
    """A setting the chosen platform needs is not in the environment; the message says which and where to find it.

    The message is a msgid with named fields, so the command line can say it in its reader's language (`said`);
    fields whose names end in `_where` are themselves msgids (where an admin finds a setting), translated too.
    """

    def __init__(self, message: str, **fields: str) -> None:
        self.message = message
        self.fields = fields
        super().__init__(message.format(**fields))

    def said(self, tr: Translator) -> str:
        """The message in `tr`'s language."""
        shown = {name: tr.gettext(value) if name.endswith("_where") else value for name, value in self.fields.items()}
        return tr.gettext(self.message).format(**shown)


def _missing(wanted: Mapping[str, str]) -> MissingSetting | None:
    """The settings of `wanted` (name -> where to find it) absent from the environment, as one message; or None."""
    if len(wanted) == 2:
        (first, first_where), (second, second_where) = wanted.items()
        return MissingSetting(
            N_("set {first} ({first_where}) and {second} ({second_where}) in the environment"),
            first=first, first_where=first_where, second=second, second_where=second_where,
        )  # fmt: skip
    if len(wanted) == 1:
        ((name, name_where),) = wanted.items()
        return MissingSetting(N_("set {name} ({name_where}) in the environment"), name=name, name_where=name_where)
    return None


@dataclass(frozen=True, slots=True)
class SlackSettings:
    """Slack credentials: never printed (`repr=False`), never logged."""

    bot_token: str = field(repr=False)
    signing_secret: str = field(default="", repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_url: str = SLACK_API

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, socket: bool = False) -> SlackSettings:
        """Socket Mode (asked for, or SLACK_APP_TOKEN set) needs the app token; HTTP mode the signing secret."""
        env = os.environ if env is None else env
        app_token = env.get("SLACK_APP_TOKEN") or None
        # Where an admin finds each setting in the app's configuration pages (names, not secrets).
        wanted = {"SLACK_BOT_TOKEN": N_("the Bot User OAuth Token (xoxb-…), under OAuth & Permissions")}
        second = (
            ("SLACK_APP_TOKEN", N_("an app-level token (xapp-…) with connections:write, under Basic Information"))
            if socket or app_token
            else ("SLACK_SIGNING_SECRET", N_("the Signing Secret, under Basic Information"))
        )
        wanted[second[0]] = second[1]
        missing = _missing({name: where for name, where in wanted.items() if not env.get(name)})
        if missing:
            raise missing
        api_url = env.get("SLACK_API_URL") or SLACK_API
        return cls(
            bot_token=env["SLACK_BOT_TOKEN"],
            signing_secret=env.get("SLACK_SIGNING_SECRET", ""),
            app_token=app_token,
            api_url=api_url if api_url.endswith("/") else api_url + "/",
        )

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The live page: where it listens, and the secret its links' keys are made from (never printed)."""

    secret: str = field(repr=False)
    host: str = "127.0.0.1"
    port: int = 8080

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, host: str = "127.0.0.1", port: int = 8080
    ) -> WebSettings:
        env = os.environ if env is None else env
        secret = env.get("PODIUM_WEB_SECRET", "")
        if len(secret) < 16:
            raise MissingSetting(
                N_(
                    "set PODIUM_WEB_SECRET in the environment to a random text of 16 characters or more "
                    "(such as `openssl rand -hex 32`): the live page's keys are made from it"
                )
            )
        return cls(secret=secret, host=host, port=port)


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    """Discord's bot token (never printed), the server (guild), and the guild roles that mean staff or moderator."""

    token: str = field(repr=False)
    guild_id: int = 0
    staff_roles: tuple[str, ...] = ()  # role names or ids; a member holding one is staff, as the roster's "staff"
    moderator_roles: tuple[str, ...] = ()  # moderators of every session (the roster still names per-session ones)
    api_url: str | None = None  # another REST base (a local fake): http://127.0.0.1:PORT/api/v10
    gateway_url: str | None = None  # another gateway: ws://127.0.0.1:PORT/

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DiscordSettings:
        env = os.environ if env is None else env
        wanted = {
            "DISCORD_TOKEN": N_("the bot's token, under Bot in the application's page of the Developer Portal"),
            "DISCORD_GUILD_ID": N_("the server's id: Copy Server ID on the server's icon, with Developer Mode on"),
        }
        missing = _missing({name: where for name, where in wanted.items() if not env.get(name)})
        if missing:
            raise missing
        if not env["DISCORD_GUILD_ID"].strip().isdigit():
            raise MissingSetting(N_("DISCORD_GUILD_ID must be the server's numeric id (Copy Server ID)"))
        return cls(
            token=env["DISCORD_TOKEN"].strip(),
            guild_id=int(env["DISCORD_GUILD_ID"]),
            staff_roles=_listed(env.get("DISCORD_STAFF_ROLE", "")),
            moderator_roles=_listed(env.get("DISCORD_MODERATOR_ROLE", "")),
            api_url=env.get("DISCORD_API_URL") or None,
            gateway_url=env.get("DISCORD_GATEWAY_URL") or None,
        )

    @property
    def roles(self) -> dict[str, tuple[str, ...]]:
        """Podium's role -> the guild roles that mean it."""
        return {"staff": self.staff_roles, "moderator": self.moderator_roles}


def _listed(text: str) -> tuple[str, ...]:
    """'Secretariat, 1234' -> ('Secretariat', '1234')."""
    return tuple(part.strip().lstrip("@") for part in text.split(",") if part.strip())
