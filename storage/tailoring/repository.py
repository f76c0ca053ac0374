"""Tailoring jobs in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.tailoring import TailoringJob, TailoringStatus
from storage.rows import from_row
from storage.tables import tailoring_jobs

_FIELDS = (
    "title",
    "company",
    "tailored_text",
    "error",
    "score_before",
    "score_after",
    "covered",
    "missing",
    "model",
)


def _to_job(row: Any) -> TailoringJob:
    return from_row(
        TailoringJob,
        row,
        status=TailoringStatus(row["status"]),
        covered=list(row["covered"]),
        missing=list(row["missing"]),
    )


class SqlTailoringRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def add(
        self,
        user_id: int,
        resume_id: int,
        title: str | None,
        company: str | None,
        job_description: str,
        now: datetime,
    ) -> TailoringJob:
        values: dict[str, Any] = {
            "user_id": user_id,
            "resume_id": resume_id,
            "title": title,
            "company": company,
            "job_description": job_description,
            "status": TailoringStatus.PENDING.value,
            "covered": [],
            "missing": [],
            "created_at": now,
            "updated_at": now,
        }
        result = await self._conn.execute(
            insert(tailoring_jobs).values(**values).returning(tailoring_jobs.c.id)
        )
        return _to_job(
            {
                **values,
                "id": result.scalar_one(),
                "tailored_text": None,
                "error": None,
                "score_before": None,
                "score_after": None,
                "model": None,
            }
        )

    async def get(self, job_id: int) -> TailoringJob | None:
        row = (
            await self._conn.execute(select(tailoring_jobs).where(tailoring_jobs.c.id == job_id))
        ).first()
        return None if row is None else _to_job(row._mapping)

    async def list_for_user(self, user_id: int) -> list[TailoringJob]:
        rows = await self._conn.execute(
            select(tailoring_jobs)
            .where(tailoring_jobs.c.user_id == user_id)
            .order_by(tailoring_jobs.c.created_at, tailoring_jobs.c.id)
        )
        return [_to_job(r._mapping) for r in rows]

    async def unfinished(self) -> list[TailoringJob]:
        rows = await self._conn.execute(
            select(tailoring_jobs)
            .where(tailoring_jobs.c.status.in_(["pending", "running"]))
            .order_by(tailoring_jobs.c.id)
        )
        return [_to_job(r._mapping) for r in rows]

    async def save(self, job: TailoringJob) -> None:
        await self._conn.execute(
            update(tailoring_jobs)
            .where(tailoring_jobs.c.id == job.id)
            .values(
                status=job.status.value,
                updated_at=job.updated_at,
                **{name: getattr(job, name) for name in _FIELDS},
            )
        )
