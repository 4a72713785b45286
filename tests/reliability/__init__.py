"""Reliability tests: Podium served for real, killed mid-stream, and its record checked afterwards."""
