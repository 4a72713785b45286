"""From a registration export: `podium roster import` (a roster TOML) and `podium export --participants
--registrations` (the list of participants); bad rows are reported and left out, the others kept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.language import translator
from bot.config import Settings
from bot.domain.meeting import Meeting
from bot.domain.participants import MemberState, Participant
from bot.services.translation import Translator


async def roster(options: argparse.Namespace, settings: Settings) -> int:
    """`podium roster import FILE.csv --columns MAPPING.toml [-o roster.toml]`."""
    from bot.formats.roster import load_member_states
    from bot.formats.roster_toml import roster_toml

    tr = translator(options, settings)
    participants = read(options.file, options.columns, load_member_states(settings.member_states), tr)
    if not participants:
        return 1
    from bot.cli.places import write_out

    text = roster_toml(participants, options.file.name)
    count = len(participants)
    wrote = tr.ngettext("Wrote {count} participant(s) to {file}", "Wrote {count} participant(s) to {file}", count)
    write_out(text.encode("utf-8"), options.out, tr=tr, said=wrote.format(count=count, file=options.out))
    return 0


def participants_list(options: argparse.Namespace, settings: Settings, meeting: Meeting) -> int:
    """`podium export --participants --registrations FILE.csv --columns MAPPING.toml --format …`: no database."""
    from bot.cli.before import PARTICIPANT_FORMATS
    from bot.cli.places import write_out
    from bot.formats.participants_list import ParticipantsList, participants_file
    from bot.formats.roster import load_member_states
    from bot.scheduling.clock import SystemClock

    tr = translator(options, settings)
    if options.columns is None:
        message = tr.gettext("--registrations needs --columns MAPPING.toml (schedules/indico-columns.toml, say).")
        print(message, file=sys.stderr)
        return 2
    if options.format not in PARTICIPANT_FORMATS:
        message = tr.gettext("{option} is written as {formats}: give --format {first}, say.")
        print(
            message.format(option="--participants", formats=", ".join(PARTICIPANT_FORMATS), first="md"), file=sys.stderr
        )
        return 2
    states = load_member_states(settings.member_states)
    participants = read(options.registrations, options.columns, states, tr)
    if not participants:
        return 1
    names = {state.iso: state.name_in(tr.language) for state in states}
    lists = ParticipantsList(meeting, participants, lambda code: names.get(code, code), SystemClock().now(), tr=tr)
    write_out(participants_file(options.format, lists), options.out, tr=tr)
    return 0


def read(export: Path, columns: Path, states: tuple[MemberState, ...], tr: Translator) -> tuple[Participant, ...]:
    """The usable rows; every row left out is told on standard error, one line each, with its row number."""
    from bot.formats.registration_columns import load_column_mapping
    from bot.formats.registrations import read_registrations

    found = read_registrations(export, load_column_mapping(columns), states)
    for problem in found.problems:
        print(problem.line(export.name, tr), file=sys.stderr)
    if not found.participants:
        print(tr.gettext("{file}: no usable row: nothing written.").format(file=export.name), file=sys.stderr)
    elif found.problems:
        count, kept = len(found.problems), len(found.participants)
        message = tr.ngettext(
            "{file}: {count} row(s) left out, {kept} kept.", "{file}: {count} row(s) left out, {kept} kept.", count
        )
        print(message.format(file=export.name, count=count, kept=kept), file=sys.stderr)
    return found.participants
