"""Written submissions: every version of every delegation's text, as received."""
