"""A native Word bar chart (a DrawingML chart part with literal data): editable in Word, drawn by LibreOffice."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from bot.formats.word import plain

CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_NAMESPACES = (
    f'xmlns:c="{CHART_URI}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_INLINE_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' + _NAMESPACES
)
BAR_COLOUR = "0B5394"  # the accent of the HTML notes, so both read as one publication
_ROW_HEIGHT, _CHROME_HEIGHT = Cm(0.75), Cm(2.5)


def add_bar_chart(
    doc: WordDocument, paragraph: Paragraph, title: str, bars: Sequence[tuple[str, float]], unit: str = "minutes"
) -> None:
    """A horizontal bar chart, first bar on top, each bar labelled with its value, placed in the paragraph;
    `unit` names the series (what the values count, in the document's language)."""
    number = 1 + sum(1 for rel in doc.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.CHART)
    xml = _chart_space(title, bars, unit).encode("utf-8")
    part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_CONTENT_TYPE, xml, doc.part.package)
    relationship = doc.part.relate_to(part, RELATIONSHIP_TYPE.CHART)
    width, height = Cm(16), _CHROME_HEIGHT + _ROW_HEIGHT * len(bars)
    paragraph.add_run()._r.append(parse_xml(_inline(relationship, number, width, height)))


def _inline(relationship: str, number: int, width: int, height: int) -> str:
    # The drawing ids only need to be unique in the document; pictures python-docx adds count from 1.
    return (
        # not user-facing: DrawingML chart markup
        f"<w:drawing {_INLINE_NAMESPACES}><wp:inline>"
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Chart {number}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="{relationship}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>"
    )


def _chart_space(title: str, bars: Sequence[tuple[str, float]], unit: str) -> str:
    # not user-facing: DrawingML chart markup
    labels = "".join(f'<c:pt idx="{i}"><c:v>{_x(label)}</c:v></c:pt>' for i, (label, _) in enumerate(bars))
    # not user-facing: DrawingML chart markup
    values = "".join(f'<c:pt idx="{i}"><c:v>{value:.2f}</c:v></c:pt>' for i, (_, value) in enumerate(bars))
    # not user-facing: DrawingML chart markup
    count = f'<c:ptCount val="{len(bars)}"/>'
    # Element order follows the schema (CT_BarSer, CT_CatAx, CT_ValAx): Word refuses a chart out of order.
    series = (
        # not user-facing: DrawingML chart markup
        f'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>{_x(unit)}</c:v></c:tx>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{BAR_COLOUR}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
        '<c:dLbls><c:numFmt formatCode="0.0" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f"<c:cat><c:strLit>{count}{labels}</c:strLit></c:cat>"
        f"<c:val><c:numLit><c:formatCode>0.0</c:formatCode>{count}{values}</c:numLit></c:val></c:ser>"
    )
    # Categories run top to bottom (maxMin), so the value axis crosses at the last one to sit below the bars.
    axes = (
        # not user-facing: DrawingML chart markup
        '<c:catAx><c:axId val="501"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="502"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="502"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="501"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>'
    )
    return (
        # not user-facing: DrawingML chart markup
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {_NAMESPACES}>'
        '<c:roundedCorners val="0"/><c:chart>'
        '<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr>'
        f'<a:r><a:rPr sz="1100" b="1"/><a:t>{_x(title)}</a:t></a:r></a:p></c:rich></c:tx>'
        '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{series}<c:gapWidth val="60"/><c:axId val="501"/><c:axId val="502"/></c:barChart>'
        f'{axes}</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    )


def _x(text: str) -> str:
    """A label or the title: made safe as all Word text is (plain), on one line, then escaped for the XML string."""
    return escape(" ".join(plain(text).split()))
