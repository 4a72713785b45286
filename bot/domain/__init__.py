"""The pure core of Podium: meetings, sessions, time and participants, with no I/O and no clock of its own."""
