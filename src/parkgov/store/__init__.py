"""Storage adapter: SQLAlchemy tables, repositories and Alembic migrations."""
