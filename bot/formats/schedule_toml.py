"""Reading a meeting's timetable from TOML into the domain, with every fault named by file, session and field."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.durations import parse_duration
from bot.domain.interests import InterestRules
from bot.domain.language import N_
from bot.domain.meeting import Link, Meeting, Objective, Provenance, Session, SessionKind
from bot.domain.schedule_rules import ScheduleInvalid, check_meeting
from bot.domain.settings import Category, ReminderSettings, ReportSettings, SpeakingPolicy, SpeakingSettings
from bot.domain.submissions import SubmissionRules
from bot.formats.fields import Fields, syntax, unreadable
from bot.formats.schedule_languages import (
    TRANSLATION_KEYS,
    channel_languages,
    channels_known,
    meeting_language,
    translations,
    with_translations_file,
)

MEETING_KEYS = (
    "id",
    "title",
    "short_title",
    "organisers",
    "timezone",
    "days",
    "main_channel",
    "announced",
    "language",
    "channel_languages",
    "objective_translations",
    "title_fr",
    "title_fr_official",
    "title_ru",
    "title_ru_official",
)
SESSION_KEYS = (
    "id",
    "kind",
    "title",
    "day",
    "start",
    "end",
    "objectives",
    "channel",
    "moderators",
    "links",
    "speaking",
    "replies_ahead",
    "title_fr",
    "title_fr_official",
    "title_ru",
    "title_ru_official",
)
SPEAKING_KEYS = (
    "policy",
    "prefer_first_time",
    "limits",
    "warning_before_end",
    "opens_before",
    "overrun",
    "written_needs_consent",
)
REMINDER_KEYS = ("offsets", "digest_at", "grace")
SUBMISSION_KEYS = ("deadline", "word_limit", "late_until", "categories")
INTEREST_KEYS = ("deadline",)
REPORT_KEYS = ("symbol", "issued")


def load_schedule_toml(path: Path) -> Meeting:
    """The meeting in the file, checked; raises ScheduleInvalid listing every fault."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ScheduleInvalid(str(path), [unreadable(error)]) from None
    except tomllib.TOMLDecodeError as error:
        raise ScheduleInvalid(str(path), [syntax(error)]) from None
    return meeting_from_table(raw, str(path))


def meeting_from_table(raw: dict[str, Any], source: str) -> Meeting:
    """The meeting in a parsed schedule; a translations file it names is read beside `source` (else Podium's own)."""
    top = Fields(raw, "file")
    top.only(
        ("meeting", "provenance", "speaking", "reminders", "submissions", "interests", "report", "session", "objective")
    )
    head = top.child(top.table_of("meeting"), "meeting")
    head.only(MEETING_KEYS)
    zone_name = head.zone("timezone", required=True)
    zone = ZoneInfo(zone_name) if zone_name else ZoneInfo("UTC")
    sessions = tuple(
        s
        for s in (_session(top.child(t, t.get("id") or f"#{i + 1}"), zone) for i, t in enumerate(top.tables("session")))
        if s
    )
    meeting = Meeting(
        id=head.text("id", required=True) or "meeting",
        title=head.text("title", required=True) or "",
        short_title=head.text("short_title") or "",
        organisers=head.texts("organisers"),
        timezone=zone_name or "UTC",
        days=head.days("days"),
        main_channel=head.text("main_channel"),
        announced=head.day("announced"),
        sessions=tuple(sorted(sessions, key=lambda s: s.start)),
        objectives=_objectives(top, head, Path(source).parent),
        provenance=_provenance(top.child(top.table_of("provenance"), "provenance")),
        speaking=_speaking(top.child(top.table_of("speaking"), "speaking")) or SpeakingSettings(),
        reminders=_reminders(top.child(top.table_of("reminders"), "reminders")),
        submissions=_submissions(top.child(top.table_of("submissions"), "submissions"), zone_name or "UTC")
        if "submissions" in top.table
        else None,
        interests=_interests(top.child(top.table_of("interests"), "interests"), zone_name or "UTC"),
        report=_report(top.child(top.table_of("report"), "report")),
        language=meeting_language(head),
        channel_languages=channel_languages(head),
        translations=translations(head, "title_{}", "title_{}_official"),
    )
    channels_known(head, meeting)
    problems = top.problems + check_meeting(meeting)
    if problems:
        raise ScheduleInvalid(source, problems)
    return meeting


def _session(fields: Fields, zone: ZoneInfo) -> Session | None:
    fields.only(SESSION_KEYS)
    day = fields.day("day", required=True)
    start, end = fields.clock_time("start", required=True), fields.clock_time("end", required=True)
    kind = fields.text("kind", required=True)
    if kind is not None and kind not in set(SessionKind):
        fields.fault("kind", N_("unknown kind {kind} (one of: {kinds})"), kind=repr(kind), kinds=", ".join(SessionKind))
        kind = None
    session_id, title = fields.text("id", required=True), fields.text("title", required=True)
    links = _links(fields.child(fields.table_of("links"), fields.where))
    speaking = _speaking(fields.child(fields.table_of("speaking"), fields.where))
    if not (day and start and end and kind and session_id and title):
        return None
    return Session(
        id=session_id,
        kind=SessionKind(kind),
        title=title,
        start=_instant(day, start, zone),
        end=_instant(day, end, zone),
        objectives=fields.numbers("objectives"),
        channel=fields.text("channel"),
        links=links,
        moderators=fields.texts("moderators"),
        speaking=speaking,
        replies_ahead=fields.flag("replies_ahead"),
        translations=translations(fields, "title_{}", "title_{}_official"),
    )


