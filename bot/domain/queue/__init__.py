"""The list of speakers of one session: who asked for the floor, in which order they are heard, and the record."""
