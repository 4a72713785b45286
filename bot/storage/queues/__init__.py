"""Lists of speakers: their state, entries, interventions and notes, and the per-process cache."""
