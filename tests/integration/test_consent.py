"""A statement never delivered is published as submitted in writing only once its speaker agrees (/consent)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.formats.exports import ExportInput, export
from bot.scheduling.clock import SimulatedClock
from tests.integration.roundtable_replay import read_back
from tests.integration.test_floor_end_to_end import process
from tests.words import english

TEXT = "ICMC calls for community sponsorship schemes"  # no punctuation: Markdown would escape it
ROUNDTABLE = [
    "olga #gcm-rt1> /hand",
    "icmc #gcm-rt1> /hand",
    f"icmc #gcm-rt1> /statement {TEXT}",
    "mod-rt1 #gcm-rt1> /floor next",
    "@advance 2m",
    "mod-rt1 #gcm-rt1> /floor end",
    "@clock 2020-11-12T13:00+01:00",  # the list closes: ICMC's text counts as submitted in writing
]


async def replay(tmp_path: Path, *answers: str) -> tuple[str, str]:
    """What the console printed, and the database's URL."""
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    async with process(url, SimulatedClock(datetime(2020, 11, 12, 9, 40, tzinfo=UTC))) as (_, console, out):
        assert await console.run_script([*ROUNDTABLE, *answers]) == 0
    return out.getvalue(), url


async def exported(url: str, form: str) -> str:
    record = await read_back(url)
    return export(form, ExportInput(record, (), datetime(2020, 11, 13, tzinfo=UTC), tr=english())).decode("utf-8")


async def test_the_speaker_is_asked_and_until_they_agree_the_notes_leave_the_text_out(tmp_path: Path) -> None:
    printed, url = await replay(tmp_path)
    assert "direct message to icmc" in printed
    assert "May the secretariat publish it in the session notes and the report? Answer /consent rt1 yes" in printed
    assert TEXT not in await exported(url, "md")
    assert TEXT not in await exported(url, "html")
    assert TEXT in await exported(url, "csv")  # the record for the secretariat keeps it


async def test_yes_publishes_it_and_a_later_no_withdraws_it(tmp_path: Path) -> None:
    _, url = await replay(tmp_path, "icmc> /consent rt1 yes")
    assert TEXT in await exported(url, "md")
    _, url = await replay(tmp_path / "again", "icmc> /consent rt1 yes", "icmc> /consent rt1 no")
    assert TEXT not in await exported(url, "md")


async def test_consent_from_someone_with_no_written_statement_is_refused(tmp_path: Path) -> None:
    printed, _ = await replay(tmp_path, "olga> /consent rt1 yes", "icmc> /consent rt1 maybe")
    assert "You have no statement submitted in writing in Roundtable 1" in printed
    assert "'maybe' is not a valid answer: yes or no." in printed
