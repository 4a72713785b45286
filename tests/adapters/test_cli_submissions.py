"""`podium submissions add` and `podium export --submissions`: staff register e-mailed inputs, then publish them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.adapters.cli_support import run


def word_file(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'podium.db'}"


def add(capsys: pytest.CaptureFixture[str], db: str, *options: str) -> tuple[int, str, str]:
    return run(capsys, "submissions", "add", "--db", db, *options)


def test_an_e_mailed_word_file_is_registered_replaced_and_published(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = word_file(tmp_path / "georgia.docx", ["მიგრაციის გლობალური შეთანხმება", "Georgia's <b>first</b> draft."])
    code, out, _ = add(capsys, db, "--delegation", "GE", "--file", str(first), "--received", "2020-10-29T10:00")
    assert (code, out) == (0, "Registered the written submission of Georgia: 6 words (version 1).\n")
    final = word_file(tmp_path / "georgia-final.docx", ["Georgia's final text & annex."])
    code, out, _ = add(capsys, db, "--delegation", "ge", "--file", str(final), "--received", "2020-10-31T23:59:59")
    assert out == "Registered the written submission of Georgia: 4 words (version 2, replacing version 1).\n"

    site = tmp_path / "site"
    code, out, _ = run(capsys, "export", "--submissions", "--format", "html", "--out", str(site), "--db", db)
    assert code == 0
    assert sorted(p.name for p in site.iterdir()) == ["ge.html", "index.html"]
    page = (site / "ge.html").read_text(encoding="utf-8")
    assert "Georgia&#x27;s final text &amp; annex." in page  # the current version, escaped once
    assert "first" not in page


def test_one_received_after_the_deadline_is_refused_unless_staff_accept_it_late(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "kz.txt"
    text.write_text("Қазақстан " * 10, encoding="utf-8")
    late = ("--delegation", "KZ", "--file", str(text), "--received", "2020-11-01T00:00:01")
    code, out, err = add(capsys, db, *late)
    assert (code, out) == (2, "")
    assert err == "Received after the deadline (31 October 2020 23:59 CET); --accept-late registers it anyway.\n"
    code, out, _ = add(capsys, db, *late, "--accept-late")
    assert (code, out) == (0, "Registered the written submission of Kazakhstan: 10 words (version 1).\n")


@pytest.mark.parametrize(
    ("name", "content", "delegation", "expected"),
    [
        ("long.txt", "word " * 5001, "AM", "The text has 5,001 words; the limit is 5,000."),
        ("input.pdf", "%PDF", "AM", "input.pdf: Podium reads .txt, .md and .docx files"),
        ("input.txt", "text", "XX", "'XX' is not a Member State's code, such as AM or KZ."),
    ],
)
def test_each_refusal_is_one_line_and_registers_nothing(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str], name: str, content: str, delegation: str, expected: str
) -> None:
    run(capsys, "db", "upgrade", "--db", db)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = add(capsys, db, "--delegation", delegation, "--file", str(path), "--received", "2020-10-20T12:00")
    assert (code, out) == (2, "")
    assert err.startswith(expected)
    assert err.count("\n") == 1
    site = tmp_path / "site"
    run(capsys, "export", "--submissions", "--format", "html", "--out", str(site), "--db", db)
    assert "No written submissions have been received." in (site / "index.html").read_text(encoding="utf-8")


def test_export_submissions_needs_html_and_a_folder(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "db", "upgrade", "--db", db)
    code, _, err = run(capsys, "export", "--submissions", "--format", "json", "--db", db)
    assert code == 2
    assert err == "--submissions writes web pages: give --format html and --out DIR (a folder).\n"
