"""Displays: where each session's live list message is, per platform."""
