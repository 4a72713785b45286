"""The written submissions as a small static site: an index and one page per delegation, nothing to fetch, no script."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from zoneinfo import ZoneInfo

from bot.domain.language import N_, Language
from bot.domain.submissions import Submission, current
from bot.formats.safe_text import clean, html_text
from bot.services.translation import Translator

TITLE = N_("Voluntary written submissions")
INDEX = "index.html"
NONE_RECEIVED = N_("No written submissions have been received.")
# not user-facing: CSS
STYLE = """
body { font: 15px/1.5 "Segoe UI", "Noto Sans", Arial, sans-serif; max-width: 46em; margin: 2em auto; color: #111; }
h1 { font-size: 1.6em; } .meta { color: #555; } a { color: #0b5394; }
table { border-collapse: collapse; margin: .6em 0; } td, th { border: 1px solid #bbb; padding: .2em .6em;
text-align: left; } td.num, th.num { text-align: right; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } nav { display: none; } a { color: inherit; } }
"""
# A page is named after the delegation's code; anything but an ISO 3166 code could name a path, or the index.
_PAGE_CODE = re.compile(r"[a-z]{2,3}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def submissions_site(
    submissions: Sequence[Submission],
    delegation_name: Callable[[str], str],
    meeting_title: str,
    zone: ZoneInfo,
    tr: Translator,
) -> dict[str, bytes]:
    """Relative file name → UTF-8 page: index.html and `<code>.html` for each delegation's current submission,
    the pages' own words in `tr`'s language (the texts as the delegations sent them).

    Every version is passed in; only each delegation's latest is published, as the letter's "made available
    ahead of the meeting" means the text the delegation stands by.
    """
    latest = current(submissions)
    names = {code: delegation_name(code) for code in latest}
    published = sorted(latest.values(), key=lambda s: (_sort_key(names[s.delegation]), s.delegation))
    site = {INDEX: _index(published, names, meeting_title, zone, tr)}
    for submission in published:
        name = names[submission.delegation]
        site[page_name(submission.delegation)] = _page(submission, name, meeting_title, zone, tr)
    return {name: html.encode("utf-8") for name, html in site.items()}


def page_name(delegation: str) -> str:
    """'fr.html' for FR; ValueError for a code that is not two or three letters (it becomes a file name)."""
    code = delegation.lower()
    if not _PAGE_CODE.fullmatch(code):
        raise ValueError(f"delegation {delegation!r} is not an ISO 3166 code, so it cannot name a page")
    return f"{code}.html"


def _index(
    published: Sequence[Submission], names: dict[str, str], meeting_title: str, zone: ZoneInfo, tr: Translator
) -> str:
    # not user-facing: HTML markup
    rows = "\n".join(
        # not user-facing: HTML markup and CSS
        f'<tr><td><a href="{page_name(s.delegation)}">{html_text(names[s.delegation])}</a></td>'
        f'<td>{_day(s, zone, tr)}</td><td class="num">{tr.number(s.words)}</td></tr>'
        for s in published
    )
    delegation, received, words = (html_text(tr.gettext(h)) for h in _HEADER)
    # not user-facing: HTML markup
    header = f'<tr><th>{delegation}</th><th>{received}</th><th class="num">{words}</th></tr>'
    table = f"<table>\n{header}\n{rows}\n</table>" if published else f"<p>{html_text(tr.gettext(NONE_RECEIVED))}</p>"
    title = html_text(tr.gettext(TITLE))
    body = f'<h1>{title}</h1>\n<p class="meta">{html_text(meeting_title)}</p>\n{table}'
    return _document(f"{title}: {html_text(meeting_title)}", body, tr)


_HEADER = (N_("Delegation"), N_("Received"), N_("Words"))


def _page(submission: Submission, name: str, meeting_title: str, zone: ZoneInfo, tr: Translator) -> str:
    count = tr.ngettext("{count} word", "{count} words", submission.words).format(count=tr.number(submission.words))
    received = tr.gettext("Received {day}, {words}").format(day=_day(submission, zone, tr), words=count)
    title = html_text(tr.gettext(TITLE))
    body = (
        f'<nav><a href="{INDEX}">{title}</a></nav>\n'
        f'<p class="meta">{html_text(meeting_title)}</p>\n<h1>{html_text(name)}</h1>\n'
        f'<p class="meta">{html_text(received)}</p>\n' + _paragraphs(submission.text)
    )
    page = tr.gettext("{delegation}: voluntary written submission").format(delegation=name)
    return _document(html_text(page), body, tr)


def _paragraphs(text: str) -> str:
    """The text as paragraphs: a blank line starts a new one, a single line break stays a line break. dir="auto":
    a paragraph in Arabic or Hebrew, should one come, reads right to left."""
    paragraphs = (p.strip("\n") for p in _BLANK_LINE.split(clean(text)))
    return "\n".join(
        '<p dir="auto">' + "<br>\n".join(escape(line, quote=True) for line in p.split("\n")) + "</p>"
        for p in paragraphs
        if p.strip()
    )


def _document(title: str, body: str, tr: Translator) -> str:
    """A standalone HTML5 page; the title is given escaped."""
    return (
        # not user-facing: HTML markup
        f'<!DOCTYPE html>\n<html lang="{tr.language.value}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _day(submission: Submission, zone: ZoneInfo, tr: Translator) -> str:
    """'30 October 2020': the day in the meeting's zone, as the United Nations writes a date."""
    received: date = submission.received.astimezone(zone)
    if tr.language is Language.EN:
        return f"{received.day} {received:%B %Y}"  # not %-d: that is glibc only
    return html_text(tr.date(received, "long"))


def _sort_key(name: str) -> str:
    """The name as an index is alphabetised: accents ignored (Türkiye before Turkmenistan), case ignored."""
    decomposed = unicodedata.normalize("NFKD", clean(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
