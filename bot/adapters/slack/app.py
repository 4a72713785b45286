"""The Slack app: every command of the registry as a slash command, the live list's buttons, mentions."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Collection
from dataclasses import replace
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.commands import slash_names
from bot.adapters.slack.delivery import SlackPlatform
from bot.adapters.slack.files import SLACK_FILE_HOSTS, SUBMIT_SHORTCUT, FileRefused, fetched
from bot.adapters.slack.text import from_slack
from bot.services.commands import CommandService, Invocation
from bot.services.registry import Registry
from bot.services.translation import Translator
from bot.services.views import FileView, Post, Visibility

Ack = Callable[..., Awaitable[Any]]
Respond = Callable[..., Awaitable[Any]]
_BUTTON = re.compile(r"podium_(hand|lower|next|end)")
log = logging.getLogger(__name__)
_BUTTON_COMMANDS = {"hand": ("hand", ""), "lower": ("lower", ""), "next": ("floor", "next"), "end": ("floor", "end")}


class SlackCommands:
    """Translates Slack requests into invocations of the core and its answers back into Slack replies."""

    def __init__(
        self,
        commands: CommandService,
        registry: Registry,
        slack: SlackPlatform,
        put: Callable[[Post], None],
        file_hosts: Collection[str] = SLACK_FILE_HOSTS,
    ) -> None:
        self.commands = commands
        self.file_hosts = file_hosts  # where shared files may be fetched from with the bot token
        self.slack = slack
        self.put = put  # the delivery router: channel posts reach every platform serving the meeting
        self.names = slash_names(registry)  # "/agenda" -> "agenda"
        # Commands whose work may outlast Slack's 3 seconds (the registry says which): acked, then run lazily.
        self.slow = {slash for slash, name in self.names.items() if (spec := registry.get(name)) and spec.slow}

    def register(self, app: AsyncApp) -> None:
        # One listener for every quick command, tried first: bolt tries listeners in turn, each match costing
        # a build of its arguments, so fifteen would mean fifteen matches per request; the registry's names
        # decide, and an unknown name is the core's to refuse.
        quick = [re.escape(slash) for slash in self.names if slash not in self.slow]
        app.command(re.compile(f"^(?:{'|'.join(quick)})$"))(self.slash)
        for slash in self.slow:
            app.command(slash)(ack=self._ack_slow, lazy=[self._run_slow])
        app.action(_BUTTON)(self.button)
        app.shortcut(SUBMIT_SHORTCUT)(self.submit_file)
        app.event("app_mention")(self.mention)

    async def slash(self, ack: Ack, command: dict[str, Any]) -> None:
        """Run the command, answer the person privately in the HTTP response, queue everything else."""
        posts = await self.commands.handle(self._invocation(command))
        replies = await self._dispatch(posts, command["user_id"])
        if replies:
            await ack({"response_type": "ephemeral", "text": "\n\n".join(replies), "mrkdwn": False})
        else:
            await ack()

    async def _ack_slow(self, ack: Ack, command: dict[str, Any]) -> None:
        """A refusal (not staff, a typo) answers at once; otherwise the work is announced and runs lazily."""
        invocation = self._invocation(command)
        refusals = await self._dispatch(await self.commands.check(invocation), command["user_id"])
        text = "\n\n".join(refusals) or (await self._words(invocation)).gettext(
            "Working on it: the file comes by direct message."
        )
        await ack({"response_type": "ephemeral", "text": text, "mrkdwn": False})

    async def _run_slow(self, command: dict[str, Any], respond: Respond) -> None:
        invocation = self._invocation(command)
        if await self.commands.check(invocation):
            return  # already refused in the acknowledgement; running it would only refuse again
        posts = await self.commands.handle(invocation)
        for reply in await self._dispatch(posts, command["user_id"]):
            await respond(text=reply, response_type="ephemeral", replace_original=False)

    async def button(self, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        await ack()
        match = _BUTTON.fullmatch(action["action_id"])
        if match is None:
            return
        name, text = _BUTTON_COMMANDS[match.group(1)]
        invocation = Invocation(
            body["user"]["id"],
            name,
            text,
            self.slack.channels.name_of(body["channel"]["id"]),
            # The button's press is one delivery: Slack's action_ts (with the user) names it.
            request_id=f"{body['user']['id']}:{action.get('action_ts') or body.get('trigger_id')}",
            locale=self.slack.zones.locale(body["user"]["id"]),
        )
        for reply in await self._dispatch(await self.commands.handle(invocation), body["user"]["id"]):
            await respond(text=reply, response_type="ephemeral", replace_original=False)

    async def submit_file(self, ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        """The message shortcut "Submit as written input": the file shared in that message goes to /submit, as a
        slash command cannot carry one. The core refuses no file, two files, or one it cannot read."""
        await ack()
        user = body["user"]["id"]
        try:
            async with aiohttp.ClientSession() as session:
                files = (body.get("message") or {}).get("files") or []
                token = self.slack.client.token or ""
                attachments = tuple([await fetched(session, token, f, self.file_hosts) for f in files])
        except (aiohttp.ClientError, TimeoutError, FileRefused):
            log.warning("could not fetch a file shared for /submit")
            words = await self._words(Invocation(user, "submit", locale=self.slack.zones.locale(user)))
            failed = words.gettext(
                "Podium could not fetch the file from Slack: share it again, then use the shortcut on that message."
            )
            await respond(text=failed, response_type="ephemeral", replace_original=False)
            return
        channel = self.slack.channels.name_of(body["channel"]["id"])
        request = f"{user}:{body.get('trigger_id')}"  # one shortcut use is one delivery
        locale = self.slack.zones.locale(user)
        invocation = Invocation(user, "submit", "", channel, request_id=request, attachments=attachments, locale=locale)
        for reply in await self._dispatch(await self.commands.handle(invocation), user):
            await respond(text=reply, response_type="ephemeral", replace_original=False)

    async def mention(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        """Someone wrote @Podium: point them to the commands, privately."""
        user, channel = event.get("user"), event.get("channel")
        if not user or not channel:
            return
        where, locale = self.slack.channels.name_of(channel), self.slack.zones.locale(user)
        invocation = Invocation(user, "help", "", where, request_id=body.get("event_id"), locale=locale)
        for post in await self.commands.handle(invocation):
            await self.slack.client.chat_postEphemeral(
                channel=channel, user=user, text=self.slack.text(post), mrkdwn=False
            )

    def _invocation(self, command: dict[str, Any]) -> Invocation:
        return Invocation(
            command["user_id"],
            self.names[command["command"]],
            from_slack(command.get("text", "")),  # /floor give @olga arrives as <@U…|olga>
            self.slack.channels.name_of(command["channel_id"]),  # by id alone: a channel_name may be stale
            request_id=command.get("trigger_id"),
            locale=self.slack.zones.locale(command["user_id"]),  # Slack sends none with the command: its directory's
        )

    async def _words(self, invocation: Invocation) -> Translator:
        """The actor's language, for what the app says itself rather than the core."""
        return self.slack.translations(await self.commands.language_of(invocation))

    async def _dispatch(self, posts: list[Post], actor: str) -> list[str]:
        """The texts that answer the actor directly; every other post (and every file) goes to the router.

        A direct answer is localised like a queued post: times in the actor's Slack zone where the roster has none.
        A private post names Slack: the people a Slack command names are Slack's users.
        """
        replies = []
        for post in posts:
            private = post.visibility is Visibility.PRIVATE
            if private and post.recipient == actor and post.channel is not None and not isinstance(post.view, FileView):
                replies.append(self.slack.text(await self.slack.zones.localised(post)))
            else:
                self.put(replace(post, platform=self.slack.name) if private else post)
        return replies


class _ClientGiven(logging.Filter):
    """bolt warns that SLACK_BOT_TOKEN goes unused when a client is given; Podium always gives one, on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()  # not user-facing: bolt's log line


def build_app(client: AsyncWebClient, signing_secret: str | None) -> AsyncApp:
    """The bolt app. Its listeners run before the response is sent (`process_before_response`): the core's work
    takes milliseconds, so the answer itself is the HTTP response, and bolt does not poll for an ack every 10 ms.
    """
    logger = logging.getLogger("bot.adapters.slack.bolt")
    if not any(isinstance(f, _ClientGiven) for f in logger.filters):
        logger.addFilter(_ClientGiven())
    return AsyncApp(
        client=client,
        logger=logger,
        signing_secret=signing_secret or None,
        process_before_response=True,
        # SlackEdge verifies every HTTP request before bolt sees it (and Socket Mode has none to sign): bolt
        # checking the same signature again would cost a second HMAC per request for nothing.
        request_verification_enabled=False,
    )
