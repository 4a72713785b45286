"""The column mapping of a registration export: which of its columns make each roster field, and value translations."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.domain.language import N_
from bot.domain.schedule_rules import ScheduleInvalid
from bot.domain.text import clean
from bot.formats.fields import Fields, unreadable
from bot.formats.roster import PARTICIPANT_KEYS

REQUIRED = ("id", "name")

# not user-facing: the epilog of `podium roster import --help`, in English like all of argparse's help (LANGUAGES.md)
MAPPING_HELP = """\
the mapping file (TOML), e.g. schedules/indico-columns.toml:
  [columns]                       each Podium field, from the export's column headers (exactly as written):
  id = "Email"                    one column;
  name = ["First Name", "Last Name"]   several, joined with a space;
  delegation = { first = ["Delegation", "Country"] }   the first of them that is not empty.
  title = "Position"              Fields: id and name (required), delegation, category, level, group, roles,
                                  timezone, title.
  [values.category]               the export's values (any case) -> Podium's:
  "Government" = "member-state"   category: member-state, observer-state, igo, un-system, stakeholder,
  "Civil society" = "stakeholder" secretariat; level: head-of-state, head-of-government, minister,
                                  vice-minister, ambassador, other. A value not listed is taken as it is.
A delegation given as a member State's name (any case; "Türkiye" too) or ISO code becomes its code; other
delegations (organisations) stay as written. A row missing its id or name, with an unknown category or level, a
member-state delegation that is no member State, or an id seen before is reported with its row number and left
out; the other rows are kept. Each row left out is printed on standard error ("row 7: …", the header being row
1); the exit status is 0 when at least one row was kept, 1 when none was (and nothing is written)."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where one field comes from: the columns joined with a space, or the first of them that is not empty."""

    columns: tuple[str, ...]
    first: bool = False

    def read(self, row: dict[str, str]) -> str:
        cells = [" ".join(clean(row.get(column) or "").split()) for column in self.columns]
        if self.first:
            return next((cell for cell in cells if cell), "")
        return " ".join(cell for cell in cells if cell)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Podium field -> where it comes from; Podium field -> {the export's value, casefolded: Podium's}."""

    sources: dict[str, Source]
    values: dict[str, dict[str, str]]

    def columns(self) -> set[str]:
        return {column for source in self.sources.values() for column in source.columns}

    def translated(self, name: str, value: str) -> str:
        return self.values.get(name, {}).get(value.casefold(), value)


def load_column_mapping(path: Path) -> ColumnMapping:
    """The mapping in a TOML file; raises ScheduleInvalid naming every fault."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ScheduleInvalid(str(path), [unreadable(error)]) from None
    top = Fields(document, "file")
    top.only(("columns", "values"))
    columns = top.child(top.table_of("columns"), "file")
    columns.only(PARTICIPANT_KEYS)
    sources = {name: source for name in PARTICIPANT_KEYS if (source := _source(columns, name))}
    for name in REQUIRED:
        if name not in sources and name not in columns.table:
            columns.fault(f"columns.{name}", N_("is missing: name the export's column(s) for it"))
    values = _values(top.child(top.table_of("values"), "file"))
    if top.problems:
        raise ScheduleInvalid(str(path), top.problems)
    return ColumnMapping(sources, values)


def _source(columns: Fields, name: str) -> Source | None:
    raw: Any = columns.table.get(name)
    if raw is None:
        return None
    first = isinstance(raw, dict)
    if first:
        raw = raw.get("first") if set(raw) == {"first"} else None
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        # The braces are TOML's, shown as written: doubled so that filling the message's fields keeps them.
        columns.fault(f"columns.{name}", N_("must be a column, a list of columns, or {{ first = [columns] }}"))
        return None
    return Source(tuple(n.strip() for n in names), first)


def _values(values: Fields) -> dict[str, dict[str, str]]:
    values.only(PARTICIPANT_KEYS)
    found: dict[str, dict[str, str]] = {}
    for name in values.table:
        table = values.table_of(name)
        if not all(isinstance(v, str) for v in table.values()):
            values.fault(f"values.{name}", N_("must translate each value to a text"))
            continue
        found[name] = {key.strip().casefold(): value.strip() for key, value in table.items()}
    return found
