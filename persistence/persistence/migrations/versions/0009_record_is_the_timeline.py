"""the record is the timeline: the editor's latest code on the session (snapshots are logged as diffs
by the gateway, not run as turns), interviewer audio stored once by content, and an index to read one
kind of event without loading the whole log

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("code", sa.Text(), nullable=True))
        batch.add_column(sa.Column("code_language", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("code_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_events_session_type", "events", ["session_id", "type", "seq"])
    op.create_table(
        "audio_clips",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audio_clips")
    op.drop_index("ix_events_session_type", table_name="events")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("code_changed_at")
        batch.drop_column("code_language")
        batch.drop_column("code")
