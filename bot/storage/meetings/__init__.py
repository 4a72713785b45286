"""Meetings: the loaded timetable and its sessions."""
