"""The rows of reminders: one claim per reminder key, and who subscribed to which session's reminders."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core

EVERY_SESSION = "*"  # a subscription's session_id for "all sessions of the meeting"


class ReminderClaimRow(Base):
    """A reminder some process took on; the primary key is what makes it post once across processes."""

    __tablename__ = "reminder_claims"
    # The pending claims of a meeting (posted_at NULL), by when they may be retried: what retry_due reads.
    __table_args__ = (Index("ix_reminder_claims_pending", "meeting_id", "posted_at", "next_attempt_at"),)

    # Keys already carry the meeting id, so the key alone is unique.
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    # No cascade: the claims are the record of what was announced, and guard against announcing it twice.
    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id"))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer)
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    missed: Mapped[bool] = mapped_column(Boolean)
    # When the lease or the retry delay runs out; NULL once posted, and for missed reminders.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class SubscriptionRow(Base):
    """A participant asking to be told personally about a session, or (session_id '*') about every one."""

    __tablename__ = "subscriptions"

    # Cascade, as for declarations: a preference means nothing without its meeting. No foreign key to
    # sessions: '*' is not a session, and a subscription may outlive a reload that drops the session.
    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[str] = mapped_column(Text, primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)


CLAIMS = core(ReminderClaimRow)
SUBSCRIPTIONS = core(SubscriptionRow)
