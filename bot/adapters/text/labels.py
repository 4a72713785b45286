"""Names as a reader sees them: titles in their language, speakers, kinds of request and places on the list."""

from __future__ import annotations

from datetime import timedelta

from bot.adapters.text.inert import inert
from bot.domain.durations import format_duration
from bot.domain.interests import Status
from bot.domain.language import N_, Language
from bot.domain.meeting import Objective, Session
from bot.domain.queue.entries import EntryKind, Speaker
from bot.domain.settings import Category
from bot.services.translation import Translator

KIND_LABEL = {
    EntryKind.ORDER: N_("point of order"),
    EntryKind.QUESTION: N_("question"),
    EntryKind.REPLY: N_("reply"),
    EntryKind.STATEMENT: N_("statement"),
    EntryKind.RIGHT_OF_REPLY: N_("right of reply"),
}


def kind_label(kind: EntryKind, tr: Translator) -> str:
    return tr.gettext(KIND_LABEL[kind])


# After a title no UN text gives in the reader's language; `render` explains it once at the message's foot, where
# "(unofficial translation)" after each of six objectives would bury the titles themselves.
UNOFFICIAL = "†"


def session_title(session: Session, tr: Translator) -> str:
    """The session's title in the reader's language where the schedule gives one, marked when unofficial."""
    title = session.title_in(tr.language)
    return title + (" " + UNOFFICIAL if session.unofficial_in(tr.language) else "")


def worded_title(session: Session, tr: Translator) -> str:
    """The session's title with "(unofficial translation)" in words: for a live list, edited in place, with no
    foot to explain a mark."""
    title = session.title_in(tr.language)
    return title + (" " + tr.gettext("(unofficial translation)") if session.unofficial_in(tr.language) else "")


def objective_title(objective: Objective, tr: Translator) -> str:
    title = objective.title_in(tr.language)
    return title + (" " + UNOFFICIAL if objective.unofficial_in(tr.language) else "")


def live_kind_label(kind: EntryKind, tr: Translator) -> str:
    """How the live lists (Slack's, Discord's) name a speech that is not a statement: 'order', 'right of reply'."""
    labels = {
        EntryKind.QUESTION: tr.pgettext("live list", "question"),
        EntryKind.REPLY: tr.pgettext("live list", "reply"),
        EntryKind.ORDER: tr.pgettext("live list", "order"),
        EntryKind.RIGHT_OF_REPLY: tr.pgettext("live list", "right of reply"),
    }
    return labels.get(kind, kind.value.replace("-", " "))


def speaker_label(speaker: Speaker, tr: Translator) -> str:
    """'Name (KZ)', 'Name (DE, for the EU)', with '(unverified)' for a self-declaration not yet confirmed."""
    parts = [inert(speaker.delegation, 40)] if speaker.delegation else []
    if speaker.group:
        parts.append(tr.gettext("for the {group}").format(group=inert(speaker.group, 40)))
    label = inert(speaker.name, 60) + (f" ({', '.join(parts)})" if parts else "")
    return label if speaker.verified else f"{label} " + tr.gettext("(unverified)")


def ordinal(position: int, tr: Translator) -> str:
    """'next', '2nd', '3rd', '4th': a place on the list as people say it."""
    if position == 1:
        return tr.pgettext("place on the list", "next")
    if position == 2:
        return tr.pgettext("place on the list", "2nd")
    if position == 3:
        return tr.pgettext("place on the list", "3rd")
    return tr.pgettext("place on the list", "{position}th").format(position=position)


def minutes(span: timedelta, tr: Translator) -> str:
    """'less than a minute', '5 min': a wait as an estimate."""
    count = round(span.total_seconds() / 60)
    if count < 1:
        return tr.gettext("less than a minute")
    return tr.gettext("{count} min").format(count=count)  # an abbreviation: the same for every count


def role_name(role: str, tr: Translator) -> str:
    """The role offered in an expression of interest, named in the reader's language ('speaker', 'orateur')."""
    if role == "speaker":
        return tr.pgettext("role", "speaker")
    return tr.pgettext("role", "moderator") if role == "moderator" else role


def category_label(category: Category, tr: Translator) -> str:
    """A category as the /floor limit command names it ('member-state'): English keeps the code people type."""
    names = {
        Category.GROUP: tr.pgettext("category code", "group"),
        Category.MEMBER_STATE: tr.pgettext("category code", "member-state"),
        Category.OBSERVER_STATE: tr.pgettext("category code", "observer-state"),
        Category.IGO: tr.pgettext("category code", "igo"),
        Category.UN_SYSTEM: tr.pgettext("category code", "un-system"),
        Category.STAKEHOLDER: tr.pgettext("category code", "stakeholder"),
        Category.SECRETARIAT: tr.pgettext("category code", "secretariat"),
    }
    return names[category]


def duration_label(span: timedelta, tr: Translator) -> str:
    """A speaking time: '1m30s' in English as moderators type it (/floor limit 90s), '1 мин 30 с' in Russian."""
    if tr.language is Language.EN:
        return format_duration(span)
    total = int(span.total_seconds())
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [
        tr.gettext("{count} h").format(count=hours) if hours else "",
        tr.gettext("{count} min").format(count=minutes) if minutes else "",
        tr.gettext("{count} s").format(count=seconds) if seconds or not (hours or minutes) else "",
    ]
    return ("-" if total < 0 else "") + " ".join(part for part in parts if part)


def status_name(status: Status, tr: Translator) -> str:
    """An expression of interest's state as a word in the reader's language."""
    names = {
        Status.PENDING: tr.pgettext("interest", "pending"),
        Status.ACCEPTED: tr.pgettext("interest", "accepted"),
        Status.DECLINED: tr.pgettext("interest", "declined"),
        Status.WITHDRAWN: tr.pgettext("interest", "withdrawn"),
    }
    return names.get(status, status.value)


def coded(key: str, text: str, tr: Translator) -> str:
    """A code a service gave as a fact ('statement', 'member-state', 'declined') as the reader's word for it."""
    if key == "kind" and text in _KINDS:
        return kind_label(EntryKind(text), tr)
    if key == "category" and text in _CATEGORIES:
        return category_label(Category(text), tr)
    if key == "status" and text in _STATUSES:
        return status_name(Status(text), tr)
    return text


_KINDS = {kind.value for kind in EntryKind}
_CATEGORIES = {category.value for category in Category}
_STATUSES = {status.value for status in Status}
