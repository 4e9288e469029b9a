"""idempotent writes: events and transcript messages are unique by message id

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ux_events_session_message", "events", ["session_id", "message_id"], unique=True)
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("message_id", sa.String(length=64), nullable=True))
        batch.create_index("ux_messages_message_id", ["message_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_index("ux_messages_message_id")
        batch.drop_column("message_id")
    op.drop_index("ux_events_session_message", table_name="events")
