"""Podium in Slack: slash commands and buttons from the command registry, over HTTP or Socket Mode."""
