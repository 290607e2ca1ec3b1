"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('parks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parks')),
    sa.UniqueConstraint('name', name=op.f('uq_parks_name'))
    )
    op.create_table('dispatch_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_dispatch_rounds_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch_rounds')),
    sa.UniqueConstraint('park_id', 'period', name=op.f('uq_dispatch_rounds_park_id_period'))
    )
    with op.batch_alter_table('dispatch_rounds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_rounds_park_id'), ['park_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=True),
    sa.Column('genre', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('doc_number', sa.String(length=200), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('extraction', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.String(length=100), nullable=True),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_documents_park_id_parks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['documents.id'], name=op.f('fk_documents_supersedes_id_documents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('park_id', 'sha256', name=op.f('uq_documents_park_id_sha256'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_year'), ['year'], unique=False)

    op.create_table('park_settings',
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('green_gap_pct', sa.Numeric(precision=9, scale=4), nullable=False),
    sa.Column('yellow_gap_pct', sa.Numeric(precision=9, scale=4), nullable=False),
    sa.Column('ranking_weights', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('dispatch_deadline_day', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_park_settings_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('park_id', name=op.f('pk_park_settings'))
    )
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_people_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('park_id', 'name', name=op.f('uq_people_park_id_name'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_park_id'), ['park_id'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_units_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('park_id', 'name', name=op.f('uq_units_park_id_name'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_park_id'), ['park_id'], unique=False)

    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=True),
    sa.Column('target_value', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('comparator', sa.String(length=4), nullable=True),
    sa.Column('growth_target_pct', sa.Numeric(precision=9, scale=4), nullable=True),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('lead_unit_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('source_offset', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_indicators_document_id_documents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['lead_unit_id'], ['units.id'], name=op.f('fk_indicators_lead_unit_id_units'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['leader_id'], ['people.id'], name=op.f('fk_indicators_leader_id_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_indicators_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators'))
    )
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicators_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicators_lead_unit_id'), ['lead_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicators_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicators_year'), ['year'], unique=False)

    op.create_table('person_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_person_aliases_park_id_parks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_aliases_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_aliases')),
    sa.UniqueConstraint('park_id', 'alias', name=op.f('uq_person_aliases_park_id_alias'))
    )
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_aliases_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_aliases_person_id'), ['person_id'], unique=False)

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('total_investment', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('total_investment_unit', sa.String(length=10), nullable=True),
    sa.Column('annual_plan', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('annual_plan_unit', sa.String(length=10), nullable=True),
    sa.Column('lead_unit_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('signed_planned', sa.Date(), nullable=True),
    sa.Column('signed_actual', sa.Date(), nullable=True),
    sa.Column('started_planned', sa.Date(), nullable=True),
    sa.Column('started_actual', sa.Date(), nullable=True),
    sa.Column('completed_planned', sa.Date(), nullable=True),
    sa.Column('completed_actual', sa.Date(), nullable=True),
    sa.Column('production_planned', sa.Date(), nullable=True),
    sa.Column('production_actual', sa.Date(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('source_offset', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_projects_document_id_documents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['lead_unit_id'], ['units.id'], name=op.f('fk_projects_lead_unit_id_units'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['leader_id'], ['people.id'], name=op.f('fk_projects_leader_id_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_projects_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects'))
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_projects_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_lead_unit_id'), ['lead_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_year'), ['year'], unique=False)

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.String(length=20), nullable=True),
    sa.Column('category', sa.Text(), nullable=True),
    sa.Column('item', sa.Text(), nullable=True),
    sa.Column('requirement', sa.Text(), nullable=True),
    sa.Column('deadline_text', sa.String(length=200), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('source_offset', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_tasks_document_id_documents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_tasks_park_id_parks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks'))
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tasks_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_year'), ['year'], unique=False)

    op.create_table('unit_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_unit_aliases_park_id_parks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_aliases_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_aliases')),
    sa.UniqueConstraint('park_id', 'alias', name=op.f('uq_unit_aliases_park_id_alias'))
    )
    with op.batch_alter_table('unit_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_aliases_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_aliases_unit_id'), ['unit_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=True),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('roles', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('api_token_hash', sa.String(length=128), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_users_park_id_parks'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_users_unit_id_units'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('api_token_hash', name=op.f('uq_users_api_token_hash')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_users_unit_id'), ['unit_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_audit_log_park_id_parks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_park_id'), ['park_id'], unique=False)

    op.create_table('progress_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=True),
    sa.Column('value', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('value_unit', sa.String(length=20), nullable=True),
    sa.Column('values', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('reported_by_id', sa.Integer(), nullable=True),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('(CASE WHEN indicator_id IS NULL THEN 0 ELSE 1 END + CASE WHEN task_id IS NULL THEN 0 ELSE 1 END + CASE WHEN project_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_progress_reports_one_item')),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_progress_reports_indicator_id_indicators'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_progress_reports_project_id_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_progress_reports_reported_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['dispatch_rounds.id'], name=op.f('fk_progress_reports_round_id_dispatch_rounds'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['progress_reports.id'], name=op.f('fk_progress_reports_supersedes_id_progress_reports'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_progress_reports_task_id_tasks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_progress_reports_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_reports'))
    )
    with op.batch_alter_table('progress_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_reports_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_reports_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_reports_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_reports_task_id'), ['task_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_reports_unit_id'), ['unit_id'], unique=False)

    op.create_table('submissions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['dispatch_rounds.id'], name=op.f('fk_submissions_round_id_dispatch_rounds'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['users.id'], name=op.f('fk_submissions_submitted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_submissions_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submissions')),
    sa.UniqueConstraint('round_id', 'unit_id', name=op.f('uq_submissions_round_id_unit_id'))
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submissions_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_unit_id'), ['unit_id'], unique=False)

    op.create_table('supervision_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=True),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('requirement', sa.Text(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_supervision_orders_indicator_id_indicators'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_supervision_orders_issued_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_supervision_orders_park_id_parks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_supervision_orders_project_id_projects'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['dispatch_rounds.id'], name=op.f('fk_supervision_orders_round_id_dispatch_rounds'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_supervision_orders_task_id_tasks'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_supervision_orders_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_orders'))
    )
    with op.batch_alter_table('supervision_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_orders_park_id'), ['park_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_orders_unit_id'), ['unit_id'], unique=False)

    op.create_table('task_co_units',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_co_units_task_id_tasks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_task_co_units_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'unit_id', name=op.f('pk_task_co_units'))
    )
    op.create_table('task_lead_units',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_lead_units_task_id_tasks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_task_lead_units_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'unit_id', name=op.f('pk_task_lead_units'))
    )
    op.create_table('task_leaders',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_task_leaders_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_leaders_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'person_id', name=op.f('pk_task_leaders'))
    )
    op.create_table('task_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('value', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('unit', sa.String(length=20), nullable=True),
    sa.Column('comparator', sa.String(length=4), nullable=True),
    sa.Column('yoy_pct', sa.Numeric(precision=9, scale=4), nullable=True),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_targets_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_targets'))
    )
    with op.batch_alter_table('task_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_targets_task_id'), ['task_id'], unique=False)

    op.create_table('indicator_actuals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('cumulative', sa.Boolean(), nullable=False),
    sa.Column('value', sa.Numeric(precision=20, scale=4), nullable=True),
    sa.Column('unit', sa.String(length=20), nullable=True),
    sa.Column('yoy_pct', sa.Numeric(precision=9, scale=4), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('progress_report_id', sa.Integer(), nullable=True),
    sa.Column('source_offset', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_indicator_actuals_document_id_documents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_indicator_actuals_indicator_id_indicators'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['progress_report_id'], ['progress_reports.id'], name=op.f('fk_indicator_actuals_progress_report_id_progress_reports'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_actuals'))
    )
    with op.batch_alter_table('indicator_actuals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_actuals_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_actuals_indicator_id'), ['indicator_id'], unique=False)

    op.create_table('project_investments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('amount', sa.Numeric(precision=20, scale=4), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('progress_report_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['progress_report_id'], ['progress_reports.id'], name=op.f('fk_project_investments_progress_report_id_progress_reports'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_investments_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_investments'))
    )
    with op.batch_alter_table('project_investments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_investments_project_id'), ['project_id'], unique=False)

    op.create_table('supervision_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_status', sa.String(length=12), nullable=True),
    sa.Column('to_status', sa.String(length=12), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_supervision_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['order_id'], ['supervision_orders.id'], name=op.f('fk_supervision_events_order_id_supervision_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_events'))
    )
    with op.batch_alter_table('supervision_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_events_order_id'), ['order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('supervision_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_events_order_id'))

    op.drop_table('supervision_events')
    with op.batch_alter_table('project_investments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_investments_project_id'))

    op.drop_table('project_investments')
    with op.batch_alter_table('indicator_actuals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_actuals_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_actuals_document_id'))

    op.drop_table('indicator_actuals')
    with op.batch_alter_table('task_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_targets_task_id'))

    op.drop_table('task_targets')
    op.drop_table('task_leaders')
    op.drop_table('task_lead_units')
    op.drop_table('task_co_units')
    with op.batch_alter_table('supervision_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_orders_unit_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_orders_park_id'))

    op.drop_table('supervision_orders')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_unit_id'))
        batch_op.drop_index(batch_op.f('ix_submissions_round_id'))

    op.drop_table('submissions')
    with op.batch_alter_table('progress_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_reports_unit_id'))
        batch_op.drop_index(batch_op.f('ix_progress_reports_task_id'))
        batch_op.drop_index(batch_op.f('ix_progress_reports_round_id'))
        batch_op.drop_index(batch_op.f('ix_progress_reports_project_id'))
        batch_op.drop_index(batch_op.f('ix_progress_reports_indicator_id'))

    op.drop_table('progress_reports')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_park_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_unit_id'))
        batch_op.drop_index(batch_op.f('ix_users_park_id'))

    op.drop_table('users')
    with op.batch_alter_table('unit_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_aliases_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_aliases_park_id'))

    op.drop_table('unit_aliases')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_year'))
        batch_op.drop_index(batch_op.f('ix_tasks_park_id'))
        batch_op.drop_index(batch_op.f('ix_tasks_document_id'))

    op.drop_table('tasks')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_projects_year'))
        batch_op.drop_index(batch_op.f('ix_projects_park_id'))
        batch_op.drop_index(batch_op.f('ix_projects_lead_unit_id'))
        batch_op.drop_index(batch_op.f('ix_projects_document_id'))

    op.drop_table('projects')
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_aliases_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_aliases_park_id'))

    op.drop_table('person_aliases')
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicators_year'))
        batch_op.drop_index(batch_op.f('ix_indicators_park_id'))
        batch_op.drop_index(batch_op.f('ix_indicators_lead_unit_id'))
        batch_op.drop_index(batch_op.f('ix_indicators_document_id'))

    op.drop_table('indicators')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_park_id'))

    op.drop_table('units')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_park_id'))

    op.drop_table('people')
    op.drop_table('park_settings')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_year'))
        batch_op.drop_index(batch_op.f('ix_documents_sha256'))
        batch_op.drop_index(batch_op.f('ix_documents_park_id'))

    op.drop_table('documents')
    with op.batch_alter_table('dispatch_rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_rounds_park_id'))

    op.drop_table('dispatch_rounds')
    op.drop_table('parks')
