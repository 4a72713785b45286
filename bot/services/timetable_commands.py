"""The timetable's chat commands: /agenda, /now and /session, answered in the reader's own time."""

from __future__ import annotations

from dataclasses import replace

from bot.services.context import Context, Handler
from bot.services.timetable import Timetable
from bot.services.views import Post


def timetable_handlers(timetable: Timetable) -> dict[str, Handler]:
    async def agenda(ctx: Context) -> list[Post]:
        day = ctx.args.get("day")
        reader = replace(timetable.reader(ctx.who, ctx.args.get("zone")), language=ctx.language)
        return [ctx.reply(timetable.agenda(reader, ctx.now, int(day) if day else None))]

    async def now(ctx: Context) -> list[Post]:
        return [ctx.reply(timetable.now(timetable.reader(ctx.who, ctx.args.get("zone")), ctx.now))]

    async def session(ctx: Context) -> list[Post]:
        return [ctx.reply(timetable.session(timetable.reader(ctx.who, ctx.args.get("zone")), ctx.args["id"]))]

    return {"agenda": agenda, "now": now, "session": session}
