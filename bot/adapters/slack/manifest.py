"""The Slack app manifest, generated from the registry: an admin creates the whole app from it in one step."""

from __future__ import annotations

from typing import Any

from bot.adapters.slack.commands import slash_name, usage_hint
from bot.adapters.slack.files import SUBMIT_SHORTCUT
from bot.services.registry import Registry

BOT_SCOPES = (
    "app_mentions:read",  # @Podium points to the commands
    "channels:read",  # channel names in the schedule -> ids
    "groups:read",  # ... private channels too
    "chat:write",  # reminders, announcements, the live list
    "chat:write.public",  # post in a session channel without being invited first
    "commands",
    "files:read",  # the "Submit as written input" shortcut fetches the file shared in a message
    "files:write",  # /export sends the file
    "im:write",  # direct messages: "you are next", /remind me
    "users:read",  # each user's time zone, where the roster gives none
)
PLACEHOLDER_URL = "https://podium.example.org/slack/events"


def slack_manifest(
    registry: Registry, *, request_url: str = PLACEHOLDER_URL, socket_mode: bool = False
) -> dict[str, Any]:
    url = {} if socket_mode else {"url": request_url}
    commands = [
        {
            "command": slash_name(spec),
            "description": spec.summary[:100],
            "usage_hint": usage_hint(spec)[:100],
            "should_escape": True,  # mentions arrive as <@U…>: the user id, which is the roster id
            **url,
        }
        for spec in registry.commands
    ]
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "Podium",
            "description": "Runs a virtual intergovernmental meeting: timetable, reminders, speakers' lists, records.",
            "background_color": "#0b5394",
        },
        "features": {
            "bot_user": {"display_name": "Podium", "always_online": True},
            "slash_commands": commands,
            # A slash command cannot carry a file: a delegate shares the submission in a message, then uses this.
            "shortcuts": [
                {
                    "name": "Submit as written input",
                    "type": "message",
                    "callback_id": SUBMIT_SHORTCUT,
                    "description": "Send the .txt, .md or .docx file in this message as your delegation's input",
                }
            ],
        },
        "oauth_config": {"scopes": {"bot": list(BOT_SCOPES)}},
        "settings": {
            "event_subscriptions": {
                **({} if socket_mode else {"request_url": request_url}),
                "bot_events": ["app_mention"],
            },
            "interactivity": {"is_enabled": True, **({} if socket_mode else {"request_url": request_url})},
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }
