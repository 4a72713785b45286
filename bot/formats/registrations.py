"""Participants from a registration system's CSV export (Indico's, or any), read through a column mapping."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bot.domain.language import AS_WRITTEN, N_, Words
from bot.domain.localtime import is_known_zone
from bot.domain.participants import Level, MemberState, Participant
from bot.domain.schedule_rules import ScheduleInvalid, ScheduleProblem
from bot.domain.settings import Category
from bot.formats.fields import UNKNOWN_ZONE, unreadable
from bot.formats.registration_columns import REQUIRED, ColumnMapping

# Names a registration form may give that the member States list (the UN's 2020 names) writes otherwise.
ALIASES = {
    "türkiye": "TR",
    "turkiye": "TR",
    "czech republic": "CZ",  # not user-facing: a name to match
    "moldova": "MD",
    "russia": "RU",
    "united kingdom": "GB",  # not user-facing: a name to match
    "uk": "GB",
    "united states": "US",  # not user-facing: a name to match
    "usa": "US",
    "the netherlands": "NL",  # not user-facing: a name to match
    "kyrgyz republic": "KG",  # not user-facing: a name to match
    "macedonia": "MK",
}
STATES = {Category.MEMBER_STATE}
E = TypeVar("E", Category, Level)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row left out, with every fault found in it (each a msgid with the row's values as its fields)."""

    row: int  # as a spreadsheet numbers it: the header is row 1
    faults: tuple[ScheduleProblem, ...]

    def said(self, tr: Words) -> str:
        """The row's faults in `tr`'s language, one after the other."""
        return "; ".join(fault.said(tr) for fault in self.faults)

    @property
    def message(self) -> str:
        """The row's faults in English."""
        return self.said(AS_WRITTEN)

    def line(self, source: str, tr: Words = AS_WRITTEN) -> str:
        """'export.csv: row 7: no name (columns First Name, Last Name empty)', in `tr`'s language."""
        return tr.gettext("{file}: row {row}: {faults}").format(file=source, row=self.row, faults=self.said(tr))


@dataclass(frozen=True, slots=True)
class Registrations:
    """The participants read, in the export's order, and every row left out with why."""

    participants: tuple[Participant, ...]
    problems: tuple[RowProblem, ...]


def read_registrations(path: Path, mapping: ColumnMapping, states: Iterable[MemberState]) -> Registrations:
    """Every usable row as a Participant; raises ScheduleInvalid only for the file itself (unreadable, columns
    the mapping names but the export lacks)."""
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="surrogateescape")
    except OSError as error:
        raise ScheduleInvalid(str(path), [unreadable(error)]) from None
    return registrations_from_text(text, mapping, states, str(path))


def registrations_from_text(
    text: str, mapping: ColumnMapping, states: Iterable[MemberState], source: str = "export"
) -> Registrations:
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text))
    headers = {(h or "").strip() for h in reader.fieldnames or ()}
    missing = sorted(mapping.columns() - headers)
    if missing:
        raise ScheduleInvalid(source, [_columns_missing(missing, sorted(h for h in headers if h))])
    read = _Reader(mapping, tuple(states))
    for row in reader:
        cells = {(k or "").strip(): v for k, v in row.items() if isinstance(v, str)}
        if any(v.strip() for v in cells.values()):  # a blank line, or one of separators only, is no row
            read.row(reader.line_num, cells)
    return Registrations(tuple(read.participants), tuple(read.problems))


