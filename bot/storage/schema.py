"""Every table of the database, registered on one MetaData: what Alembic and the schema tests compare against."""

from __future__ import annotations

from sqlalchemy import MetaData

from bot.storage.base import Base
from bot.storage.consents.tables import ConsentRow
from bot.storage.corrections.tables import CorrectionRow
from bot.storage.displays.tables import DisplayRow
from bot.storage.interests.tables import InterestRow
from bot.storage.meetings.tables import MeetingRow, SessionRow
from bot.storage.people.tables import DeclarationRow, ReaderSettingRow
from bot.storage.queues.tables import InterventionRow, QueueEntryRow, QueueNoteRow, QueueStateRow
from bot.storage.reminders.tables import ReminderClaimRow, SubscriptionRow
from bot.storage.submissions.tables import SubmissionRow
from bot.storage.transcript.tables import TranscriptRow

# Importing a row class is what registers its table on Base.metadata; naming them all here makes this module
# the one list of tables, and lets a test check that no table is defined anywhere else.
ROWS: tuple[type[Base], ...] = (
    MeetingRow,
    SessionRow,
    TranscriptRow,
    QueueStateRow,
    QueueEntryRow,
    InterventionRow,
    QueueNoteRow,
    DeclarationRow,
    ReminderClaimRow,
    SubscriptionRow,
    CorrectionRow,
    DisplayRow,
    SubmissionRow,
    InterestRow,
    ConsentRow,
    ReaderSettingRow,
)

metadata: MetaData = Base.metadata
