"""Podium in a Discord server: slash commands from the registry, the live list with buttons, delivery (discord.py)."""
