"""sessions belong to a candidate (one browser), so it can list its past sessions

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("candidate_id", sa.String(length=32), nullable=True))
        batch.create_index("ix_sessions_candidate_created", ["candidate_id", "created_at"])


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_index("ix_sessions_candidate_created")
        batch.drop_column("candidate_id")
