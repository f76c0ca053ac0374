"""Tailoring jobs in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.tailoring import TailoringJob, TailoringStatus
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
    return TailoringJob(
        id=row["id"],
        user_id=row["user_id"],
        resume_id=row["resume_id"],
        title=row["title"],
        company=row["company"],
        job_description=row["job_description"],
        status=TailoringStatus(row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        tailored_text=row["tailored_text"],
        error=row["error"],
        score_before=row["score_before"],
        score_after=row["score_after"],
        covered=list(row["covered"]),
        missing=list(row["missing"]),
        model=row["model"],
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
