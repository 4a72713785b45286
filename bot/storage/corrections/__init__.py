"""Corrections: the audit log of changes to the record."""
