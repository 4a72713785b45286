"""Word building blocks shared by the report draft and the session notes: safe fast runs, fields, tables, wording."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.shared import Cm, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from bot.domain.language import Language
from bot.domain.meeting import Meeting, Session
from bot.domain.queue.entries import Intervention, Note, Speaker
from bot.formats.safe_text import clean
from bot.formats.wording import CATEGORY_NAMES, delegation_in, duration, joined
from bot.services.translation import Translator

# The shared wording, for the Word modules that import it from here.
__all__ = ["CATEGORY_NAMES", "duration", "joined"]


# Qualified names, computed once: a report of 20,000 statements builds some 200,000 of these elements.
_SECTION, _PARAGRAPH, _RUN = qn("w:sectPr"), qn("w:p"), qn("w:r")
_PARAGRAPH_PROPERTIES, _INDENT, _LEFT = qn("w:pPr"), qn("w:ind"), qn("w:left")
_RUN_PROPERTIES, _BOLD, _ITALIC = qn("w:rPr"), qn("w:b"), qn("w:i")
_BREAK, _TEXT, _PRESERVE = qn("w:br"), qn("w:t"), {qn("xml:space"): "preserve"}
_STYLE, _VALUE = qn("w:pStyle"), qn("w:val")
# The ids of the default template's styles that the exports use, by their names.
# not user-facing: Word styles' names
_BUILT_IN_STYLES = {"Title": "Title", "Heading 1": "Heading1", "Heading 2": "Heading2", "List Bullet": "ListBullet"}
NOTE_INDENT = Cm(1)  # a note sits this far in from what it is about


def plain(text: str) -> str:
    """The one way text gets into a Word document: what XML cannot carry and bidi controls go (lxml escapes
    markup). Every helper below calls it; report and notes add text only through them, never python-docx's."""
    return clean(text)


def paragraph(doc: WordDocument, text: str = "", *, style: str | None = None, italic: bool = False) -> Paragraph:
    """A new paragraph holding the text (none: an empty paragraph for runs or a chart)."""
    made = Paragraph(_block(doc), doc._body)
    if style in _BUILT_IN_STYLES:  # python-docx looks a name up with a search of every style: 2 ms each
        new = made._p.makeelement
        properties = new(_PARAGRAPH_PROPERTIES)
        properties.append(new(_STYLE, {_VALUE: _BUILT_IN_STYLES[style]}))
        made._p.insert(0, properties)
    elif style is not None:
        made.style = style  # by name, as python-docx's add_paragraph resolves it
    if text:
        run(made, text, italic=italic)
    return made


