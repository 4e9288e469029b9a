"""turn gate: per-session turn numbers, a lease so one replica at a time runs a session's turn, and a
checkpoint of the session state at the start of the running turn

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("turns_issued", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("turns_done", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("lease_owner", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("turn_checkpoint", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        for column in ("turn_checkpoint", "lease_until", "lease_owner", "turns_done", "turns_issued"):
            batch.drop_column(column)
