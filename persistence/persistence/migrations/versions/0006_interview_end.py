"""sessions know how long they may run, when and why they ended, and when a socket was last open

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("duration_s", sa.Integer(), nullable=False, server_default="2700"))
        batch.add_column(sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("end_reason", sa.String(16), nullable=True))
        batch.add_column(sa.Column("socket_seen_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("watch_seq", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        for column in ("watch_seq", "socket_seen_at", "end_reason", "ended_at", "duration_s"):
            batch.drop_column(column)
