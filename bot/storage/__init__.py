"""Persistence at the edge: SQLite or PostgreSQL through SQLAlchemy, and in-memory, behind the ports."""
