"""`podium export --participants`: the list of participants by delegation, States first, names not codes."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from tests.adapters.cli_support import run
from tests.conftest import SCHEDULES

ROSTER = str(SCHEDULES / "demo-roster-2020.toml")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    assert run(capsys, "db", "upgrade", "--db", url)[0] == 0
    return url


def exported(capsys: pytest.CaptureFixture[str], db: str, form: str, roster: str = ROSTER) -> str:
    code, out, err = run(capsys, "export", "--participants", "--format", form, "--roster", roster, "--db", db)
    assert (code, err) == (0, "")
    return out


def test_states_come_first_by_name_then_observers_organisations_and_stakeholders(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = exported(capsys, db, "md")
    order = ["## Member States", "**Armenia**", "**Turkey**", "## Observer States", "**Holy See**"]
    order += ["## Intergovernmental organizations", "## Civil society and other stakeholders", "## Secretariat"]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert "- Armen Hakobyan — Արմեն Հակոբյան, Minister of Labour and Social Affairs" in text
    assert "**TR**" not in text
    assert "Türkiye" not in text


def test_word_is_a4_and_csv_keeps_cyrillic_and_neutralises_formulas(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.toml"
    roster.write_text(
        '[[participant]]\nid = "x"\nname = "=HYPERLINK(\\"http://evil\\")"\ndelegation = "UA"\n'
        'category = "member-state"\n'
        '[[participant]]\nid = "y"\nname = "Ольга <script>alert(1)</script>"\ndelegation = "UA"\n'
        'category = "member-state"\nlevel = "minister"\n',
        encoding="utf-8",
    )
    csv_text = exported(capsys, db, "csv", str(roster))
    assert csv_text.startswith("\ufeffsection,delegation,name,title")
    assert "Member States,Ukraine,Ольга <script>alert(1)</script>," in csv_text  # the minister first
    assert "'=HYPERLINK" in csv_text
    html = exported(capsys, db, "html", str(roster))
    assert "<script>" not in html
    assert "Ольга &lt;script&gt;" in html
    out = tmp_path / "participants.docx"
    run(capsys, "export", "--participants", "--format", "docx", "--roster", str(roster), "--db", db, "--out", str(out))
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert all(
        abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1) for s in document.sections
    )
    assert [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 2"] == ["Ukraine"]


def test_a_format_it_does_not_take_is_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "--participants", "--format", "json", "--db", db)
    assert (code, err) == (2, "--participants is written as md, html, docx, csv: give --format md, say.\n")
