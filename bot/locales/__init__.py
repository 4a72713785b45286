"""Podium's words in French and Russian: gettext catalogs managed with Babel, and Babel's dates and numbers."""
