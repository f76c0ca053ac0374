"""Resumes in SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.file_types import FileType
from domain.resumes import NewResume, Resume, ResumeDocument
from storage.rows import from_row
from storage.tables import resumes


class SqlResumeRepository:
    """Every query is scoped by user id: one user can never reach another's resume."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def add(self, resume: NewResume) -> Resume:
        values = {
            "user_id": resume.user_id,
            "file_key": resume.file_key,
            "file_name": resume.file_name,
            "file_type": resume.file_type.value,
            "size": resume.size,
            "sha256": resume.sha256,
            "pages": resume.pages,
            "text": resume.text,
            "document": resume.document.model_dump(mode="json", exclude_none=True),
            "active": False,
            "created_at": resume.created_at,
        }
        result = await self._conn.execute(insert(resumes).values(**values).returning(resumes.c.id))
        return _to_resume({**values, "id": result.scalar_one()})

    async def list_for_user(self, user_id: int) -> list[Resume]:
        rows = await self._conn.execute(
            select(resumes)
            .where(resumes.c.user_id == user_id)
            .order_by(resumes.c.created_at, resumes.c.id)
        )
        return [_to_resume(row._mapping) for row in rows]

    async def find_by_sha256(self, user_id: int, sha256: str) -> Resume | None:
        row = (
            await self._conn.execute(
                select(resumes).where(resumes.c.user_id == user_id, resumes.c.sha256 == sha256)
            )
        ).first()
        return None if row is None else _to_resume(row._mapping)

    async def set_active(self, user_id: int, resume_id: int) -> None:
        await self._conn.execute(
            update(resumes)
            .where(resumes.c.user_id == user_id)
            .values(active=resumes.c.id == resume_id)
        )

    async def delete(self, user_id: int, resume_id: int) -> None:
        await self._conn.execute(
            delete(resumes).where(resumes.c.user_id == user_id, resumes.c.id == resume_id)
        )


def _to_resume(row: Any) -> Resume:
    return from_row(
        Resume,
        row,
        file_type=FileType(row["file_type"]),
        document=ResumeDocument.model_validate(row["document"]),
        active=bool(row["active"]),
    )
