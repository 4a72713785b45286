"""The report being written: its document, the record it is drawn from, its chapters and numbered paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph

from bot.formats.report_summaries import Summaries
from bot.formats.word import heading, paragraph
from bot.formats.word_numbering import numbered
from bot.services.record import MeetingRecord
from bot.services.translation import Translator

# The annexes, in the order the report gives them; the body refers to them by these numbers.
PARTICIPANTS_ANNEX, SPEAKERS_ANNEX, SUBMISSIONS_ANNEX, WRITTEN_ANNEX = "I", "II", "III", "IV"
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """'I', 'IV', 'XII': how UN reports number their chapters and annexes."""
    out = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


@dataclass
class Draft:
    doc: WordDocument
    record: MeetingRecord
    summaries: Summaries
    chapters: int = 0
    tr: Translator = field(kw_only=True)

    def chapter(self, title: str) -> Paragraph:
        """A chapter of the body, numbered as UN reports number them: 'III. Opening segment'."""
        self.chapters += 1
        return heading(self.doc, f"{roman(self.chapters)}. {title}", level=1)

    def annex(self, number: str, title: str) -> Paragraph:
        return heading(self.doc, self.tr.gettext("Annex {number}: {title}").format(number=number, title=title), level=1)

    def say(self, text: str) -> Paragraph:
        """A numbered paragraph of the body."""
        return numbered(self.doc, text)

    def aside(self, text: str) -> Paragraph:
        """A line for the secretariat, not part of the text to circulate: italic, not numbered."""
        return paragraph(self.doc, text, italic=True)
