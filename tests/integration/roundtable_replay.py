"""The Word exports' fixtures: a roundtable replayed on SQLite with hostile and non-Latin text; LibreOffice reading."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.formats.roster import load_directory
from bot.formats.schedules import load_meeting
from bot.scheduling.clock import SimulatedClock
from bot.services.record import MeetingRecord, read_record
from bot.storage.database import Database
from tests.conftest import GCM_2020, SCHEDULES
from tests.integration.test_floor_end_to_end import process

HOSTILE = "<script>alert(1)</script> @channel"
GENERATED = datetime(2020, 11, 13, 15, 0, tzinfo=UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLGA = "Olga Kovalenko — Ольга Коваленко (Ukraine)"
ARMEN = "Armen Hakobyan — Արմեն Հակոբյան (Armenia)"
NINO = "Nino Beridze — ნინო ბერიძე (Georgia)"
ELIF = "Elif Yılmaz (Turkey)"
RT1 = "Roundtable 1: Ensuring that migration is voluntary, orderly and regular"
OBJECTIVE_2 = (
    "Objective 2: Minimize the adverse drivers and structural factors that compel people to leave their country of "
    "origin"
)
OBJECTIVE_5 = "Objective 5: Enhance availability and flexibility of pathways for regular migration"
OBJECTIVE_6 = "Objective 6: Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"
OBJECTIVE_12 = (
    "Objective 12: Strengthen certainty and predictability in migration procedures for appropriate screening, "
    "assessment and referral"
)
OBJECTIVE_18 = (
    "Objective 18: Invest in skills development and facilitate mutual recognition of skills, qualifications and "
    "competences"
)
STATEMENTS = {
    "olga": f"Україна розширює легальні шляхи міграції. {HOSTILE}\x07 дзвінок",
    # Objectives 6 and 18 by their short labels only, one of them in lower case.
    "armen": "Հայաստանն աջակցում է։ Recruitment and decent work; skills development and recognition.",
    "nino": "საქართველო მიესალმება რეგიონულ თანამშრომლობას.",
    "elif": "Türkiye göç yönetiminde işbirliğini güçlendiriyor: objectives 2 and 12.",
    "icmc": "Community sponsorship (Objective 23), submitted in writing only.",
}


async def read_back(url: str) -> MeetingRecord:
    """The record as `podium export` reads it: with the roster's names and the Member States' names."""
    directory = load_directory(SCHEDULES / "unece-member-states.toml", SCHEDULES / "demo-roster-2020.toml")
    database = await Database.open(url)
    try:
        return await read_record(load_meeting(GCM_2020), database.uow(), directory=directory)
    finally:
        await database.close()


async def replay_roundtable(tmp_path: Path) -> MeetingRecord:
    """Roundtable 1 (and a short opening) played through the console on a SQLite file, read back as a record."""
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    clock = SimulatedClock(datetime(2020, 11, 12, 9, 0, tzinfo=UTC))
    opening = [
        "secretariat #gcm-plenary> /hand",
        "chair #gcm-plenary> /floor next",
        "@advance 4m10s",
        "chair #gcm-plenary> /floor end",
        "@clock 2020-11-12T10:40+01:00",
    ]
    hands = [f"{who} #gcm-rt1> /hand" for who in ("armen", "nino", "elif", "iom", "icmc", "markus", "holysee")]
    statements = [f"{who} #gcm-rt1> /statement {text}" for who, text in STATEMENTS.items()]
    # Protocol order puts the EU group statement first and the minister second; the rest come as they asked.
    turns = ["3m20s", "2m", "1m5s", "2m30s", "45s", "3m", "1m"]
    floor = [line for span in turns for line in ("mod-rt1 #gcm-rt1> /floor next", f"@advance {span}")]
    floor.insert(3, "secretariat #gcm-rt1> /note Referred to the 2019 national action plan")  # on Armen's turn
    async with process(url, clock) as (_, console, _):
        faults = await console.run_script(
            [
                *opening,
                "olga #gcm-rt1> /hand on objective 5",
                *hands,
                *statements,
                *floor,
                "mod-rt1 #gcm-rt1> /floor end",
                "mod-rt1 #gcm-rt1> /note Roundtable closed on time.",
                "@clock 2020-11-12T13:00+01:00",
                "icmc> /consent rt1 yes",  # ICMC's text, never delivered, may be published as submitted in writing
            ]
        )
    assert faults == 0
    return await read_back(url)


# CI installs LibreOffice and poppler: there the conversions must run, not skip. Elsewhere, without either
# tool, they skip and say which is missing.
_MISSING = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
needs_libreoffice = pytest.mark.skipif(
    bool(_MISSING) and not os.environ.get("CI"),
    reason=f"needs LibreOffice (soffice) and poppler-utils (pdftotext); missing: {', '.join(_MISSING)}",
)


def pdf_text(document: Path, out: Path) -> str:
    """The text of the document as LibreOffice lays it out: converted to PDF, read back with pdftotext."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    assert soffice, "LibreOffice (soffice) is needed to open the document outside Word"
    assert pdftotext, "poppler-utils (pdftotext) is needed to read the PDF back"
    command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(document)]
    subprocess.run(command, check=True, timeout=120, capture_output=True)
    pdf = out / document.with_suffix(".pdf").name
    return subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
