"""A user's right to their data: everything we hold about them, and erasing it."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from domain.accounts.ports import AccountsUnitOfWorkFactory
from domain.clock import Clock
from domain.ports import FileStore


class PersonalData:
    """Exports (as JSON plus the original files) and erases one user's data."""

    def __init__(self, uow: AccountsUnitOfWorkFactory, files: FileStore, clock: Clock) -> None:
        self._uow = uow
        self._files = files
        self._clock = clock

    async def export(self, user_id: int) -> tuple[bytes, list[tuple[str, bytes]]]:
        """Everything stored about the user as one JSON document, and their resume files."""
        async with self._uow.read() as uow:
            user = await uow.users.get(user_id)
            identities = await uow.users.identities_of(user_id)
            profile = await uow.profiles.get(user_id)
            resumes = await uow.resumes.list_for_user(user_id)
            applications = await uow.applications.list_for_user(user_id)
            history = {a.id: await uow.applications.events(a.id) for a in applications}
            plans = await uow.plans.list_for_user(user_id)
            tasks = {p.id: await uow.plans.tasks(p.id) for p in plans}
            tailoring = await uow.tailoring.list_for_user(user_id)
            pushes = await uow.push_settings.get(user_id)
            alerts = await uow.alerts.list_for_user(user_id)
            sent = await uow.outbox.for_user(user_id)
        document: dict[str, Any] = {
            "exported_at": self._clock.now().isoformat(),
            "user": {
                "display_name": user.display_name if user else None,
                "created_at": user.created_at.isoformat() if user else None,
            },
            "accounts": [
                {"platform": i.key.platform, "user_id": i.key.platform_user_id} for i in identities
            ],
            "profile": profile.model_dump(mode="json"),
            "resumes": [
                {
                    "file_name": r.file_name,
                    "type": r.file_type.value,
                    "size": r.size,
                    "sha256": r.sha256,
                    "active": r.active,
                    "uploaded_at": r.created_at.isoformat(),
                    "text": r.text,
                    "structured": r.document.model_dump(mode="json", exclude_none=True),
                }
                for r in resumes
            ],
            "applications": [
                {**_plain(asdict(a)), "history": [_plain(asdict(e)) for e in history[a.id]]}
                for a in applications
            ],
            "plans": [
                {
                    "goal": p.goal,
                    "created_at": p.created_at.isoformat(),
                    "plan": p.plan.model_dump(mode="json"),
                    "tasks_done": [t.title for t in tasks[p.id] if t.done_at],
                }
                for p in plans
            ],
            "tailored_resumes": [_plain(asdict(t)) for t in tailoring],
            "scheduled_messages": {
                "settings": {
                    "timezone": pushes.timezone,
                    "digest_time": pushes.digest_time.isoformat() if pushes.digest_time else None,
                    "digest_when_empty": pushes.digest_when_empty,
                    "reminders": pushes.reminders,
                },
                "alerts": [
                    {"words": a.query, "created_at": a.created_at.isoformat()} for a in alerts
                ],
                "messages": [
                    {
                        "kind": m.kind.value,
                        "status": m.status.value,
                        "created_at": m.created_at.isoformat(),
                        "text": [r.get("text") for r in m.payload.get("replies", [])],
                    }
                    for m in sent
                ],
            },
        }
        files = []
        for resume in resumes:
            try:
                files.append((resume.file_name, await self._files.get(resume.file_key)))
            except FileNotFoundError:
                continue
        return json.dumps(document, indent=2, ensure_ascii=False).encode(), files

    async def erase(self, user_id: int) -> int:
        """Delete the user and everything that hangs off them (the database cascades,
        queued scheduled messages included), and their stored files. Returns how many
        files were removed."""
        async with self._uow() as uow:
            keys = [r.file_key for r in await uow.resumes.list_for_user(user_id)]
            await uow.users.delete(user_id)
            await uow.commit()
        for key in keys:
            await self._files.delete(key)
        return len(keys)


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat() if hasattr(v, "isoformat") else v.value if hasattr(v, "value") else v)
        for k, v in data.items()
    }