def a4(doc: WordDocument) -> None:
    """A4 pages, as UN documents in Geneva are printed (python-docx's template is US Letter)."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)


def heading(doc: WordDocument, text: str, level: int) -> Paragraph:
    """A heading of the level (0: the document's title) holding the text, styled as python-docx's add_heading."""
    made = paragraph(doc, style="Title" if level == 0 else f"Heading {level}")
    run(made, text)
    return made


def _block(doc: WordDocument) -> CT_P:
    """A new paragraph at the end of the body, before the section properties that close it.

    python-docx's add_paragraph looks for those properties with a search of the body's children, once per
    paragraph: a document of 20,000 statements spent most of its time there, growing with the square of the
    record. They are the body's last child when present, which lxml reaches at once.
    """
    body = doc._body._element  # what doc.element.body finds, kept by python-docx: no search per paragraph
    made: CT_P = body.makeelement(_PARAGRAPH)
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == _SECTION:
        last.addprevious(made)
    else:
        body.append(made)
    return made


def run(target: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> CT_R:
    """Append a run of text to the paragraph; the run's element is returned.

    python-docx's `Run.text` walks the text a character at a time (tabs, breaks); a report of 2,000 statements
    spent most of its time there, so the run is built directly: one `w:t` per line, `w:br` between lines.
    """
    # lxml's makeelement gives python-docx's element classes too, at a fraction of OxmlElement's cost (it parses
    # the tag and declares its namespace on each element; the document's root declares it once, for all).
    new = target._p.makeelement
    element = new(_RUN)
    if bold or italic:
        properties = new(_RUN_PROPERTIES)
        properties.extend([new(tag) for tag, on in ((_BOLD, bold), (_ITALIC, italic)) if on])
        element.append(properties)
    for index, line in enumerate(plain(text).split("\n")):
        if index:
            element.append(new(_BREAK))
        piece = new(_TEXT, _PRESERVE)
        piece.text = line
        element.append(piece)
    target._p.append(element)
    run_element: CT_R = element
    return run_element


def properties(doc: WordDocument, title: str, subject: str, generated_at: datetime, tr: Translator) -> None:
    props = doc.core_properties
    props.title, props.subject = plain(title), subject
    props.author = props.last_modified_by = "Podium"
    props.comments = tr.gettext("Generated from the meeting record, for editing by the secretariat.")
    # python-docx writes the wall-clock time followed by Z whatever the zone: it must be given UTC.
    props.created = props.modified = generated_at.astimezone(UTC)


def field(target: Paragraph, instruction: str, placeholder: str) -> CT_R:
    """A complex field: Word computes its result (the contents, the page number) when it updates fields.

    Until then the result shows `placeholder`; the run holding it is returned, to be filled in later.
    """
    target.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    target.add_run()._r.append(code)
    target.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    result = run(target, placeholder)
    target.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
    return result


def contents(doc: WordDocument, result: CT_R) -> None:
    """Fill a contents field's result with the document's headings (levels 1 and 2, the second indented), so
    the list shows at once in any reader; Word still rebuilds it, with page numbers, when fields update."""
    body = doc._body._element
    entries = []
    for style in body.iterchildren(_PARAGRAPH):
        found = style.find(f"{_PARAGRAPH_PROPERTIES}/{qn('w:pStyle')}")
        level = {"Heading1": "", "Heading2": "    "}.get(found.get(qn("w:val")) if found is not None else "")
        if level is not None:
            entries.append(level + "".join(t.text or "" for t in style.iter(_TEXT)))
    for element in list(result):
        if element.tag in (_TEXT, _BREAK):
            result.remove(element)
    for index, entry in enumerate(entries):
        if index:
            result.append(result.makeelement(_BREAK))
        text = result.makeelement(_TEXT, _PRESERVE)
        text.text = plain(entry)
        result.append(text)


def page_numbers(doc: WordDocument) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(footer, "PAGE", "1")


def table(doc: WordDocument, header: Sequence[str], rows: Sequence[str | Sequence[str]]) -> Table:
    """A table whose header row repeats on every page; a row given as one string spans the table as a label."""
    grid: Table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    # not user-facing: Word table styles' names
    grid.style = "Light Grid Accent 1" if "Light Grid Accent 1" in {s.name for s in doc.styles} else "Table Grid"
    grid.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader", {qn("w:val"): "true"}))
    for index, (row, values) in enumerate(zip(grid.rows, [header, *rows], strict=True)):
        cells = row.cells
        if isinstance(values, str):
            run(cells[0].merge(cells[-1]).paragraphs[0], values, bold=True)
            continue
        for cell, value in zip(cells, values, strict=True):
            run(cell.paragraphs[0], value, bold=index == 0)
    return grid


def note(doc: WordDocument, said: Note, author: str | None = None, *, tr: Translator) -> None:
    """A moderator's or rapporteur's note, indented under what it is about, by its author's name."""
    indented = paragraph(doc)
    # What `paragraph_format.left_indent = Cm(1)` writes, made directly: on a new paragraph, which has no
    # properties yet, python-docx's setter would search them for some thirty kinds of element first.
    new = indented._p.makeelement
    properties = new(_PARAGRAPH_PROPERTIES)
    properties.append(new(_INDENT, {_LEFT: str(NOTE_INDENT.twips)}))
    indented._p.insert(0, properties)
    run(indented, tr.gettext("Note by {author}: ").format(author=author or said.author), italic=True)
    run(indented, said.text)


def who(speaker: Speaker, state_name: Callable[[str], str] = str, *, tr: Translator) -> str:
    """'Armen Hakobyan (Armenia)', 'Markus Steiner (Germany, on behalf of the European Union)'."""
    on_behalf = delegation_in(speaker, state_name, tr)
    return speaker.name + (f" ({on_behalf})" if on_behalf else "")


def when(meeting: Meeting, session: Session, *, utc: bool = False, tr: Translator) -> str:
    """'Thursday 12 November 2020, 10:40–12:40 CET', with '(09:40–11:40 UTC)' after it if asked."""
    start, end = session.start.astimezone(meeting.zone), session.end.astimezone(meeting.zone)
    local = f"{weekday(start, tr)}, {start:%H:%M}–{end:%H:%M} {start:%Z}"
    return local + (f" ({session.start.astimezone(UTC):%H:%M}–{session.end.astimezone(UTC):%H:%M} UTC)" if utc else "")


def day(value: date, tr: Translator) -> str:
    """'12 November 2020', '12 novembre 2020', '12 ноября 2020 г.'."""
    if tr.language is Language.EN:
        return f"{value.day} {value:%B %Y}"  # not %-d: that is glibc only
    # Russian's long date ends 'г.' (year), which a sentence's full stop would double: '12 ноября 2020'.
    return tr.date(value, "long").removesuffix(" г.")


def weekday(value: date, tr: Translator) -> str:
    """'Thursday 12 November 2020' (no comma, as the exports always wrote it), 'jeudi 12 novembre 2020'."""
    if tr.language is Language.EN:
        return f"{value:%A} {day(value, tr)}"
    return tr.date(value, "full")


def speaking_time(interventions: Iterable[Intervention], tr: Translator) -> str:
    return duration(sum((i.duration for i in interventions if i.counts_for_time), timedelta(0)), tr)
