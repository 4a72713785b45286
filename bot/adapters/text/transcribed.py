"""What the transcript keeps of a post a platform delivered: the plain text the console shows, on every platform."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.services.translation import Translations
from bot.services.views import Post


def transcribed(
    record: Callable[[str | None, str], Awaitable[None]], translations: Translations
) -> Callable[[Post], Awaitable[None]]:
    """A recorder of channel posts as plain text: no platform's date tokens or markup reach the transcript."""
    plain = PlainTimes()

    async def keep(post: Post) -> None:
        await record(post.channel, render(post.view, plain, translations(post.language)))

    return keep
