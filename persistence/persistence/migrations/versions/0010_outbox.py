"""the outbox: logged events committed with their state and not yet published (see `persistence.unit_of_work`)

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("session_id", sa.String(length=32), sa.ForeignKey("sessions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("message_id", sa.String(length=64), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_outbox_created", "outbox", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_created", table_name="outbox")
    op.drop_table("outbox")
