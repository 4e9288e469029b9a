"""Durable state of interviews: sessions, transcript, server-event log, code submissions, feedback
reports. SQLAlchemy 2 async; SQLite by default, PostgreSQL via `DATABASE_URL`; Alembic migrations."""
