"""`python -m bot.locales`: pybabel extract, update and compile in one step, run from the repository's root.

After changing a message: run it, translate the new entries in `fr/` and `ru/` (the tests list any left
empty), run it again to compile, and commit the `.pot`, `.po` and `.mo` files together.
"""

from __future__ import annotations

from babel.messages.frontend import CommandLineInterface

from bot.locales.catalogs import DOMAIN, LOCALE_DIR

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
MAPPING = LOCALE_DIR / "babel.cfg"
# What `extract` is told, also read by the test that compares the code's messages with the catalogs.
EXTRACT = ["-F", str(MAPPING), "-k", "N_", "--no-location", "--sort-output", "--project", "Podium"]


def pybabel(*arguments: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])  # type: ignore[no-untyped-call]  # Babel is untyped


def main() -> None:
    pybabel("extract", *EXTRACT, "-o", str(TEMPLATE), "bot")
    catalogs = ["-D", DOMAIN, "-d", str(LOCALE_DIR)]
    pybabel("update", *catalogs, "-i", str(TEMPLATE), "--no-fuzzy-matching", "--ignore-obsolete")
    pybabel("compile", *catalogs, "--statistics")


if __name__ == "__main__":
    main()
