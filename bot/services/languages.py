"""/language, and the language each post is written in: the reader's for a private post, the channel's otherwise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.domain.errors import Refused
from bot.domain.language import Language, language_of
from bot.services.context import Context, Handler
from bot.services.people import PeopleService
from bot.services.ports import UnitOfWork
from bot.services.timetable import Timetable
from bot.services.transaction import Transaction
from bot.services.views import AckView, Post, Visibility

RESET = "reset"


class LanguageService:
    """A participant's language: the one they chose with /language, else the roster's, else their platform's
    locale (the command's), else the meeting's. A channel's: the schedule's for that channel, else the meeting's."""

    def __init__(self, timetable: Timetable, people: PeopleService, uow: Callable[[], UnitOfWork]) -> None:
        self.timetable = timetable
        self.people = people
        self.uow = uow

    def handlers(self) -> dict[str, Handler]:
        return {"language": self.language}

    async def language(self, ctx: Context) -> list[Post]:
        """`/language` shows mine and why; `/language fr` sets it; `/language reset` goes back to the default."""
        text = ctx.args.get("language")
        chosen = await self.people.choices(ctx.who.id, ctx.tx)
        if text is None:
            return [ctx.reply(self._shown("language_is", ctx.language, chosen.language is not None))]
        if text.strip().lower() == RESET:
            await self.people.choose(ctx, replace(chosen, language=None))
            now_in = self.timetable.meeting.language
            return [replace(ctx, language=now_in).reply(self._shown("language_reset", now_in, False))]
        language = language_of(text)
        if language is None:
            raise Refused("unknown_language", {"value": text})
        await self.people.choose(ctx, replace(chosen, language=language))
        return [replace(ctx, language=language).reply(self._shown("language_set", language, True))]

    async def of(self, participant_id: str, tx: Transaction, locale: str | None = None) -> Language:
        """The language to write to this participant in: the one they chose, else the one they registered in (the
        roster's: asked on purpose, where a platform's locale is often its English default), else their
        platform's (`locale`, given with a command), else the meeting's."""
        chosen = (await self.people.choices(participant_id, tx)).language
        listed = self.timetable.directory.find(participant_id)
        registered = listed.language if listed else None
        return chosen or registered or language_of(locale) or self.timetable.meeting.language

    async def address(self, posts: Sequence[Post], tx: Transaction) -> list[Post]:
        """Every post with its language: the recipient's or the channel's; those already addressed kept as they are."""
        unaddressed = [p.recipient for p in posts if p.language is None and p.visibility is Visibility.PRIVATE]
        if any(unaddressed):
            await self.people.prefetch(tx, [r for r in unaddressed if r])
        return [p if p.language is not None else replace(p, language=await self._language(p, tx)) for p in posts]

    async def address_alone(self, posts: Sequence[Post]) -> list[Post]:
        """`address` for posts made outside a command (reminders, the floor's clock): in a read-only transaction
        of its own, opened only when a private post needs its reader's choice."""
        if all(p.language is not None or p.visibility is Visibility.CHANNEL for p in posts):
            return [p if p.language else replace(p, language=self._channel(p)) for p in posts]
        async with self.uow() as uow:
            return await self.address(posts, Transaction(uow))

    async def _language(self, post: Post, tx: Transaction) -> Language:
        if post.visibility is Visibility.PRIVATE and post.recipient:
            return await self.of(post.recipient, tx)
        return self._channel(post)

    def _channel(self, post: Post) -> Language:
        return self.timetable.meeting.language_in(post.channel)

    @staticmethod
    def _shown(code: str, language: Language, own: bool) -> AckView:
        return AckView(code, {"language": language.own_name, "code": language.value, "source": "own" if own else ""})
