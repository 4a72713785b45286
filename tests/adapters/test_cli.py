"""The `podium` command line as a user runs it: agenda in a zone, schedule checks, iCalendar, exit codes."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.cli import main
from bot.formats.exports import EXPORTS
from tests.adapters.cli_support import run
from tests.conftest import GCM_2020, HARBOUR_2027


def test_agenda_for_kazakhstan_shows_the_opening_at_15_local(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agenda", "--delegation", "KZ")
    assert code == 0
    assert "15:00–15:40 Almaty [10:00–10:40 CET]  Opening segment (opening)" in out
    assert "Times in Asia/Almaty (KZ, UTC+06:00)" in out


def test_agenda_for_new_york_shows_the_opening_at_4_and_marks_the_night(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "agenda", "--tz", "America/New_York")
    assert code == 0
    assert "☾ 04:00–04:40 EST [10:00–10:40 CET]  Opening segment (opening)" in out
    assert "in the night where you are" in out


def test_agenda_ends_with_the_provenance_footer(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "agenda", "--day", "2")
    assert out.rstrip().splitlines()[-1].startswith("Source: Dates, window and shape from the invitation letter")
    assert "Day 1" not in out


def test_agenda_marks_the_session_on_now(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "agenda", "--clock", "2020-11-12T11:00+01:00")
    assert "▶  10:40–12:40 CET  Roundtable 1" in out


def test_agenda_with_an_unknown_zone_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "agenda", "--tz", "Europe/Genva")
    assert code == 2
    assert out == ""
    # There is no Europe/Geneva in the tz database: Geneva keeps Europe/Zurich's time.
    assert err.strip() == (
        "'Europe/Genva' is neither a time zone nor a delegation code (try Europe/Zurich or KZ)."
        " Did you mean Europe/Vienna?"
    )


def test_the_fictitious_schedule_runs_in_its_own_zone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agenda", "--schedule", str(HARBOUR_2027))
    assert code == 0
    assert "08:30–09:00 PST  Welcome and introductions" in out
    assert "08:30–10:30 PDT  Ferries and the last mile" in out


def test_check_schedule_sums_up_a_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-schedule", str(GCM_2020), str(HARBOUR_2027))
    assert code == 0
    assert "4 roundtables cover 23 of 23 objectives" in out
    assert out.count("No problems found.") == 2


def test_check_schedule_names_every_fault_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    text = GCM_2020.read_text(encoding="utf-8")
    text = text.replace("start = 13:40:00\nend = 15:40:00", "start = 12:00:00\nend = 15:40:00")
    broken.write_text(text.replace("objectives = [1, 3, 7, 17, 23]", "objectives = [1, 3, 7, 17]"), encoding="utf-8")
    code, out, err = run(capsys, "check-schedule", str(broken))
    assert code == 1
    assert out == ""
    assert f"{broken}: session rt2: start: overlaps session rt1 (10:40–12:40)" in err.splitlines()
    assert f"{broken}: objective 23: objectives: is covered by no roundtable" in err.splitlines()


def test_ics_parses_back_with_the_opening_at_nine_utc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "meeting.ics"
    code, _, _ = run(capsys, "ics", "--out", str(out_file))
    assert code == 0
    calendar = Calendar.from_ical(out_file.read_bytes())
    events = {str(e["X-PODIUM-ID"]): e for e in calendar.walk("VEVENT")}
    assert events["opening"].start.astimezone(UTC) == datetime(2020, 11, 12, 9, 0, tzinfo=UTC)
    assert str(events["rt3"]["X-PODIUM-OBJECTIVES"]) == "14,15,16,19,20,22"


def test_ics_for_an_unknown_session_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "ics", "--session", "rt5")
    assert code == 2
    assert out == ""
    assert "There is no session 'rt5'" in err


def test_an_invalid_schedule_stops_the_console_with_its_faults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(GCM_2020.read_text(encoding="utf-8").replace("Europe/Zurich", "Europe/Zurch"), encoding="utf-8")
    code, _, err = run(
        capsys,
        "console",
        "--schedule",
        str(broken),
        "--db",
        f"sqlite:///{tmp_path / 'x.db'}",
        "--script",
        "/dev/null",
    )
    assert code == 1
    assert "meeting: timezone: unknown time zone 'Europe/Zurch'" in err


def test_python_dash_m_bot_runs_the_demo_in_a_fresh_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "It is 11:05 EET [10:05 CET]." in result.stdout
    assert (tmp_path / "demo.db").exists()


def test_db_upgrade_creates_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--db", f"sqlite:///{tmp_path / 'fresh.db'}")
    assert code == 0
    assert "up to date" in out
    assert (tmp_path / "fresh.db").stat().st_size > 0


@pytest.mark.parametrize("form", list(EXPORTS))
def test_every_export_format_after_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    assert main(["demo", "--db", db]) == 0
    out = tmp_path / f"export.{form}"
    code, _, err = run(capsys, "export", "--format", form, "--day", "1", "--db", db, "--out", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert data
    if form == "ics":
        assert len(Calendar.from_ical(data).walk("VEVENT")) == 3  # day 1: opening, rt1, rt2
    if form in {"md", "html"}:
        assert "Markus Steiner" in data.decode("utf-8")


def test_export_refuses_a_database_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "dtaa" / "podium.db"
    code, out, err = run(capsys, "export", "--db", f"sqlite:///{typo}")
    assert code == 2
    assert out == ""
    assert err == f"no database at {typo}: check --db or DATABASE_URL (`podium db upgrade --db URL` creates one)\n"
    assert not typo.parent.exists()  # nothing created


# --- the console reads bytes, so one line that is not UTF-8 is named and the others run -----------------------------

NOW = b"olga> /now\n"
IT_IS = "It is 10:00 EET [09:00 CET]."


def console(capsys: pytest.CaptureFixture[str], tmp_path: Path, *more: str) -> tuple[int, str, str]:
    db = f"sqlite:///{tmp_path / 'console.db'}"
    roster = "schedules/demo-roster-2020.toml"
    return run(capsys, "console", "--db", db, "--roster", roster, "--clock", "2020-11-12T09:00+01:00", *more)


def test_a_script_file_with_a_byte_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "meeting.script"
    script.write_bytes(NOW + b"olga> caf\xe9\n" + NOW)
    code, out, _ = console(capsys, tmp_path, "--script", str(script))
    assert code == 1  # some lines were refused
    assert "olga> caf\ufffd\n! line 2: byte 0xe9 at position 10 is not UTF-8; save the script as UTF-8\n" in out
    assert out.count(IT_IS) == 2  # the lines before and after it ran


def test_standard_input_with_a_byte_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe/now\n/now\n")))
    code, out, _ = console(capsys, tmp_path, "--as", "olga")
    assert code == 1
    assert "! line 1: byte 0xff at position 1 is not UTF-8; save the script as UTF-8\n" in out
    assert out.count(IT_IS) == 1


def test_a_missing_script_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = console(capsys, tmp_path, "--script", str(tmp_path / "nope.script"))
    assert code == 2
    assert err == f"cannot read the script {tmp_path / 'nope.script'}: No such file or directory\n"


@pytest.mark.parametrize("argv", [["--clock", "0001-01-01T00:00+00:00"], ["--rehearse", "9999-12-31"]])
def test_a_clock_or_rehearsal_outside_2000_2100_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["agenda", *argv])
    assert stopped.value.code == 2
    assert "is not in the years 2000–2100" in capsys.readouterr().err


# --- podium reload signals only a `podium serve`, found from its pid file ---------------------------------------------
