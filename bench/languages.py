"""What speaking French or Russian costs beside English: the agenda and the Word report, side by side in one run."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from bench.exports import INTERVENTIONS, LARGE, export_input
from bench.timing import Row, measure
from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.config import BUNDLED
from bot.domain.language import Language
from bot.domain.participants import Directory
from bot.formats.exports import export
from bot.formats.roster import load_member_states
from bot.formats.schedule_toml import load_schedule_toml
from bot.locales.catalogs import Catalogs
from bot.services.timetable import Timetable

TRANSLATED = (Language.FR, Language.RU)


@dataclass(frozen=True)
class Beside:
    """A row of each language beside English's, measured in the same run: the cost is the ratio."""

    english: Row
    other: Row

    def cells(self) -> list[str]:
        ratio = self.other.median_ms / self.english.median_ms
        return [
            f"{self.other.name} (English {self.english.median_ms:.3f} ms: ×{ratio:.2f})",
            str(self.other.runs),
            f"{self.other.median_ms:.3f}",
            f"{self.other.p95_ms:.3f}",
            self.other.goal,
        ]


def rows(quick: bool) -> list[Beside]:
    runs, report_runs = (50, 3) if quick else (500, 10)
    catalogs = Catalogs()
    meeting = load_schedule_toml(BUNDLED / "unece-gcm-review-2020.toml")
    timetable = Timetable(meeting, Directory(load_member_states(BUNDLED / "unece-member-states.toml")))
    now, reader = datetime(2020, 11, 12, 9, 50, tzinfo=UTC), timetable.reader(zone="KZ")

    def agenda(language: Language) -> Row:
        tr = catalogs(language)
        work = lambda: render(timetable.agenda(reader, now), PlainTimes(), tr)  # noqa: E731
        return measure(f"languages: agenda, both days, in {language.own_name}", work, runs=runs, goal="≤ ×1.5")

    def report(language: Language, size: int) -> Row:
        given = replace(export_input(size), tr=catalogs(language))
        name = f"languages: docx report, {size:,} interventions, in {language.own_name}"
        return measure(name, lambda: export("docx", given), runs=report_runs, goal="≤ ×1.2")

    english_agenda = agenda(Language.EN)
    out = [Beside(english_agenda, agenda(language)) for language in TRANSLATED]
    for size in (INTERVENTIONS, LARGE):
        english_report = report(Language.EN, size)
        out += [Beside(english_report, report(language, size)) for language in TRANSLATED]
    return out
