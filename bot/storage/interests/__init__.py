"""Expressions of interest: who asked to speak at, or moderate, which segment, and what staff decided."""
