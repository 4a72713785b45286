"""Session notes as one self-contained HTML page: inline CSS that prints well, a chart, nothing to fetch."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.domain.meeting import Meeting
from bot.domain.queue.entries import EntryKind, Intervention, Speaker
from bot.formats.safe_text import html_text
from bot.formats.wording import category_of, credited_to, delegation_of, duration
from bot.services.record import MeetingRecord, SessionRecord

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


def notes_to_html(record: MeetingRecord) -> str:
    meeting = record.meeting
    body = [f"<h1>{html_text(meeting.title)}</h1>"] + [_session(meeting, s, record) for s in record.sessions]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_text(meeting.title)}: session notes</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _session(meeting: Meeting, record: SessionRecord, whole: MeetingRecord) -> str:
    session, zone = record.session, ZoneInfo(meeting.timezone)
    start, end = session.start.astimezone(zone), session.end.astimezone(zone)
    parts = [
        f'<section id="{html_text(session.id)}">',
        f"<h2>{html_text(session.title)}</h2>",
        f'<p class="meta">{start:%A %d %B %Y}, {start:%H:%M}–{end:%H:%M} {html_text(meeting.timezone)} '
        f"({session.start:%H:%M}–{session.end:%H:%M} UTC)</p>",
    ]
    if session.moderators:
        names = ", ".join(html_text(whole.name_of(m)) for m in session.moderators)
        parts.append(f'<p class="meta">Moderated by {names}.</p>')
    objectives = [o for n in session.objectives if (o := meeting.objective(n))]
    if objectives:
        parts.append(
            "<ul>" + "".join(f"<li>Objective {o.number}: {html_text(o.title)}</li>" for o in objectives) + "</ul>"
        )
    heard = list(record.delivered)
    if not record.interventions and not record.unheard:
        return "\n".join([*parts, "<p>No interventions were recorded in this session.</p>", "</section>"])
    parts.append("<h3>Speakers, in the order heard</h3>")
    items = "".join(_speaker(meeting, i, record, whole) for i in heard)
    parts.append(f'<ol class="speakers">{items}</ol>' if heard else "<p>Nobody took the floor.</p>")
    parts += [_written(record, whole), _unheard(record, whole), _notes(record, whole), _times(record, whole)]
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _speaker(meeting: Meeting, intervention: Intervention, record: SessionRecord, whole: MeetingRecord) -> str:
    entry, speaker = intervention.entry, intervention.entry.speaker
    label = "point of order" if entry.kind is EntryKind.ORDER else entry.kind.value.replace("-", " ")
    kind = "" if entry.kind is EntryKind.STATEMENT else f" — {html_text(label)}"
    if (cut := record.interrupted_by(intervention)) is not None:  # a point of order that took the floor at once
        kind += f", interrupted {html_text(cut.entry.speaker.name)}"
    started = intervention.started_at.astimezone(ZoneInfo(meeting.timezone))
    line = f"<strong>{_who(speaker, whole)}</strong>, {category_of(speaker)}{kind}, {started:%H:%M}"
    line += f", {duration(intervention.duration)}" if intervention.counts_for_time else ""  # a point of order: none
    addressed = whole.objectives_of(intervention)
    if addressed:
        label = "objective" if len(addressed) == 1 else "objectives"
        line += f" ({label} {', '.join(map(str, addressed))})"
    if intervention.statement:
        line += f"<blockquote>{html_text(intervention.statement)}</blockquote>"
    notes = record.notes_on(intervention)
    if notes:
        line += (
            "<ul>"
            + "".join(f"<li>Note by {html_text(whole.name_of(n.author))}: {html_text(n.text)}</li>" for n in notes)
            + "</ul>"
        )
    if intervention.ruling is not None:
        line += f'<p class="ruling">Ruling of the chair: {html_text(intervention.ruling)}</p>'
    return f'<li value="{record.number_of(intervention)}">{line}</li>'


def _who(speaker: Speaker, whole: MeetingRecord) -> str:
    """'Armen Hakobyan (Armenia)', 'Markus Steiner (Germany, on behalf of the European Union)', escaped."""
    on_behalf = delegation_of(speaker, whole.state_name)
    return html_text(speaker.name) + (f" ({html_text(on_behalf)})" if on_behalf else "")


def _written(record: SessionRecord, whole: MeetingRecord) -> str:
    written = list(record.published_written)
    if not written:
        return ""
    items = "".join(
        f'<li value="{record.number_of(i)}"><strong>{_who(i.entry.speaker, whole)}</strong>: '
        f"{html_text(i.statement or '')}</li>"
        for i in written
    )
    return f'<h3>Statements submitted in writing only</h3><ol class="written">{items}</ol>'


def _unheard(record: SessionRecord, whole: MeetingRecord) -> str:
    if not record.unheard:
        return ""
    names = ", ".join(_who(e.speaker, whole) for e in record.unheard)
    return f"<h3>Inscribed but not heard</h3><p>{names}</p>"


def _notes(record: SessionRecord, whole: MeetingRecord) -> str:
    notes = record.session_notes
    if not notes:
        return ""
    return (
        "<h3>Notes</h3><ul>"
        + "".join(f"<li>{html_text(whole.name_of(n.author))}: {html_text(n.text)}</li>" for n in notes)
        + "</ul>"
    )


def _times(record: SessionRecord, whole: MeetingRecord) -> str:
    by_category = record.time_by(lambda i: category_of(i.entry.speaker))
    by_delegation = record.time_by(lambda i: credited_to(i.entry.speaker, whole.state_name))
    total = sum(by_category.values(), timedelta(0))
    return (
        f"<h3>Speaking time</h3><p>Total {duration(total)}.</p>"
        + _chart("Speaking time by category", by_category)
        + _table("category", by_category)
        + _table("delegation", by_delegation)
    )


def _table(label: str, totals: dict[str, timedelta]) -> str:
    rows = "".join(f'<tr><td>{html_text(k)}</td><td class="num">{duration(v)}</td></tr>' for k, v in totals.items())
    return f"<table><tr><th>{label}</th><th>time</th></tr>{rows}</table>"


def _chart(title: str, totals: dict[str, timedelta]) -> str:
    """A horizontal bar chart as inline SVG: prints, needs no script and no network."""
    if not totals:
        return ""
    longest = max(t.total_seconds() for t in totals.values()) or 1
    rows = []
    for index, (label, span) in enumerate(totals.items()):
        y, width = index * 22, 300 * span.total_seconds() / longest
        rows.append(
            f'<text x="0" y="{y + 14}">{html_text(label)}</text>'
            f'<rect class="bar" x="130" y="{y + 3}" width="{width:.1f}" height="15"/>'
            f'<text x="{135 + width:.1f}" y="{y + 14}">{duration(span)}</text>'
        )
    height = 22 * len(totals)
    return (
        f'<svg role="img" aria-label="{title}" width="520" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
    )
