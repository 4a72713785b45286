"""Session notes as one self-contained HTML page: inline CSS that prints well, a chart, nothing to fetch."""

from __future__ import annotations

from datetime import timedelta
from string import Formatter
from zoneinfo import ZoneInfo

from bot.domain.meeting import Meeting
from bot.domain.queue.entries import Intervention, Speaker
from bot.formats.notes_markdown import KINDS, NOTES, SPEAKING_TIME, TOTAL, local_day
from bot.formats.safe_text import html_text
from bot.formats.wording import category_in, credited_to, delegation_in, duration, titled
from bot.services.record import MeetingRecord, SessionRecord
from bot.services.translation import Translator

# not user-facing: HTML markup and CSS
STYLE = """
body { font: 15px/1.45 "Segoe UI", "Noto Sans", Arial, sans-serif; max-width: 52em; margin: 2em auto; color: #111; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #0b5394; padding-bottom: .2em; margin-top: 2em; }
ol.speakers li { margin: .4em 0; } blockquote { margin: .3em 0 .3em 1em; color: #333; border-left: 3px solid #ccc;
padding-left: .6em; } .meta { color: #555; } table { border-collapse: collapse; margin: .6em 0; }
td, th { border: 1px solid #bbb; padding: .2em .6em; text-align: left; } td.num { text-align: right; }
.bar { fill: #0b5394; } svg text { font-size: 12px; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; }
h2:first-of-type { break-before: auto; } }
"""


