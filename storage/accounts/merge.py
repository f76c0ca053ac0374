"""Moving one user's rows to another (account linking), table by table.

Rows move by updating their `user_id`, except where the target already has the same
thing (a resume with the same SHA-256, a recommendation of the same job, push settings, an
open conversation): there the target's row is kept and the source's dropped."""

from __future__ import annotations

from sqlalchemy import and_, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.tables import (
    ai_requests,
    applications,
    button_payloads,
    conversation_states,
    link_codes,
    outbox,
    plans,
    platform_identities,
    push_settings,
    recommendations,
    resumes,
    saved_searches,
    tailoring_jobs,
)

MOVED_AS_IS = (
    platform_identities,
    applications,
    plans,
    tailoring_jobs,
    saved_searches,
    outbox,
    ai_requests,
    button_payloads,
)


async def merge_user_rows(conn: AsyncConnection, source: int, target: int) -> list[str]:
    """Everything of `source` now belongs to `target`; returns dropped resume file keys."""
    dropped = await _merge_resumes(conn, source, target)
    theirs = select(recommendations.c.job_id).where(recommendations.c.user_id == target)
    await conn.execute(
        delete(recommendations).where(
            recommendations.c.user_id == source, recommendations.c.job_id.in_(theirs)
        )
    )
    await conn.execute(
        update(recommendations).where(recommendations.c.user_id == source).values(user_id=target)
    )
    has_settings = (
        await conn.execute(select(push_settings.c.user_id).where(push_settings.c.user_id == target))
    ).first()
    if has_settings:
        await conn.execute(delete(push_settings).where(push_settings.c.user_id == source))
    else:
        await conn.execute(
            update(push_settings).where(push_settings.c.user_id == source).values(user_id=target)
        )
    await conn.execute(delete(conversation_states).where(conversation_states.c.user_id == source))
    await conn.execute(delete(link_codes).where(link_codes.c.user_id == source))
    for table in MOVED_AS_IS:
        await conn.execute(update(table).where(table.c.user_id == source).values(user_id=target))
    return dropped


async def _merge_resumes(conn: AsyncConnection, source: int, target: int) -> list[str]:
    kept = {
        row.sha256: row.id
        for row in await conn.execute(
            select(resumes.c.sha256, resumes.c.id).where(resumes.c.user_id == target)
        )
    }
    dropped = []
    for row in await conn.execute(
        select(resumes.c.id, resumes.c.sha256, resumes.c.file_key).where(
            resumes.c.user_id == source
        )
    ):
        if row.sha256 in kept:  # the same file on both accounts: keep the target's copy
            await conn.execute(
                update(tailoring_jobs)
                .where(tailoring_jobs.c.resume_id == row.id)
                .values(resume_id=kept[row.sha256])
            )
            await conn.execute(delete(resumes).where(resumes.c.id == row.id))
            dropped.append(row.file_key)
    has_active = (
        bool(kept)
        and (
            await conn.execute(
                select(resumes.c.id).where(and_(resumes.c.user_id == target, resumes.c.active))
            )
        ).first()
        is not None
    )
    values: dict[str, object] = {"user_id": target}
    if has_active:
        values["active"] = False  # the target's active resume stays the active one
    await conn.execute(update(resumes).where(resumes.c.user_id == source).values(values))
    return dropped
