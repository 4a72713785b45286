"""Reading a written submission from real files: UTF-8 text and Markdown, Word body and tables, one-line refusals."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from bot.domain.submissions import count_words
from bot.formats.submission_files import MAX_FILE_BYTES, SubmissionFileError, read_submission

RUSSIAN = "Российская Федерация поддерживает цели Глобального договора о миграции."
SECOND = "Вторая строка ответа: регулярные пути миграции."
CELLS = ["Цель", "Прогресс", "Цель 5", "Расширены легальные пути"]


def word_file(path: Path) -> Path:
    """A Word document as a delegation sends one: a letterhead in the header, paragraphs, a table, a footer."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Permanent Mission letterhead"
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    document.add_heading("Вклад делегации", level=1)
    document.add_paragraph(RUSSIAN)
    document.add_paragraph("")  # an empty paragraph between, as people press Enter twice
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip((c for row in table.rows for c in row.cells), CELLS, strict=True):
        cell.text = text
    document.add_paragraph(SECOND)
    document.save(str(path))
    return path


def refusal(path: Path) -> str:
    with pytest.raises(SubmissionFileError) as raised:
        read_submission(path)
    message = str(raised.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


def test_plain_text_keeps_cyrillic_and_drops_the_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("\ufeff".encode() + f"{RUSSIAN}\n\n{SECOND}\n".encode())
    text, name = read_submission(path)
    assert text == f"{RUSSIAN}\n\n{SECOND}\n"
    assert name == "ru.txt"


def test_markdown_is_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "Submission AM.MD"
    path.write_text("# Հայաստան\n\n*Migration* & <pathways>\n", encoding="utf-8")
    assert read_submission(path) == ("# Հայաստան\n\n*Migration* & <pathways>\n", "Submission AM.MD")


def test_word_body_and_table_cells_in_order_without_header_or_footer(tmp_path: Path) -> None:
    text, name = read_submission(word_file(tmp_path / "ru.docx"))
    assert name == "ru.docx"
    assert text.split("\n\n") == ["Вклад делегации", RUSSIAN, *CELLS, SECOND]
    assert "letterhead" not in text
    assert "footer" not in text
    assert count_words(text) == 2 + 8 + 7 + 6  # heading, paragraph, the four cells, the last paragraph


def test_a_merged_cell_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Объединённая ячейка"
    table.cell(1, 1).text = "нижняя"
    document.save(str(tmp_path / "merged.docx"))
    text, _ = read_submission(tmp_path / "merged.docx")
    assert text == "Объединённая ячейка\n\nнижняя"


def test_another_kind_of_file_is_refused_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "rt.pdf"
    path.write_bytes(b"%PDF-1.7 secret content")
    message = refusal(path)
    assert message == "rt.pdf: Podium reads .txt, .md and .docx files; save it as one of those and send it again"


def test_text_not_in_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    assert refusal(path) == "x.txt is not UTF-8 text: save it as UTF-8 and send it again"


def test_a_file_that_is_not_a_word_document_says_to_save_it_again(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(b"not a zip: confidential draft")
    message = refusal(path)
    assert message.startswith("x.docx could not be opened as a Word document: save it again from Word as .docx")
    assert "confidential" not in message


def test_a_zip_that_is_not_a_word_document_is_refused_alike(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("notes.txt", "confidential draft")
    message = refusal(path)
    assert message.startswith("x.docx could not be opened as a Word document")
    assert "confidential" not in message


def test_a_zip_that_unpacks_to_too_much_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    assert path.stat().st_size < MAX_FILE_BYTES
    assert refusal(path).startswith("bomb.docx unpacks to more than 50 MB")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.md") == "gone.md was not found: send the file again"


def test_a_file_over_5_mb_gives_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (int(12.3 * 1024 * 1024) // 5))
    assert refusal(path) == "big.txt is 12.3 MB; a submission file may be at most 5 MB"


def test_one_byte_over_the_limit_is_not_shown_as_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    assert refusal(path) == "edge.txt is 5.1 MB; a submission file may be at most 5 MB"


def test_exactly_5_mb_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * MAX_FILE_BYTES)
    text, _ = read_submission(path)
    assert len(text) == MAX_FILE_BYTES
