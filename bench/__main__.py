"""Run every benchmark and print one table: `python -m bench [--quick]`."""

from __future__ import annotations

import argparse
import platform

from bench import cli, discord, exports, floor, languages, reminders, schedule, slack, submissions, web
from bench.timing import Cells, table


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    quick = parser.parse_args().quick
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    rows: list[Cells] = [*schedule.rows(quick), *floor.rows(quick), *reminders.rows(quick), *exports.rows(quick)]
    rows += submissions.rows(quick)
    rows += languages.rows(quick)  # French and Russian beside English, in the same run
    rows += cli.rows(quick)  # whole `podium` processes, beside a bare Python start-up
    print(table([*rows, *slack.rows(quick), *discord.rows(quick), *web.rows(quick)]))


if __name__ == "__main__":
    main()
