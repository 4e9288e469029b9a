"""turn receipts: the turns known to exist (published by the gateway or seen by an interviewer), so the
gap timeout skips only numbers that were never published

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "turn_receipts",
        sa.Column("session_id", sa.String(length=32), sa.ForeignKey("sessions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("turn_number", sa.Integer(), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("turn_receipts")
