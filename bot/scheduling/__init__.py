"""Time at the edge: the system clock, a simulated one for rehearsals and demos, and what wakes on them."""
