"""A moderator's buttons on the live page: each press is a /floor command run by the core as that moderator."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from html import escape

from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.adapters.web.keys import ModeratorPass
from bot.domain.meeting import Session
from bot.services.commands import CommandService, Invocation
from bot.services.stage import StageView
from bot.services.translation import Translations
from bot.services.views import FileView, Post, Visibility

ACTIONS = {"next": "Next speaker", "end": "End this turn"}
MAX_REQUEST = 64  # a request id is ours (token_urlsafe); anything longer was not made by this page
Publish = Callable[[Post], Awaitable[None]]


class Moderation:
    """Buttons map to commands, as Slack's buttons do; whether the moderator may is decided by the core."""

    def __init__(self, commands: CommandService, publish: Publish, translations: Translations) -> None:
        self.commands = commands
        self.publish = publish
        self.translations = translations

    async def act(self, session: Session, given: ModeratorPass, form: Mapping[str, str]) -> str:
        """Run the pressed button's command; what the core answers the moderator, as text.

        The form's request id is made when the page is drawn, so a double click (or a reload that posts the
        form again) is one delivery: the core's log runs it once.
        """
        action, request = form.get("action", ""), form.get("request", "")
        if action not in (*ACTIONS, "give") or not request or len(request) > MAX_REQUEST:
            return "That button is not one of this page's: reload the page."
        text = f"give @{form.get('user', '')}" if action == "give" else action
        request_id = f"web:{given.moderator}:{request}"
        invocation = Invocation(given.moderator, "floor", text, session.channel, request_id=request_id)
        said = []
        for post in await self.commands.handle(invocation):
            mine = post.visibility is Visibility.PRIVATE and post.recipient == given.moderator
            if mine and not isinstance(post.view, FileView):
                said.append(render(post.view, PlainTimes(), self.translations(post.language)))
            else:
                await self.publish(post)
        return "\n".join(said) or "Done."


def controls(view: StageView, said: str = "") -> str:
    """The form: Next, End, and Give the floor to one of those waiting; a fresh request id per drawing."""
    request = secrets.token_urlsafe(16)
    hidden = f'<input type="hidden" name="request" value="{request}">'
    buttons = "".join(
        f'<button type="submit" name="action" value="{name}">{escape(label)}</button>'
        for name, label in ACTIONS.items()
    )
    options = "".join(
        f'<option value="{escape(n.participant)}">{escape(n.name)} ({escape(n.delegation or n.category)})</option>'
        for n in view.upcoming
    )
    give = (
        f'<label for="give-to">Give the floor to</label> <select id="give-to" name="user">{options}</select> '
        '<button type="submit" name="action" value="give">Give the floor</button>'
        if options
        else ""
    )
    answer = f'<p id="said" class="said" role="status">{escape(said)}</p>'
    return f"""<section class="controls" aria-labelledby="controls-label">
<h2 id="controls-label" class="label">Moderator</h2>
<form method="post">{hidden}{buttons} {give}</form>
{answer}
</section>"""
