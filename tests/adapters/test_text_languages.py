"""Every word the chat text shows goes through the translator: a masked translator leaves only the data visible."""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.adapters.console.app import _not_reloaded
from bot.adapters.console.script import read_line
from bot.adapters.discord.text import DiscordTimes
from bot.adapters.slack.text import SlackTimes
from bot.adapters.text import acks, refusals
from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.domain.interests import Interest, Role, Status
from bot.domain.language import Language
from bot.domain.meeting import Link, Objective, Session, SessionKind, Translation
from bot.domain.queue import events as ev
from bot.domain.queue.entries import EntryKind, Intervention, QueueEntry, Speaker
from bot.domain.reminders import Notice, NoticeKind
from bot.domain.settings import Category
from bot.services.catalogue import command_registry
from bot.services.views import (
    AckView,
    AgendaRow,
    AgendaView,
    DeadlineView,
    FloorView,
    HelpView,
    InterestDecisionView,
    InterestsView,
    NightTime,
    NowView,
    Place,
    QueueView,
    Reader,
    RefusalView,
    ReminderView,
    SessionCard,
    SessionView,
    SubmissionLine,
    SubmissionsView,
    SubscriptionsView,
    View,
)
from tests.queue_builders import speaker
from tests.words import english

T0 = datetime(2020, 11, 12, 9, 0, tzinfo=UTC)
MASK = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]{2,}")  # single letters are units ('3m', '45s') and marks


