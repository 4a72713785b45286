"""Podium: a chat bot that runs a virtual intergovernmental meeting."""
