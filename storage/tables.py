"""Table definitions (SQLAlchemy Core). Alembic migrations are the source of the schema."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite stores it naive; this restores the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# BigInteger ids on PostgreSQL, INTEGER PRIMARY KEY (rowid) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")

users = Table(
    "users",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("display_name", String(100), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime(), nullable=False),
)

platform_identities = Table(
    "platform_identities",
    metadata,
    Column("platform", String(20), nullable=False),
    Column("platform_user_id", String(64), nullable=False),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("chat_id", String(64), nullable=False),
    Column("last_seen_at", UTCDateTime(), nullable=True),
    PrimaryKeyConstraint("platform", "platform_user_id"),
)

profiles = Table(
    "profiles",
    metadata,
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

conversation_states = Table(
    "conversation_states",
    metadata,
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("session_key", String(100), nullable=False),
    Column("flow", String(40), nullable=False),
    Column("step", String(40), nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    PrimaryKeyConstraint("user_id", "session_key"),
)

resumes = Table(
    "resumes",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("file_key", String(200), nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("file_type", String(20), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("pages", Integer, nullable=True),
    Column("text", Text, nullable=False),
    Column("document", JSON, nullable=False),
    Column("active", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("user_id", "sha256", name="uq_resumes_user_id_sha256"),
)

ai_requests = Table(
    "ai_requests",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=True),
    Column("feature", String(40), nullable=False),
    Column("model", String(120), nullable=False),
    Column("prompt_tokens", Integer, nullable=False),
    Column("completion_tokens", Integer, nullable=False),
    Column("latency_ms", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("error", String(500), nullable=True),
    Column("cache_hit", Boolean, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_ai_requests_user_id_created_at", "user_id", "created_at"),
)

ai_cache = Table(
    "ai_cache",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("model", String(120), nullable=False),
    Column("response", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False, index=True),
)

embeddings = Table(
    "embeddings",
    metadata,
    Column("kind", String(20), nullable=False),
    Column("ref_id", Id, nullable=False),
    Column("model", String(120), nullable=False),
    Column("dimensions", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    PrimaryKeyConstraint("kind", "ref_id"),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("source", String(60), nullable=False),
    Column("external_id", String(120), nullable=False),
    Column("dedupe_key", String(400), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("company", String(200), nullable=False),
    Column("city", String(120), nullable=True),
    Column("region", String(120), nullable=True),
    Column("country", String(120), nullable=True),
    Column("remote", String(10), nullable=False),
    Column("employment_type", String(40), nullable=True),
    Column("salary_min", Integer, nullable=True),
    Column("salary_max", Integer, nullable=True),
    Column("salary_currency", String(8), nullable=True),
    Column("salary_interval", String(10), nullable=True),
    Column("description", Text, nullable=False),
    Column("url", String(1000), nullable=True),
    Column("posted_on", Date, nullable=True),
    Column("skills", JSON, nullable=False),
    Column("onet_code", String(10), nullable=True),
    Column("content_hash", String(64), nullable=False),
    Column("imported_at", UTCDateTime(), nullable=False, index=True),
    UniqueConstraint("source", "external_id", name="uq_jobs_source_external_id"),
)

recommendations = Table(
    "recommendations",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("job_id", Id, ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("status", String(12), nullable=False),
    Column("algorithm", String(40), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("user_id", "job_id", name="uq_recommendations_user_id_job_id"),
    Index("ix_recommendations_user_id_status", "user_id", "status"),
)

applications = Table(
    "applications",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("job_id", Id, ForeignKey("jobs.id", ondelete="SET NULL"), nullable=True),
    Column("company", String(200), nullable=False),
    Column("title", String(200), nullable=False),
    Column("url", String(1000), nullable=True),
    Column("status", String(12), nullable=False),
    Column("notes", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

application_events = Table(
    "application_events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column(
        "application_id",
        Id,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("status", String(12), nullable=False),
    Column("note", Text, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("goal", Text, nullable=False),
    Column("document", JSON, nullable=False),
    Column("model", String(120), nullable=False),
    Column("prompt_tokens", Integer, nullable=False),
    Column("completion_tokens", Integer, nullable=False),
    Column("processing_ms", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

plan_tasks = Table(
    "plan_tasks",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("plan_id", Id, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("week", Integer, nullable=False),
    Column("position", Integer, nullable=False),
    Column("title", String(300), nullable=False),
    Column("hours", Float, nullable=False),
    Column("done_at", UTCDateTime(), nullable=True),
)

tailoring_jobs = Table(
    "tailoring_jobs",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("resume_id", Id, ForeignKey("resumes.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(200), nullable=True),
    Column("company", String(200), nullable=True),
    Column("job_description", Text, nullable=False),
    Column("status", String(10), nullable=False, index=True),
    Column("tailored_text", Text, nullable=True),
    Column("error", String(500), nullable=True),
    Column("score_before", Integer, nullable=True),
    Column("score_after", Integer, nullable=True),
    Column("covered", JSON, nullable=False),
    Column("missing", JSON, nullable=False),
    Column("model", String(120), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

push_settings = Table(
    "push_settings",
    metadata,
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("timezone", String(64), nullable=False),
    Column("digest_time", String(5), nullable=True),
    Column("digest_when_empty", Boolean, nullable=False),
    Column("reminders", Boolean, nullable=False),
    Column("digest_cursor", Id, nullable=False),
    Column("last_digest_on", Date, nullable=True),
)

saved_searches = Table(
    "saved_searches",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("query", String(200), nullable=False),
    Column("job_cursor", Id, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(12), nullable=False),
    Column("key", String(120), nullable=False, unique=True),
    Column("payload", JSON, nullable=False),
    Column("platform", String(20), nullable=False),
    Column("chat_id", String(64), nullable=False),
    Column("status", String(10), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("error", String(500), nullable=True),
    Column("not_before", UTCDateTime(), nullable=False),
    Column("claimed_at", UTCDateTime(), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Index("ix_outbox_status_platform", "status", "platform", "not_before"),
)

link_codes = Table(
    "link_codes",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("expires_at", UTCDateTime(), nullable=False),
)

# Button payloads too long for a platform's button data (Telegram: 64 bytes); the button
# carries "/b <id>" and the press is resolved here.
button_payloads = Table(
    "button_payloads",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("user_id", Id, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("payload", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)