def notes_to_html(record: MeetingRecord, tr: Translator) -> str:
    meeting = record.meeting
    body = [f"<h1>{html_text(meeting.title)}</h1>"] + [_session(meeting, s, record, tr) for s in record.sessions]
    title = html_text(tr.gettext("{meeting}: session notes").format(meeting=meeting.title))
    return (
        # not user-facing: HTML markup and CSS
        f'<!DOCTYPE html>\n<html lang="{tr.language.value}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _session(meeting: Meeting, record: SessionRecord, whole: MeetingRecord, tr: Translator) -> str:
    session, zone = record.session, ZoneInfo(meeting.timezone)
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    parts = [
        # not user-facing: HTML markup and CSS
        f'<section id="{html_text(session.id)}">',
        f"<h2>{html_text(titled(session, tr))}</h2>",
        f'<p class="meta">{html_text(local_day(start, tr))}, {start:%H:%M}–{end:%H:%M} {html_text(meeting.timezone)} '
        f"({session.start:%H:%M}–{session.end:%H:%M} UTC)</p>",
    ]
    if session.moderators:
        names = ", ".join(html_text(whole.name_of(m)) for m in session.moderators)
        moderated = _t(tr.gettext("Moderated by {names}."), names=names)
        parts.append(f'<p class="meta">{moderated}</p>')
    objectives = [o for n in session.objectives if (o := meeting.objective(n))]
    if objectives:
        named = [(str(o.number), html_text(titled(o, tr))) for o in objectives]
        objective = tr.gettext("Objective {number}: {title}")
        items = "".join(f"<li>{_t(objective, number=n, title=t)}</li>" for n, t in named)
        parts.append(f"<ul>{items}</ul>")
    heard = list(record.delivered)
    if not record.interventions and not record.unheard:
        none = _t(tr.gettext("No interventions were recorded in this session."))
        return "\n".join([*parts, f"<p>{none}</p>", "</section>"])
    in_order = _t(tr.gettext("Speakers, in the order heard"))
    parts.append(f"<h3>{in_order}</h3>")
    items = "".join(_speaker(meeting, i, record, whole, tr) for i in heard)
    nobody = _t(tr.gettext("Nobody took the floor."))
    # not user-facing: HTML markup and CSS
    parts.append(f'<ol class="speakers">{items}</ol>' if heard else f"<p>{nobody}</p>")
    parts += [_written(record, whole, tr), _unheard(record, whole, tr), _notes(record, whole, tr)]
    parts += [_times(record, whole, tr), "</section>"]
    return "\n".join(p for p in parts if p)


def _t(translated: str, **fields: str) -> str:
    """A message of ours, translated, made safe for HTML, its fields (escaped by the caller) filled in."""
    pieces = []
    for literal, name, _, _ in Formatter().parse(translated):
        pieces.append(html_text(literal))
        pieces.append(fields[name] if name is not None else "")
    return "".join(pieces)


def _speaker(
    meeting: Meeting, intervention: Intervention, record: SessionRecord, whole: MeetingRecord, tr: Translator
) -> str:
    entry, speaker = intervention.entry, intervention.entry.speaker
    kind = f" — {html_text(tr.gettext(KINDS[entry.kind]))}" if entry.kind in KINDS else ""
    if (cut := record.interrupted_by(intervention)) is not None:  # a point of order that took the floor at once
        kind += ", " + _t(tr.gettext("interrupted {name}"), name=html_text(cut.entry.speaker.name))
    started = intervention.started_at.astimezone(ZoneInfo(meeting.timezone))
    category = html_text(category_in(speaker, tr))
    line = f"<strong>{_who(speaker, whole, tr)}</strong>, {category}{kind}, {started:%H:%M}"
    # A point of order: no time.
    line += f", {html_text(duration(intervention.duration, tr))}" if intervention.counts_for_time else ""
    addressed = whole.objectives_of(intervention)
    if addressed:
        numbers = ", ".join(map(str, addressed))
        label = tr.ngettext("objective {numbers}", "objectives {numbers}", len(addressed))
        line += f" ({html_text(label.format(numbers=numbers))})"
    if intervention.statement:
        line += f"<blockquote>{html_text(intervention.statement)}</blockquote>"
    notes = record.notes_on(intervention)
    if notes:
        by = [(html_text(whole.name_of(n.author)), html_text(n.text)) for n in notes]
        note = tr.gettext("Note by {author}: {text}")
        items = "".join(f"<li>{_t(note, author=a, text=t)}</li>" for a, t in by)
        line += f"<ul>{items}</ul>"
    if intervention.ruling is not None:
        ruling = _t(tr.gettext("Ruling of the chair: {text}"), text=html_text(intervention.ruling))
        line += f'<p class="ruling">{ruling}</p>'
    # not user-facing: HTML markup and CSS
    return f'<li value="{record.number_of(intervention)}">{line}</li>'


def _who(speaker: Speaker, whole: MeetingRecord, tr: Translator) -> str:
    """'Armen Hakobyan (Armenia)', 'Markus Steiner (Germany, on behalf of the European Union)', escaped."""
    on_behalf = delegation_in(speaker, whole.state_name, tr)
    return html_text(speaker.name) + (f" ({html_text(on_behalf)})" if on_behalf else "")


def _written(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> str:
    written = list(record.published_written)
    if not written:
        return ""
    items = "".join(
        # not user-facing: HTML markup and CSS
        f'<li value="{record.number_of(i)}"><strong>{_who(i.entry.speaker, whole, tr)}</strong>: '
        f"{html_text(i.statement or '')}</li>"
        for i in written
    )
    title = _t(tr.gettext("Statements submitted in writing only"))
    # not user-facing: HTML markup and CSS
    return f'<h3>{title}</h3><ol class="written">{items}</ol>'


def _unheard(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> str:
    if not record.unheard:
        return ""
    names = ", ".join(_who(e.speaker, whole, tr) for e in record.unheard)
    title = _t(tr.gettext("Inscribed but not heard"))
    return f"<h3>{title}</h3><p>{names}</p>"


def _notes(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> str:
    notes = record.session_notes
    if not notes:
        return ""
    return (
        f"<h3>{_t(tr.gettext(NOTES))}</h3><ul>"
        + "".join(f"<li>{html_text(whole.name_of(n.author))}: {html_text(n.text)}</li>" for n in notes)
        + "</ul>"
    )


def _times(record: SessionRecord, whole: MeetingRecord, tr: Translator) -> str:
    by_category = record.time_by(lambda i: category_in(i.entry.speaker, tr))
    by_delegation = record.time_by(lambda i: credited_to(i.entry.speaker, whole.state_name, tr))
    total = sum(by_category.values(), timedelta(0))
    return (
        f"<h3>{_t(tr.gettext(SPEAKING_TIME))}</h3><p>{_t(tr.gettext(TOTAL), time=html_text(duration(total, tr)))}</p>"
        + _chart(_t(tr.gettext("Speaking time by category")), by_category, tr)
        + _table(_t(tr.gettext("category")), by_category, tr)
        + _table(_t(tr.gettext("delegation")), by_delegation, tr)
    )


def _table(label: str, totals: dict[str, timedelta], tr: Translator) -> str:
    rows = "".join(
        # not user-facing: HTML markup and CSS
        f'<tr><td>{html_text(k)}</td><td class="num">{html_text(duration(v, tr))}</td></tr>'
        for k, v in totals.items()
    )
    time = _t(tr.gettext("time"))
    return f"<table><tr><th>{label}</th><th>{time}</th></tr>{rows}</table>"


def _chart(title: str, totals: dict[str, timedelta], tr: Translator) -> str:
    """A horizontal bar chart as inline SVG: prints, needs no script and no network."""
    if not totals:
        return ""
    longest = max(t.total_seconds() for t in totals.values()) or 1
    rows = []
    for index, (label, span) in enumerate(totals.items()):
        y, width = index * 22, 300 * span.total_seconds() / longest
        rows.append(
            # not user-facing: HTML markup and CSS
            f'<text x="0" y="{y + 14}">{html_text(label)}</text>'
            f'<rect class="bar" x="130" y="{y + 3}" width="{width:.1f}" height="15"/>'
            f'<text x="{135 + width:.1f}" y="{y + 14}">{html_text(duration(span, tr))}</text>'
        )
    height = 22 * len(totals)
    return (
        # not user-facing: HTML markup and CSS
        f'<svg role="img" aria-label="{title}" width="520" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )
