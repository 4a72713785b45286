"""Consents: who agreed that their statement submitted in writing be published."""