def _instant(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def _links(fields: Fields) -> tuple[Link, ...]:
    links = []
    for kind, url in fields.table.items():
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            fields.fault(f"links.{kind}", N_("must be an http(s) address, not {value}"), value=repr(url))
            continue
        links.append(Link(kind, url))
    return tuple(links)


def _objective(fields: Fields) -> Objective | None:
    fields.only(("number", "label", "title", *TRANSLATION_KEYS))
    number, label, title = fields.number("number", required=True), fields.text("label"), fields.text("title")
    if number is None or title is None:
        return None
    return Objective(number, label or title, title, translations(fields, "{}", "{}_official", "{}_label"))


def _objectives(top: Fields, head: Fields, folder: Path) -> tuple[Objective, ...]:
    """The objectives, with the titles' translations from the file the meeting names, if it names one."""
    tables = enumerate(top.tables("objective"))
    objectives = tuple(o for o in (_objective(top.child(t, f"objective #{i + 1}")) for i, t in tables) if o)
    name = head.text("objective_translations")
    return with_translations_file(head, objectives, folder, name) if name else objectives


def _provenance(fields: Fields) -> Provenance:
    fields.only(("sourced", "reconstructed", "footer"))
    return Provenance(fields.texts("sourced"), fields.texts("reconstructed"), fields.text("footer") or "")


def _speaking(fields: Fields) -> SpeakingSettings | None:
    if not fields.table:
        return None
    fields.only(SPEAKING_KEYS)
    defaults = SpeakingSettings()
    policy = fields.text("policy")
    if policy is not None and policy not in set(SpeakingPolicy):
        policies = ", ".join(SpeakingPolicy)
        fields.fault(
            "policy", N_("unknown policy {policy} (one of: {policies})"), policy=repr(policy), policies=policies
        )
        policy = None
    limits = dict(defaults.limits)
    limit_fields = fields.child(fields.table_of("limits"), fields.where)
    limit_fields.only(Category)
    for name in limit_fields.table:
        span = limit_fields.duration(name)
        if span is not None and name in set(Category):
            limits[Category(name)] = span
    return SpeakingSettings(
        policy=SpeakingPolicy(policy) if policy else defaults.policy,
        prefer_first_time=bool(fields.flag("prefer_first_time")),
        limits=limits,
        warning_before_end=fields.duration("warning_before_end") or defaults.warning_before_end,
        opens_before=_or(fields.duration("opens_before"), defaults.opens_before),
        overrun=_or(fields.duration("overrun"), defaults.overrun),
        written_needs_consent=bool(fields.flag("written_needs_consent")),
    )


def _or(value: timedelta | None, default: timedelta) -> timedelta:
    """The value when one was given (a zero overrun is a real choice), else the default."""
    return default if value is None else value


def _reminders(fields: Fields) -> ReminderSettings:
    fields.only(REMINDER_KEYS)
    defaults = ReminderSettings()
    offsets = []
    for raw in fields.texts("offsets"):
        wrong = N_("must be an offset such as -15m or 0m (not after the start), not {value}")
        span = fields.parsed("offsets", raw, _offset, wrong)
        if span is not None:
            offsets.append(span)
    has_digest = "digest_at" in fields.table
    return ReminderSettings(
        offsets=tuple(offsets) if "offsets" in fields.table else defaults.offsets,
        digest_at=fields.clock_time("digest_at") if has_digest else defaults.digest_at,
        grace=fields.duration("grace") or defaults.grace,
    )


def _offset(raw: str) -> timedelta | None:
    span = parse_duration(raw)
    return span if span is not None and span <= timedelta(0) else None


def _submissions(fields: Fields, zone: str) -> SubmissionRules | None:
    """The terms of the call for written inputs; date-times without an offset are in the meeting's time."""
    fields.only(SUBMISSION_KEYS)
    deadline = fields.instant("deadline", zone, required=True)
    limit = fields.number("word_limit")
    if limit is not None and limit < 1:
        fields.fault("word_limit", N_("must be at least 1"))
        limit = None
    categories = []
    for raw in fields.texts("categories"):
        wrong = N_("must be one of: {known}, not {value}")
        category = fields.parsed("categories", raw, _category, wrong, known=", ".join(Category))
        if category is not None:
            categories.append(category)
    if deadline is None:
        return None
    defaults = SubmissionRules(deadline)
    return SubmissionRules(
        deadline=deadline,
        word_limit=limit or defaults.word_limit,
        late_until=fields.instant("late_until", zone),
        categories=tuple(categories) if "categories" in fields.table else defaults.categories,
    )


def _category(raw: str) -> Category | None:
    return Category(raw) if raw in set(Category) else None


def _interests(fields: Fields, zone: str) -> InterestRules:
    """The deadline for expressions of interest, if the call sets one (in the meeting's time without an offset)."""
    fields.only(INTEREST_KEYS)
    return InterestRules(deadline=fields.instant("deadline", zone))


def _report(fields: Fields) -> ReportSettings:
    """The report's document symbol and date of issue, when the secretariat has them (else placeholders show)."""
    fields.only(REPORT_KEYS)
    return ReportSettings(symbol=fields.text("symbol") or "", issued=fields.day("issued"))
