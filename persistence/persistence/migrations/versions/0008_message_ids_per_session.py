"""message ids are scoped per session: transcript rows are unique by (session, message id), and the
client's message ids are recorded per session so a reused id is refused instead of dropping a row

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_index("ux_messages_message_id")
        batch.create_index("ux_messages_session_message", ["session_id", "message_id"], unique=True)
    op.create_table(
        "client_messages",
        sa.Column("session_id", sa.String(length=32), sa.ForeignKey("sessions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("message_id", sa.String(length=64), primary_key=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("turn_number", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("client_messages")
    with op.batch_alter_table("messages") as batch:
        batch.drop_index("ux_messages_session_message")
        batch.create_index("ux_messages_message_id", ["message_id"], unique=True)
