"""A moderator's buttons on the live page: each press is a /floor command run by the core as that moderator."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from html import escape

from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.adapters.web.keys import ModeratorPass
from bot.domain.language import N_
from bot.domain.meeting import Session
from bot.services.commands import CommandService, Invocation
from bot.services.stage import Named, StageView
from bot.services.translation import Translations, Translator
from bot.services.views import FileView, Post, Visibility

ACTIONS = {"next": N_("Next speaker"), "end": N_("End this turn")}
MAX_REQUEST = 64  # a request id is ours (token_urlsafe); anything longer was not made by this page
Publish = Callable[[Post], Awaitable[None]]


class Moderation:
    """Buttons map to commands, as Slack's buttons do; whether the moderator may is decided by the core."""

    def __init__(self, commands: CommandService, publish: Publish, translations: Translations) -> None:
        self.commands = commands
        self.publish = publish
        self.translations = translations

    async def act(self, session: Session, given: ModeratorPass, form: Mapping[str, str], tr: Translator) -> str:
        """Run the pressed button's command; what the core answers the moderator, as text, in the page's language.

        The form's request id is made when the page is drawn, so a double click (or a reload that posts the
        form again) is one delivery: the core's log runs it once.
        """
        action, request = form.get("action", ""), form.get("request", "")
        if action not in (*ACTIONS, "give") or not request or len(request) > MAX_REQUEST:
            return tr.gettext("That button is not one of this page's: reload the page.")
        text = f"give @{form.get('user', '')}" if action == "give" else action
        request_id = f"web:{given.moderator}:{request}"
        # The page's language is the moderator's here: the core answers in it unless they chose one with /language.
        invocation = Invocation(
            given.moderator, "floor", text, session.channel, request_id=request_id, locale=tr.language.value
        )
        said = []
        for post in await self.commands.handle(invocation):
            mine = post.visibility is Visibility.PRIVATE and post.recipient == given.moderator
            if mine and not isinstance(post.view, FileView):
                said.append(render(post.view, PlainTimes(), self.translations(post.language)))
            else:
                await self.publish(post)
        return "\n".join(said) or tr.gettext("Done.")


def controls(view: StageView, tr: Translator, said: str = "") -> str:
    """The form: Next, End, and Give the floor to one of those waiting; a fresh request id per drawing."""
    request = secrets.token_urlsafe(16)
    # not user-facing: the form's markup (its words are translated)
    hidden = f'<input type="hidden" name="request" value="{request}">'
    buttons = "".join(
        # not user-facing: the form's markup (its words are translated)
        f'<button type="submit" name="action" value="{name}">{escape(tr.gettext(label))}</button>'
        for name, label in ACTIONS.items()
    )
    options = "".join(_option(n, tr) for n in view.upcoming)
    give = ""
    if options:
        to, button = escape(tr.gettext("Give the floor to")), escape(tr.gettext("Give the floor"))
        give = (
            # not user-facing: the form's markup (its words are translated)
            f'<label for="give-to">{to}</label> <select id="give-to" name="user">{options}</select> '
            f'<button type="submit" name="action" value="give">{button}</button>'
        )
    answer = f'<p id="said" class="said" role="status">{escape(said)}</p>'
    heading = escape(tr.gettext("Moderator"))
    # not user-facing: the form's markup (its words are translated)
    return f"""<section class="controls" aria-labelledby="controls-label">
<h2 id="controls-label" class="label">{heading}</h2>
<form method="post">{hidden}{buttons} {give}</form>
{answer}
</section>"""


def _option(named: Named, tr: Translator) -> str:
    origin = named.delegation or tr.gettext(named.category)
    # not user-facing: the form's markup (its words are translated)
    return f'<option value="{escape(named.participant)}">{escape(named.name)} ({escape(origin)})</option>'