def _columns_missing(missing: list[str], known: list[str]) -> ScheduleProblem:
    values = {"missing": ", ".join(map(repr, missing)), "known": ", ".join(known)}
    if known:
        return ScheduleProblem(
            "file", "columns", N_("the export has no column {missing} (its columns: {known})"), values
        )
    return ScheduleProblem("file", "columns", N_("the export has no column {missing} (its columns: none)"), values)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Comma or semicolon (a spreadsheet in a language whose decimal mark is a comma), as the header shows."""
    header = text.lstrip("\r\n").split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t")
    except csv.Error:
        return csv.excel


class _Reader:
    def __init__(self, mapping: ColumnMapping, states: tuple[MemberState, ...]) -> None:
        self.mapping = mapping
        # A form in French or Russian may name the State so ("Arménie", "Армения"): those names count too.
        other = {_folded(n.name): s.iso for s in states for n in s.names}
        self.states = other | {_folded(s.name): s.iso for s in states} | {s.iso.casefold(): s.iso for s in states}
        self.participants: list[Participant] = []
        self.problems: list[RowProblem] = []
        self._rows: dict[str, int] = {}

    def row(self, number: int, cells: dict[str, str]) -> None:
        fields = {name: source.read(cells) for name, source in self.mapping.sources.items()}
        faults = [self._empty(name) for name in REQUIRED if not fields.get(name)]
        category = self._choice(fields, "category", Category.STAKEHOLDER, faults)
        level = self._choice(fields, "level", Level.OTHER, faults)
        delegation = self._delegation(fields.get("delegation", ""), category, faults)
        zone = fields.get("timezone") or None
        if zone and not is_known_zone(zone):
            faults.append(ScheduleProblem("row", "timezone", UNKNOWN_ZONE, {"zone": repr(zone)}))
        if not faults and fields["id"] in self._rows:
            again = N_("id {id} appears again (first on row {first}); kept the first")
            values = {"id": repr(fields["id"]), "first": str(self._rows[fields["id"]])}
            faults.append(ScheduleProblem("row", "id", again, values))
        if faults or category is None or level is None:
            self.problems.append(RowProblem(number, tuple(faults)))
            return
        self._rows[fields["id"]] = number
        self.participants.append(
            Participant(
                id=fields["id"],
                name=fields["name"],
                delegation=delegation,
                category=category,
                level=level,
                group=fields.get("group") or None,
                roles=tuple(fields.get("roles", "").replace(";", " ").replace(",", " ").split()),
                timezone=zone,
                title=fields.get("title", ""),
            )
        )

    def _columns(self, name: str) -> tuple[str, ...]:
        """The export's columns a field is read from."""
        return self.mapping.sources[name].columns if name in self.mapping.sources else (name,)

    def _empty(self, name: str) -> ScheduleProblem:
        columns = self._columns(name)
        values = {"field": name, "columns": ", ".join(columns)}
        return ScheduleProblem.ngettext(
            "no {field} (column {columns} empty)",
            "no {field} (columns {columns} empty)",
            len(columns),
            "row",
            name,
            values=values,
        )

    def _choice(self, fields: dict[str, str], name: str, default: E, faults: list[ScheduleProblem]) -> E | None:
        raw = fields.get(name, "")
        if not raw:
            return default
        value = self.mapping.translated(name, raw).lower()
        kind = type(default)
        if value not in {member.value for member in kind}:
            known = ", ".join(member.value for member in kind)
            unknown = N_("unknown {field} {value} (translate it under [values.{field}] to one of: {known})")
            faults.append(ScheduleProblem("row", name, unknown, {"field": name, "value": repr(raw), "known": known}))
            return None
        return kind(value)

    def _delegation(self, raw: str, category: Category | None, faults: list[ScheduleProblem]) -> str | None:
        """A member State's ISO code for its name or code; an organisation's name as written."""
        if not raw:
            if category in STATES:
                columns = self._columns("delegation")
                empty = ScheduleProblem.ngettext(
                    "no delegation for a member State (column {columns} empty)",
                    "no delegation for a member State (columns {columns} empty)",
                    len(columns), "row", "delegation", values={"columns": ", ".join(columns)},
                )  # fmt: skip
                faults.append(empty)
            return None
        translated = self.mapping.translated("delegation", raw)
        iso = self.states.get(_folded(translated)) or ALIASES.get(_folded(translated))
        if iso is None and category in STATES:
            stranger = N_("{value} is not a member State (give its name, such as Armenia, or its code, AM)")
            faults.append(ScheduleProblem("row", "delegation", stranger, {"value": repr(raw)}))
        return iso or translated


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
