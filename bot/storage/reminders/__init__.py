"""Reminders: the claims that make each post once, and personal subscriptions."""
