"""Persistence at the edge: SQLite or PostgreSQL through SQLAlchemy, one package per aggregate, behind the ports."""
