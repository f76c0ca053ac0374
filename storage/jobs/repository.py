"""The job catalog and recommendations in SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.jobs import ImportCounts, Job, Match, RemoteMode
from storage.batches import in_batches
from storage.tables import applications, jobs, recommendations

_JOB_FIELDS = (
    "source",
    "external_id",
    "title",
    "company",
    "city",
    "region",
    "country",
    "employment_type",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_interval",
    "description",
    "url",
    "posted_on",
    "skills",
    "onet_code",
)


def _job_values(job: Job, now: datetime) -> dict[str, Any]:
    values = {name: getattr(job, name) for name in _JOB_FIELDS}
    values.update(
        remote=job.remote.value,
        dedupe_key=job.dedupe_key()[:400],
        content_hash=job.content_hash(),
        imported_at=now,
    )
    return values


def _to_job(row: Any) -> Job:
    fields = {name: row[name] for name in _JOB_FIELDS}
    fields["skills"] = list(row["skills"] or [])
    return Job(
        **fields, remote=RemoteMode(row["remote"]), id=row["id"], imported_at=row["imported_at"]
    )


class SqlJobRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def upsert(self, batch: list[Job], now: datetime) -> ImportCounts:
        inserted: list[int] = []
        updated: list[int] = []
        unchanged = 0
        seen: set[str] = set()
        for job in batch:
            key = job.dedupe_key()[:400]
            if key in seen:
                unchanged += 1  # the same posting twice in one batch
                continue
            seen.add(key)
            row = (
                await self._conn.execute(
                    select(jobs.c.id, jobs.c.content_hash)
                    .where(
                        or_(
                            and_(
                                jobs.c.source == job.source, jobs.c.external_id == job.external_id
                            ),
                            jobs.c.dedupe_key == key,
                        )
                    )
                    .limit(1)
                )
            ).first()
            values = _job_values(job, now)
            if row is None:
                result = await self._conn.execute(
                    insert(jobs).values(**values).returning(jobs.c.id)
                )
                inserted.append(result.scalar_one())
            elif row.content_hash != values["content_hash"]:
                values.pop("source")
                values.pop("external_id")
                await self._conn.execute(update(jobs).where(jobs.c.id == row.id).values(**values))
                updated.append(row.id)
            else:
                unchanged += 1
        return ImportCounts(inserted=inserted, updated=updated, unchanged=unchanged)

    async def get_many(self, ids: list[int]) -> dict[int, Job]:
        found: dict[int, Job] = {}
        for batch in in_batches(ids):
            rows = await self._conn.execute(select(jobs).where(jobs.c.id.in_(batch)))
            found.update((r.id, _to_job(r._mapping)) for r in rows)
        return found

    async def count(self) -> int:
        return int((await self._conn.execute(select(func.count()).select_from(jobs))).scalar_one())

    async def newest_id(self) -> int:
        return int((await self._conn.execute(select(func.max(jobs.c.id)))).scalar_one() or 0)

    async def after(self, last_id: int, limit: int) -> list[Job]:
        rows = await self._conn.execute(
            select(jobs).where(jobs.c.id > last_id).order_by(jobs.c.id).limit(limit)
        )
        return [_to_job(r._mapping) for r in rows]

    async def search(self, words: list[str], limit: int) -> list[Job]:
        query = select(jobs)
        for word in words:
            pattern = f"%{word.replace('%', '').replace('_', '')}%"
            query = query.where(
                or_(
                    jobs.c.title.ilike(pattern),
                    jobs.c.description.ilike(pattern),
                    jobs.c.company.ilike(pattern),
                )
            )
        rows = await self._conn.execute(
            query.order_by(jobs.c.imported_at.desc(), jobs.c.id).limit(limit)
        )
        return [_to_job(r._mapping) for r in rows]


def _shown(status: str) -> str:
    """A recommendation shown again: new becomes viewed; saved, dismissed… stay."""
    return "viewed" if status == "new" else status


class SqlRecommendationRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def excluded_job_ids(self, user_id: int) -> set[int]:
        recs = await self._conn.execute(
            select(recommendations.c.job_id).where(
                recommendations.c.user_id == user_id,
                recommendations.c.status.in_(["dismissed", "applied"]),
            )
        )
        applied = await self._conn.execute(
            select(applications.c.job_id).where(
                applications.c.user_id == user_id,
                applications.c.job_id.is_not(None),
                applications.c.status != "saved",
            )
        )
        return {r[0] for r in recs} | {r[0] for r in applied}

    async def seen_by(self, user_ids: list[int]) -> dict[int, set[int]]:
        seen: dict[int, set[int]] = {user_id: set() for user_id in user_ids}
        for batch in in_batches(user_ids):
            rows = await self._conn.execute(
                select(recommendations.c.user_id, recommendations.c.job_id).where(
                    recommendations.c.user_id.in_(batch)
                )
            )
            for user_id, job_id in rows:
                seen[user_id].add(job_id)
        return seen

    async def record(
        self, user_id: int, matches: list[Match], algorithm: str, now: datetime
    ) -> None:
        await self.record_many({user_id: matches}, algorithm, now)

    async def record_many(
        self, shown: dict[int, list[Match]], algorithm: str, now: datetime
    ) -> None:
        """What each user was shown, in three statements whatever the number of users."""
        existing: dict[tuple[int, int], str] = {}
        for batch in in_batches(sorted(u for u, matches in shown.items() if matches)):
            wanted = {(u, m.job.id) for u in batch for m in shown[u]}
            rows = await self._conn.execute(
                select(
                    recommendations.c.user_id,
                    recommendations.c.job_id,
                    recommendations.c.status,
                ).where(
                    recommendations.c.user_id.in_(batch),
                    recommendations.c.job_id.in_(sorted({job or 0 for _, job in wanted})),
                )
            )
            existing.update(((r.user_id, r.job_id), r.status) for r in rows)
        fresh, seen = [], []
        for user_id, matches in shown.items():
            for match in matches:
                values = {
                    "score": match.score,
                    "reasons": list(match.reasons),
                    "algorithm": algorithm,
                    "updated_at": now,
                }
                status = existing.get((user_id, match.job.id or 0))
                if status is not None:
                    seen.append({**values, "uid": user_id, "job": match.job.id,
                                 "new_status": _shown(status)})  # fmt: skip
                else:
                    fresh.append({**values, "user_id": user_id, "job_id": match.job.id,
                                  "status": "viewed", "created_at": now})  # fmt: skip
        if fresh:
            await self._conn.execute(insert(recommendations), fresh)
        if seen:
            await self._conn.execute(
                update(recommendations)
                .where(
                    recommendations.c.user_id == bindparam("uid"),
                    recommendations.c.job_id == bindparam("job"),
                )
                .values(
                    score=bindparam("score"),
                    reasons=bindparam("reasons"),
                    algorithm=bindparam("algorithm"),
                    updated_at=bindparam("updated_at"),
                    status=bindparam("new_status"),
                ),
                seen,
            )

    async def set_status(self, user_id: int, job_id: int, status: str, now: datetime) -> None:
        result = await self._conn.execute(
            update(recommendations)
            .where(recommendations.c.user_id == user_id, recommendations.c.job_id == job_id)
            .values(status=status, updated_at=now)
        )
        if result.rowcount == 0:
            await self._conn.execute(
                insert(recommendations).values(
                    user_id=user_id,
                    job_id=job_id,
                    score=0,
                    reasons=[],
                    status=status,
                    algorithm="manual",
                    created_at=now,
                    updated_at=now,
                )
            )
