"""`python -m bot`: the same as the `podium` command."""

from bot.cli import main

raise SystemExit(main())
