"""/export and /delete end to end: a user's data out, then gone — and nobody else's."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Table, func, select

from bot.app import App
from storage.tables import (
    applications,
    outbox,
    plans,
    profiles,
    push_settings,
    resumes,
    saved_searches,
    tailoring_jobs,
    users,
)
from tests.conftest import SHARED_DATA
from tests.e2e.console_kit import app_without_catalog, console, listen, say, settle

RESUME = SHARED_DATA / "resumes" / "harvey_dent_mle.pdf"


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    async with app_without_catalog(tmp_path / "var") as running:
        yield running


async def count(app: App, table: Table) -> int:
    async with app.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def fill(app: App, user: str) -> None:
    adapter = console(app, user)
    listen(app, adapter)
    await say(adapter, f"/upload {RESUME}")
    await say(adapter, "/profile set hours 6")
    await say(adapter, "/plan become a data scientist")
    await say(adapter, "/apply Acme | Data Scientist | https://acme.example/1")
    await say(adapter, "/tailor Data Scientist @ Acme\n" + "Python, SQL and statistics. " * 10)
    await say(adapter, "/digest 08:00")
    await say(adapter, "/alert python")
    await settle(app, 60)


async def test_export_holds_everything_and_the_files(app: App) -> None:
    await fill(app, "ann")
    (reply,) = await say(console(app, "ann"), "/export")
    data_file, resume_file = reply["files"]
    data = json.loads(Path(data_file["path"]).read_text())
    assert data["profile"]["name"] == "Harvey Dent"
    assert data["resumes"][0]["file_name"] == RESUME.name
    assert data["applications"][0]["history"][0]["status"] == "applied"
    assert data["plans"][0]["plan"]["target_role"] == "Data Scientist"
    assert data["tailored_resumes"][0]["status"] == "completed"
    scheduled = data["scheduled_messages"]
    assert scheduled["settings"]["digest_time"] == "08:00:00"
    assert scheduled["alerts"][0]["words"] == "python"
    (pushed,) = scheduled["messages"]  # the tailoring result, delivered through the outbox
    assert (pushed["kind"], pushed["status"]) == ("tailoring", "sent")
    assert Path(resume_file["path"]).read_bytes() == RESUME.read_bytes()


async def test_delete_asks_then_erases_only_that_user(app: App) -> None:
    await fill(app, "ann")
    await fill(app, "bob")
    stored = [p for p in (app.config.data_dir / "files").rglob("*") if p.is_file()]
    assert len(stored) == 2
    ann = console(app, "ann")
    (confirm,) = await say(ann, "/delete")
    assert "cannot be undone" in str(confirm["text"])
    assert await count(app, users) == 2
    (done,) = await say(ann, "/press Yes, delete everything")
    assert "deleted" in str(done["text"])
    erased = (users, profiles, resumes, applications, plans, tailoring_jobs)
    for table in (*erased, push_settings, saved_searches, outbox):
        assert await count(app, table) == 1, table
    assert len([p for p in (app.config.data_dir / "files").rglob("*") if p.is_file()]) == 1
    (fresh,) = await say(ann, "/profile")
    assert "It's empty so far" in str(fresh["text"])
    (bob,) = await say(console(app, "bob"), "/profile")
    assert "Name: Harvey Dent" in str(bob["text"])
