"""A written submission's file as text: plain text or Markdown in UTF-8, or a Word document's body and tables."""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import docx
from docx.document import Document as WordDocument
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from bot.domain.errors import Refused
from bot.domain.language import N_

if TYPE_CHECKING:
    from bot.services.translation import Translator

PLAIN_SUFFIXES = frozenset({".txt", ".md"})
WORD_SUFFIX = ".docx"
MEBIBYTE = 1024 * 1024  # the "MB" a delegate's file manager shows
MAX_FILE_BYTES = 5 * MEBIBYTE  # 5,000 words are some 40 KB of text; the margin is for a Word file's styles and logo
# A Word file is a zip: python-docx inflates each part whole, so a small file could unpack to gigabytes. The sizes
# the zip declares bound what zipfile inflates, so checking them first is enough; a real submission unpacks to a few MB.
MAX_UNPACKED_BYTES = 50 * MEBIBYTE


class SubmissionFileError(Exception):
    """A file Podium cannot read as a submission; the message (one line, never the file's content) says what to do.

    `message` is the English msgid, `fields` fill it: a reader's language translates it where it is shown.
    """

    def __init__(self, message: str, **fields: str) -> None:
        super().__init__(message.format(**fields))
        self.message, self.fields = message, fields

    def said(self, tr: Translator) -> str:
        """The message in `tr`'s language."""
        return tr.gettext(self.message).format(**self.fields)


class SubmissionFiles:
    """The `DocumentReader` port: a file sent with a command, as text; refused in one line when unreadable."""

    def text_of(self, name: str, data: bytes, declared_size: int | None = None) -> str:
        try:
            if declared_size is not None and declared_size > MAX_FILE_BYTES:  # never fetched: refused by its size
                raise _too_large(name, declared_size)
            return read_document(name, data)
        except SubmissionFileError as error:
            # The English line, and its msgid and fields for a renderer that translates it.
            raise Refused("unreadable_file", {**error.fields, "message": str(error), "msgid": error.message}) from None


def read_submission(path: Path) -> tuple[str, str]:
    """The file's text and its name; SubmissionFileError if it is missing, too large, of another kind or unreadable.

    The text is returned as written: the core cleans text where it enters, and counts its words.
    """
    _check_kind(path.name)
    _check_size(path)
    return read_document(path.name, _read_bytes(path)), path.name


def read_document(name: str, data: bytes) -> str:
    """The text of a file's bytes, by its name's suffix; SubmissionFileError for another kind, too large, unreadable."""
    _check_kind(name)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    return _word_text(name, data) if name.lower().endswith(WORD_SUFFIX) else _plain_text(name, data)


def _check_kind(name: str) -> None:
    suffix = PurePath(name).suffix.lower()
    if suffix not in PLAIN_SUFFIXES and suffix != WORD_SUFFIX:
        raise SubmissionFileError(
            N_("{name}: Podium reads .txt, .md and .docx files; save it as one of those and send it again"), name=name
        )


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SubmissionFileError(N_("{name} was not found: send the file again"), name=path.name) from None
    except OSError:
        raise SubmissionFileError(N_("{name} could not be read: send the file again"), name=path.name) from None
    if not path.is_file():
        raise SubmissionFileError(N_("{name} is not a file: send the submission as one file"), name=path.name)
    if size > MAX_FILE_BYTES:
        raise _too_large(path.name, size)


def _too_large(name: str, size: int) -> SubmissionFileError:
    shown = math.ceil(size * 10 / MEBIBYTE) / 10  # rounded up: 5 MB and one byte must not read "5.0 MB"
    return SubmissionFileError(
        N_("{name} is {size} MB; a submission file may be at most {limit} MB"),
        name=name,
        size=f"{shown:.1f}",
        limit=str(MAX_FILE_BYTES // MEBIBYTE),
    )


def _plain_text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # Notepad on Windows may start the file with a byte order mark
    except UnicodeDecodeError:
        raise SubmissionFileError(
            N_("{name} is not UTF-8 text: save it as UTF-8 and send it again"), name=name
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise SubmissionFileError(N_("{name} could not be read: send the file again"), name=path.name) from None


def _word_text(name: str, data: bytes) -> str:
    unreadable = SubmissionFileError(
        N_(
            "{name} could not be opened as a Word document: save it again from Word as .docx "
            "(Word Document, without a password) and send it again"
        ),
        name=name,
    )
    _check_unpacked_size(name, data, unreadable)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_body_paragraphs(document))
    # python-docx reports a damaged or foreign package in many ways (not a zip, a missing part, a wrong content
    # type, malformed XML): whichever it is, the delegate's remedy is the same, and no traceback reaches them.
    except Exception:
        raise unreadable from None
    return "\n\n".join(p for p in paragraphs if p.strip())


def _check_unpacked_size(name: str, data: bytes, unreadable: SubmissionFileError) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(member.file_size for member in package.infolist())
    except (zipfile.BadZipFile, OSError):
        raise unreadable from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise SubmissionFileError(
            N_(
                "{name} unpacks to more than {limit} MB: save it again from Word without embedded media "
                "and send it again"
            ),
            name=name,
            limit=str(MAX_UNPACKED_BYTES // MEBIBYTE),
        )


def _body_paragraphs(document: WordDocument) -> Iterator[str]:
    """The text of the body's paragraphs and of its tables' cells, in reading order; headers and footers are not
    in the body, so the letterhead and page numbers stay out of the word count."""
    for block in document.iter_inner_content():
        yield from _block_text(block)


def _block_text(block: Paragraph | Table) -> Iterator[str]:
    if isinstance(block, Paragraph):
        yield block.text
        return
    for cell in _distinct_cells(block):
        for inner in cell.iter_inner_content():
            yield from _block_text(inner)  # a table nested in a cell is read where it stands


def _distinct_cells(table: Table) -> Iterator[_Cell]:
    """Each cell once, row by row: python-docx repeats a merged cell in every grid column and row it spans."""
    seen: set[object] = set()  # the cells' XML elements themselves: kept alive, so compared by identity safely
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield cell
