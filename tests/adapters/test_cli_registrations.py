"""`podium roster import` and `podium export --participants --registrations`: a registration export through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.formats.roster import load_roster
from tests.adapters.cli_support import run
from tests.conftest import SCHEDULES

EXAMPLE = str(SCHEDULES / "indico-registrants-example.csv")
COLUMNS = str(SCHEDULES / "indico-columns.toml")
ATLANTIS = "row 15: 'Atlantis' is not a member State"


def test_roster_import_writes_a_roster_and_reports_the_bad_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "roster.toml"

    code, printed, err = run(capsys, "roster", "import", EXAMPLE, "--columns", COLUMNS, "-o", str(out))

    assert code == 0
    assert printed == f"Wrote 13 participant(s) to {out}\n"
    assert ATLANTIS in err
    assert "1 row(s) left out, 13 kept." in err
    roster = load_roster(out)
    assert [p.delegation for p in roster][:4] == ["KZ", "AM", "RU", "TR"]


def test_the_list_of_participants_from_the_export_is_in_un_order_with_titles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, text, err = run(
        capsys, "export", "--participants", "--registrations", EXAMPLE, "--columns", COLUMNS, "--format", "md",
        "--db", "sqlite:////nonexistent/podium.db",
    )  # fmt: skip

    assert code == 0
    assert ATLANTIS in err
    order = ["## Member States", "**Armenia**", "**France**", "**Germany**", "**Kazakhstan**", "**Kyrgyzstan**"]
    order += ["**Russian Federation**", "**Turkey**", "**Ukraine**", "## Observer States", "**Holy See**"]
    order += ["## United Nations system", "**UNHCR**", "## Intergovernmental organizations", "**IOM**"]
    order += ["## Civil society and other stakeholders", "**PICUM**", "**University of Geneva**"]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert "- Айгерим Сейткали, Deputy Minister of Foreign Affairs" in text
    assert "- Éloïse Dubois-Lefèvre, Permanent Representative to the United Nations Office at Geneva" in text
    assert "Atlantis" not in text
    assert "Pendragon" not in text


def test_an_export_with_no_usable_row_fails_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "empty.csv"
    export.write_text("ID,First Name,Last Name,Email,Affiliation,Position,Country,Delegation,Category,Level\n"
                      "1,,,,,,,,,\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "roster.toml"

    code, printed, err = run(capsys, "roster", "import", str(export), "--columns", COLUMNS, "-o", str(out))

    assert (code, printed) == (1, "")
    assert "row 2: no id" in err
    assert "no usable row: nothing written." in err
    assert not out.exists()


def test_a_missing_column_or_mapping_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "columns.toml"
    mapping.write_text('[columns]\nid = "Email"\nname = "Full Name"\n', encoding="utf-8")

    code, _, err = run(capsys, "roster", "import", EXAMPLE, "--columns", str(mapping))
    assert code == 1
    assert err.strip().endswith("the export has no column 'Full Name' (its columns: Affiliation, Category, Country, "
                                "Delegation, Email, First Name, ID, Last Name, Level, Position)")  # fmt: skip
    assert "Traceback" not in err

    code, _, err = run(capsys, "export", "--participants", "--registrations", EXAMPLE, "--format", "md")
    assert (code, err) == (2, "--registrations needs --columns MAPPING.toml (schedules/indico-columns.toml, say).\n")


def test_roster_help_explains_the_mapping_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "roster", "--help")
    text = capsys.readouterr().out
    assert 'name = ["First Name", "Last Name"]' in text
    assert "[values.category]" in text
