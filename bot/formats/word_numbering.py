"""Numbered paragraphs as UN reports number them: 1., 2., … through the body, kept by Word as a real list."""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from bot.formats.word import paragraph, run

STYLE = "Numbered Paragraph"  # not user-facing: a Word style's name
_STYLE_ID = "NumberedParagraph"
_NUMBER_INDENT = Cm(1)  # the number at the margin, the text a centimetre in, as in UN documents


def numbering(doc: WordDocument) -> None:
    """Add the numbered paragraph style and the list it follows: a decimal list of one level, '%1.', whose
    number hangs in the margin. Word renumbers it as the secretariat adds or deletes paragraphs."""
    part = doc.part.numbering_part.element
    taken = [int(n.get(qn("w:abstractNumId"))) for n in part.iterchildren(qn("w:abstractNum"))]
    abstract_id = str(max(taken, default=0) + 1)
    nums = [int(n.get(qn("w:numId"))) for n in part.iterchildren(qn("w:num"))]
    num_id = str(max(nums, default=0) + 1)
    abstract = OxmlElement("w:abstractNum", {qn("w:abstractNumId"): abstract_id})
    level = OxmlElement("w:lvl", {qn("w:ilvl"): "0"})
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left")):
        level.append(OxmlElement(tag, {qn("w:val"): value}))
    indent = OxmlElement("w:ind", {qn("w:left"): str(_NUMBER_INDENT.twips), qn("w:hanging"): str(_NUMBER_INDENT.twips)})
    level_paragraph = OxmlElement("w:pPr")
    level_paragraph.append(indent)
    level.append(level_paragraph)
    abstract.append(level)
    # The schema wants every abstract definition before the first numbering instance.
    first_num = next(part.iterchildren(qn("w:num")), None)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        part.append(abstract)
    num = OxmlElement("w:num", {qn("w:numId"): num_id})
    num.append(OxmlElement("w:abstractNumId", {qn("w:val"): abstract_id}))
    part.append(num)
    _style(doc, num_id)


def _style(doc: WordDocument, num_id: str) -> None:
    style = doc.styles.add_style(STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    style.paragraph_format.space_after = Pt(6)
    properties = style.element.get_or_add_pPr()
    reference = OxmlElement("w:numPr")
    reference.append(OxmlElement("w:numId", {qn("w:val"): num_id}))
    properties.insert(0, reference)


def numbered(doc: WordDocument, text: str = "") -> Paragraph:
    """A numbered paragraph of the body; runs may be added to it."""
    made = paragraph(doc)
    made_properties = made._p.makeelement(qn("w:pPr"))
    made_properties.append(made._p.makeelement(qn("w:pStyle"), {qn("w:val"): _STYLE_ID}))
    made._p.insert(0, made_properties)
    if text:
        run(made, text)
    return made
