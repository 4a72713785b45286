"""Slack's messages for delivery: posts, direct messages, files and the live list's message, as Web API calls."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.blocks import live_blocks, summary
from bot.adapters.slack.channels import ChannelMap
from bot.adapters.slack.text import SlackTimes, to_slack
from bot.adapters.slack.zones import SlackZones
from bot.adapters.text.render import render
from bot.domain.language import Language
from bot.services.delivery_ports import Shown
from bot.services.translation import Translations
from bot.services.views import FileView, Post, QueueView, Visibility

PLATFORM = "slack"
# Refusals that waiting will not cure (the channel or the person is gone, the app is not invited, a scope or the
# token is wrong): the outbox sets such a post aside at once instead of retrying it for the rest of the meeting.
LASTING = frozenset(
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "cannot_dm_bot", "msg_too_long",
        "no_text", "invalid_blocks", "invalid_auth", "not_authed", "account_inactive", "missing_scope",
        "restricted_action", "token_revoked", "user_disabled",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Board:
    """The live list as Slack shows it: the notification text and the blocks."""

    text: str
    blocks: list[dict[str, Any]]


class SlackPlatform:
    """The `ChatPlatform` port over the Web API: Slack's calls, text and Block Kit, and no delivery policy."""

    name = PLATFORM

    def __init__(
        self,
        client: AsyncWebClient,
        channels: ChannelMap,
        zones: SlackZones,
        rename: Callable[[str], str],
        translations: Translations,
    ) -> None:
        self.client = client
        self.channels = channels
        self.zones = zones
        self.rename = rename  # '/remind' in bot text becomes '/podium-remind', Slack keeping '/remind'
        self.times = SlackTimes()
        self.translations = translations

    def text(self, post: Post) -> str:
        return self.rename(to_slack(render(post.view, self.times, self.translations(post.language))))

    def channel_id(self, channel: str | None) -> str | None:
        return self.channels.id_of(channel)

    async def post(self, post: Post) -> str | None:
        """A channel message, or a direct message (posting to a user id opens the app's conversation with them)."""
        if post.visibility is Visibility.CHANNEL:
            target = self.channels.id_of(post.channel)
            if target is None:
                raise LookupError(f"channel #{post.channel} is not known in this workspace")  # not user-facing: logged
        elif post.recipient:
            target = post.recipient
        else:
            return None
        text = self.text(await self.zones.localised(post))
        answer = await self.client.chat_postMessage(channel=target, text=text, mrkdwn=False, unfurl_links=False)
        return str(answer.get("ts") or "")

    async def upload(self, recipient: str, file: FileView, language: Language = Language.EN) -> None:
        """The file in the person's direct messages, its comment in their language (the post's)."""
        dm = (await self.client.conversations_open(users=recipient))["channel"]["id"]
        comment = self.translations(language).gettext("Your export: {name}").format(name=file.name)
        await self.client.files_upload_v2(
            channel=dm,
            content=file.data,
            filename=file.name,
            title=file.name,
            initial_comment=comment,
        )

    def reaches(self, recipient: str) -> bool:
        return not recipient.isdigit()  # Slack's ids (U…, W…) are never digits only; those are Discord's

    def lasting(self, error: BaseException) -> bool:
        return isinstance(error, LookupError) or (
            isinstance(error, SlackApiError) and error.response.get("error") in LASTING
        )

    def reason(self, error: BaseException) -> str:
        if isinstance(error, SlackApiError):
            return str(error.response.get("error") or error.response.status_code)
        return type(error).__name__

    def board(self, view: QueueView) -> Shown:
        """The live list in its channel's language (the core sets the reader's language to the channel's)."""
        tr = self.translations(view.reader.language)
        blocks = [block.to_dict() for block in live_blocks(view, self.times, tr)]  # to_dict() checks Slack's limits
        digest = hashlib.sha256(json.dumps(blocks, sort_keys=True).encode()).hexdigest()
        # The notification text is parsed: a typed <!channel> must not ping.
        return Shown(digest, Board(to_slack(summary(view, tr)), blocks))

    async def show(self, channel_id: str, shown: Shown) -> str:
        board = _board(shown)
        return str((await self.client.chat_postMessage(channel=channel_id, text=board.text, blocks=board.blocks))["ts"])

    async def edit(self, channel_id: str, message_id: str, shown: Shown) -> bool:
        board = _board(shown)
        try:
            await self.client.chat_update(channel=channel_id, ts=message_id, text=board.text, blocks=board.blocks)
        except SlackApiError as error:
            if error.response.get("error") != "message_not_found":
                raise
            return False
        return True

    async def delete(self, channel_id: str, message_id: str) -> None:
        await self.client.chat_delete(channel=channel_id, ts=message_id)


def _board(shown: Shown) -> Board:
    if not isinstance(shown.content, Board):
        raise TypeError("a live list rendered for another platform")
    return shown.content
