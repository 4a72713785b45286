"""File formats at the edge: schedules and rosters in, calendars and records out."""
