"""Before the meeting, end to end through the console and the command line: the issue's whole scenario, golden."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from bot import bootstrap
from bot.config import Settings
from bot.scheduling.clock import SimulatedClock
from tests.adapters.cli_support import run
from tests.adapters.test_console import assert_golden
from tests.conftest import SCHEDULES

SCRIPT = """\
@clock 2020-10-20T10:00
# Three delegations offer to speak at the opening, one to moderate roundtable 1.
elif> /interest speaker opening on objectives 5 and 23
olga> /interest speaker opening on objective 2
armen> /interest speaker opening
nino> /interest moderator rt1
armen> /interest speaker opening
secretariat> /interests opening pending
secretariat> /interest accept 1
secretariat> /interest accept 2
secretariat> /interest accept 3
secretariat> /interest accept 4
secretariat> /interest decline 99
@clock 2020-10-30T16:20
armen> /submit < armenia.txt
nino> /submit < georgia.txt
@clock 2020-11-01T00:00:01
olga> /submit < ukraine.txt
sarah> /interest speaker closing
secretariat> /submissions list
@clock 2020-11-12T09:50
chair #gcm-plenary> /queue
chair #gcm-plenary> /floor move @olga 1
chair #gcm-plenary> /queue
olga #gcm-plenary> /hand
"""


def texts(folder: Path) -> None:
    # Armenia's 4,800 words name objective 5 (roundtable 1); Georgia's 5,100 are over the limit.
    (folder / "armenia.txt").write_text("Objective 5: regular pathways. " + "Армения " * 4796, encoding="utf-8")
    (folder / "georgia.txt").write_text("საქართველო " * 5100, encoding="utf-8")
    (folder / "ukraine.txt").write_text("Україна " * 100, encoding="utf-8")


async def replay(folder: Path, url: str) -> str:
    settings = Settings(
        database_url=url,
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )
    clock = SimulatedClock(datetime(2020, 10, 20, 8, 0, tzinfo=UTC))
    out = io.StringIO()
    async with bootstrap.running(settings, clock) as podium:
        console = bootstrap.start_console(podium, clock, out, exports=folder / "exports", files=folder).app
        faults = await console.run_script(SCRIPT.splitlines())
    assert faults == 0
    return out.getvalue()


def test_before_the_meeting_matches_its_golden_transcript(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts(tmp_path)
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    transcript = asyncio.run(replay(tmp_path, url))  # not a coroutine test: `podium` below runs its own loop
    assert_golden("before-the-meeting-2020.txt", transcript)
    assert "The written submission of Armenia is kept: 4,800 words." in transcript
    assert "The text has 5,100 words; the limit is 5,000." in transcript
    assert "Written submissions closed on 31 October 2020 at 23:59 CET [23:59 CET]" not in transcript
    # The opening's list, before it starts: the minister, then the two others as protocol and acceptance order it.
    queue = transcript[
        transcript.index("Opening segment (opening): the list is not open yet (this is its provisional list)") :
    ]
    assert queue.index("Armen Hakobyan") < queue.index("Elif Yılmaz") < queue.index("Olga Kovalenko")

    code, listed, _ = run(capsys, "export", "--provisional-list", "--format", "md", "--db", url)
    assert code == 0
    opening = listed[listed.index("Opening segment") : listed.index("Roundtable 1")]
    # As the moderator arranged it before the session: Ukraine moved first, then protocol order.
    assert opening.index("Ukraine") < opening.index("Armenia") < opening.index("Turkey")

    site = tmp_path / "site"
    assert run(capsys, "export", "--submissions", "--format", "html", "--out", str(site), "--db", url)[0] == 0
    assert "Армения" in (site / "am.html").read_text(encoding="utf-8")
    assert not (site / "ge.html").exists()

    report = tmp_path / "report.docx"
    assert run(capsys, "export", "--format", "docx", "--out", str(report), "--db", url)[0] == 0
    paragraphs = [p.text for p in docx.Document(str(report)).paragraphs]
    # Quoted under objective 5, which it addresses, from its first sentences (cut at sixty words).
    quoted = [p for p in paragraphs if p.startswith("In its written submission, Armenia stated: “Objective 5: ")]
    assert len(quoted) == 1
    assert quoted[0].endswith("Армения Армения…”")