class Masked:
    """French by its dates' path, but every letter of every message becomes '•': only the data stays readable."""

    language = Language.FR

    def gettext(self, message: str) -> str:
        # Field names ({session}) are kept so the message can still be filled.
        return "".join(p if p.startswith("{") else MASK.sub("•", p) for p in re.split(r"(\{\w*\})", message))

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.gettext(singular if count == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def date(self, moment: date | datetime, skeleton: str) -> str:
        return moment.strftime("%Y-%m-%d")

    def number(self, value: float, decimals: int = 0) -> str:
        return f"{value:.{decimals}f}"


class Russian(Masked):
    """Russian's three plural forms, named: which one the code asked for shows in the text."""

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        one, few = count % 10 == 1 and count % 100 != 11, 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14
        return ("ONE " if one else "FEW " if few else "MANY ") + "{count}"


OBJECTIVE = Objective(2, "2", "Minimize drivers", (Translation(Language.FR, "Réduire facteurs", official=False),))
SESSION = Session(
    "rt1",
    SessionKind.ROUNDTABLE,
    "Roundtable one",
    T0,
    T0 + timedelta(hours=16),
    objectives=(2,),
    channel="gcm-rt1",
    links=(Link("join", "https://meeting.invalid/rt1"),),
    moderators=("Ingrid Halvorsen",),
    translations=(Translation(Language.FR, "Table ronde", official=False),),
)
READER = Reader("Europe/Zurich", "Asia/Almaty", "KZ")
OLGA, JEAN = speaker("olga", delegation="UA"), speaker("jean", delegation="FR", group="EU", verified=False)
# What the views carry that is data, not Podium's words: it may stay as it is.
DATA = "Table ronde Réduire facteurs join https meeting invalid rt Ingrid Halvorsen gcm Olga Jean UA FR EU KZ Asia "
DATA += "Almaty Europe Zurich CET UTC Ruling given Vancouver CA US Armenia agenda queue odd"


def _entry(who: Speaker, kind: EntryKind = EntryKind.STATEMENT, number: int = 1) -> QueueEntry:
    return QueueEntry(number, who, kind, T0, number, note="", interest=number if number > 2 else None)


def _floor(who: Speaker, kind: EntryKind = EntryKind.STATEMENT) -> Intervention:
    return Intervention(_entry(who, kind), T0, timedelta(minutes=3))


def _views() -> list[View]:
    card = SessionCard(SESSION, (OBJECTIVE,), SESSION.links, SESSION.moderators, night=True)
    row = AgendaRow(SESSION, 1, night=True, current=True)
    places = (
        Place(_entry(OLGA, number=3), 2, timedelta(0)),
        Place(_entry(JEAN, EntryKind.ORDER), 3, timedelta(minutes=5)),
    )
    floor, order = _floor(OLGA), _floor(JEAN, EntryKind.ORDER)
    events: list[ev.QueueEvent] = [
        ev.FloorGiven(floor),
        ev.FloorInterrupted(floor, order),
        ev.RulingGiven(order, "Ruling given", floor),
        ev.SpeakerResumed(order, floor),
        ev.TimeWarning(floor, timedelta(minutes=1)),
        ev.TimeUp(floor),
        ev.ListClosed(),
        ev.ListOpened(),
        ev.LimitChanged(Category.MEMBER_STATE, timedelta(minutes=2), None),
        ev.LimitChanged(None, timedelta(minutes=2), None),
        ev.RepliesCalled(2),
        ev.SessionFinished((floor, order), (_entry(JEAN),)),
    ]
    notices = [Notice("k", T0, kind, ("rt1",), "gcm-rt1", timedelta(minutes=-15)) for kind in NoticeKind]
    night = (("rt1", (NightTime("CA", T0, "America/Vancouver", capital=False), NightTime("US", T0, "US/Eastern"))),)
    interest = Interest(4, "rt1", Role.SPEAKER, OLGA, "", T0, Status.ACCEPTED, position=2)
    return [
        AgendaView("Table ronde", READER, (row,), "Armenia", T0),
        AgendaView("Table ronde", Reader("Europe/Zurich"), (row,), "", T0),
        NowView(READER, card, card, T0, meeting_over=False),
        NowView(READER, None, None, T0, meeting_over=True),
        SessionView(READER, card),
        QueueView(SESSION, READER, floor, places, 9, True, places, T0, interrupted=order),
        QueueView(SESSION, READER, None, (), 0, False, (), T0),
        QueueView(SESSION, READER, None, (), 0, True, (), T0, opens=T0),
        *(FloorView(SESSION, READER, event, (_entry(JEAN),), T0) for event in events),
        *(ReminderView(notice, READER, (card,), night, list_open=True) for notice in notices),
        SubscriptionsView(("*", "rt1")),
        SubscriptionsView(()),
        DeadlineView("submission_late", T0, READER),
        SubmissionsView(READER, (SubmissionLine("Armenia", "AM", T0, 4800, 2),), T0),
        SubmissionsView(READER, (), None),
        InterestDecisionView(interest, SESSION, READER, place=2),
        InterestDecisionView(Interest(5, "rt1", Role.MODERATOR, OLGA, "", T0, Status.DECLINED), SESSION, READER, None),
        InterestsView(READER, (interest,), {"rt1": "Table ronde"}, mine=False),
        InterestsView(READER, (), {}, mine=True),
    ]


def _filled(template: str) -> dict[str, str]:
    return {name: "7" for _, name, _, _ in string.Formatter().parse(template) if name}


def _refusals_and_acks() -> list[View]:
    views: list[View] = [RefusalView(code, _filled(text), "/queue") for code, text in refusals._MESSAGES.items()]
    views += [RefusalView("not_allowed", {"command": "7", "audience": "staff"}, None), RefusalView("odd", {}, None)]
    views.append(RefusalView("unknown_intervention", {"value": "7", "count": "7"}, None))
    facts = {code: dict(_filled(text)) for code, text in acks._ACKS.items()}
    facts["hand_raised"].update(kind=EntryKind.ORDER, wait=timedelta(minutes=4), position=2)
    facts["your_turn"]["position"] = 2
    facts["zone_is"].update(source="capital", delegation="KZ")
    facts["corrected"]["old"] = ""
    views += [AckView(code, dict(fact)) for code, fact in facts.items()]
    return [*views, AckView("unsubscribed", {"count": 3}), AckView("note_kept", {"on": "intervention"})]


def _escaped(text: str, allowed: str = DATA) -> set[str]:
    """The words left readable that the data did not bring: English that bypassed the translator."""
    return set(WORD.findall(text)) - set(WORD.findall(allowed))


@pytest.mark.parametrize("view", _views() + _refusals_and_acks(), ids=lambda v: type(v).__name__)
def test_no_english_escapes_the_translator(view: View) -> None:
    text = render(view, PlainTimes(), Masked())
    assert WORD.sub("", text).strip(), "rendered to nothing"
    assert _escaped(text) == set(), text


def test_help_translates_summaries_and_parameters_and_keeps_the_syntax() -> None:
    registry = command_registry()
    syntax = " ".join(
        f"{c.usage} {s.usage} {s.example} {c.example}" for c in registry.commands for s in (c, *c.subcommands)
    )
    texts = [render(HelpView(registry.commands, detailed=False), PlainTimes(), Masked())]
    texts += [render(HelpView((c,), detailed=True), PlainTimes(), Masked()) for c in registry.leaves()]
    assert _escaped("\n".join(texts), syntax) == set()
    assert "Ask for the floor" not in texts[0]


def test_times_and_console_lines_are_translated() -> None:
    tr = Masked()
    texts = [times.header(READER, T0, tr) for times in (PlainTimes(), SlackTimes(), DiscordTimes())]
    texts.append(PlainTimes().span(T0, T0 + timedelta(hours=16), READER, tr))  # ends the next day
    texts += [read_line(line, READER.shown_zone).told(tr) for line in ("@advance -5m", "@nap", "nobody")]
    texts += [_not_reloaded(["x"], tr), _not_reloaded([], tr), _not_reloaded(["x", "y"], tr)]
    assert "(+1 day)" not in texts[3]
    assert _escaped("\n".join(texts), DATA + " advance nap nobody Slack Discord") == set()


def test_russian_plurals_are_chosen_by_count_through_the_renderer() -> None:
    shown = []
    for minutes in (1, 2, 5):
        notice = Notice("k", T0, NoticeKind.BEFORE, ("rt1",), "gcm-rt1", timedelta(minutes=-minutes))
        card = SessionCard(SESSION, (), (), (), night=False)
        shown.append(render(ReminderView(notice, READER, (card,)), PlainTimes(), Russian()).split("\n")[0])
    assert [line.rstrip(":").split()[1:] for line in shown] == [["ONE", "1"], ["FEW", "2"], ["MANY", "5"]]


def test_dates_are_the_translators_and_english_reads_as_before() -> None:
    agenda = AgendaView("T", Reader("Europe/Zurich"), (AgendaRow(SESSION, 1, False, False),), "", T0)
    assert "Day 1 · Thursday 12 November 2020" in render(agenda, PlainTimes(), english())
    assert "1 · 2020-11-12" in render(agenda, PlainTimes(), Masked())
