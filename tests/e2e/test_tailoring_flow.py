"""Tailoring end to end: the console adapter, SQLite, the background job and its delivery —
offline, with a language model (fake OpenAI-compatible server), and across a crash."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import docx
import pytest
from sqlalchemy import select

from bot.app import App, open_app
from bot.config import load_config
from domain.tailoring import TailoringStatus
from storage.tables import tailoring_jobs
from tests.conftest import SHARED_DATA
from tests.e2e.console_kit import console, listen, say, settle
from tests.fake_openai import FakeOpenAI, Scripted
from tests.fakes import FakeClock

RESUME = SHARED_DATA / "resumes" / "john_doe.pdf"
JOB = SHARED_DATA / "job_descriptions" / "job_desc_java_developer.pdf"


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "CAREERBOT_DATA_DIR": str(tmp_path / "var"),
        "CAREERBOT_JOBS__DEMO_CATALOG": "false",
        **extra,
    }


async def opened(environment: dict[str, str]) -> AsyncIterator[App]:
    async with open_app(load_config(None, env=environment), clock=FakeClock()) as app:
        yield app


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    async for running in opened(env(tmp_path)):
        yield running


@pytest.fixture
async def llm_app(tmp_path: Path, server: FakeOpenAI) -> AsyncIterator[App]:
    environment = env(
        tmp_path,
        OPENAI_API_KEY="sk-test",
        OPENAI_BASE_URL=server.base_url,
        CAREERBOT_AI__MAX_RETRIES="0",
        CAREERBOT_AI__TIMEOUT_SECONDS="1",
    )
    async for running in opened(environment):
        yield running


async def statuses(app: App) -> list[str]:
    async with app.engine.connect() as conn:
        return [r.status for r in await conn.execute(select(tailoring_jobs.c.status))]


# With a model configured, reading the resume asks it first (twice: one repair); these
# answers make that fall back to the offline parser, so the next answer is the tailoring's.
EXTRACTION_FAILS = (Scripted("not json"), Scripted("not json"))


async def tailor(app: App, user: str, job_file: Path = JOB) -> list[dict[str, Any]]:
    """Upload the resume, /tailor, send the job description; the replies pushed after."""
    adapter = console(app, user)
    listen(app, adapter)
    await say(adapter, f"/upload {RESUME}")
    (asked,) = await say(adapter, "/tailor")
    assert "Paste the job description" in str(asked["text"])
    out = adapter.out
    assert isinstance(out, io.StringIO)
    start = len(out.getvalue())
    (working,) = await say(adapter, f"/upload {job_file}")
    assert str(working["text"]).startswith("Working on it")
    await settle(app, 60)
    return [json.loads(line) for line in out.getvalue()[start:].splitlines()][1:]


async def test_offline_tailoring_delivers_text_scores_and_a_docx(app: App) -> None:
    head, body = await tailor(app, "ann")
    assert "Match score:" in str(head["text"])
    before, after = (
        int(x) for x in str(head["text"]).split("Match score: ")[1].splitlines()[0].split(" → ")
    )
    assert after > before
    assert "John Doe" in str(body["text"])
    (file,) = body["files"]
    document = docx.Document(file["path"])
    assert any("Full Stack Java Developer" in p.text for p in document.paragraphs)
    assert await statuses(app) == ["completed"]
    (listing,) = await say(console(app, "ann"), "/tailor list")
    assert "completed" in str(listing["text"])


async def test_model_error_fails_the_job_and_the_user_is_told(
    llm_app: App, server: FakeOpenAI
) -> None:
    server.answer(*EXTRACTION_FAILS, Scripted(status=500, error="upstream down"))
    (failed,) = await tailor(llm_app, "ann")
    assert "failed" in str(failed["text"])
    assert [b["label"] for b in failed["buttons"]] == ["Try again"]
    assert await statuses(llm_app) == ["failed"]
    server.answer(Scripted("Too short."))
    adapter = console(llm_app, "ann")
    listen(llm_app, adapter)
    await say(adapter, "/tailor retry 1")
    await settle(llm_app, 30)
    assert await statuses(llm_app) == ["failed"]  # a 2-word "resume" is rejected, not kept


async def test_timeout_fails_the_job(llm_app: App, server: FakeOpenAI) -> None:
    server.answer(*EXTRACTION_FAILS, Scripted("late", delay=2.5))
    (failed,) = await tailor(llm_app, "ann")
    assert "did not answer in time" in str(failed["text"])
    assert await statuses(llm_app) == ["failed"]


async def test_model_inventions_are_removed(llm_app: App, server: FakeOpenAI) -> None:
    source = SHARED_DATA / "resumes" / "john_doe.pdf"
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(source).pages)
    invented = text + "\nChief Technology Officer — Globex Corporation (2010–2012)\n"
    server.answer(*EXTRACTION_FAILS, Scripted(invented))
    head, body = await tailor(llm_app, "ann")
    assert "Globex" not in str(body["text"])
    assert "(gpt-4o-mini)" in str(head["text"])
    assert await statuses(llm_app) == ["completed"]
    prompt = server.chat_requests()[-1]["body"]["messages"][-1]["content"]
    assert "<job_description>" in prompt


async def test_a_job_is_recorded_before_the_model_is_called(
    llm_app: App, server: FakeOpenAI
) -> None:
    seen: list[list[str]] = []
    server.answer(*EXTRACTION_FAILS, Scripted("x", delay=0.5))
    adapter = console(llm_app, "ann")
    listen(llm_app, adapter)
    await say(adapter, f"/upload {RESUME}")
    await say(adapter, f"/tailor Java Developer @ Tech Solutions\n{'Java Spring Boot ' * 20}")
    # The reply came back while the model is still "thinking": the job is already stored.
    seen.append(await statuses(llm_app))
    await settle(llm_app, 30)
    assert seen in ([["running"]], [["pending"]])
    assert len(server.chat_requests()) == 3


async def test_other_users_resumes_and_bad_input_create_nothing(app: App) -> None:
    ann, bob = console(app, "ann"), console(app, "bob")
    await say(ann, f"/upload {RESUME}")
    (none,) = await say(bob, "/tailor Java developer wanted, Spring Boot, SQL")
    assert "you have no resume yet" in str(none["text"])
    (empty,) = await say(ann, "/tailor    ")
    assert "Paste the job description" in str(empty["text"])
    (too_long,) = await say(ann, "/tailor " + "word " * 4_100)
    assert "send it as a file" in str(too_long["text"])
    jobs = app.services.tailoring
    with pytest.raises(Exception, match="over 20,000 characters"):
        await jobs.create(await _user_id(app, "ann"), "word " * 4_100)
    with pytest.raises(Exception, match="resume 1"):
        await jobs.create(await _user_id(app, "bob"), "Java developer", resume_number=1)
    assert await statuses(app) == []


async def test_another_resume_can_be_chosen(app: App) -> None:
    ann = console(app, "ann")
    listen(app, ann)
    await say(ann, f"/upload {RESUME}")
    await say(ann, f"/upload {SHARED_DATA / 'resumes' / 'barry_allen_fe.pdf'}")
    (nope,) = await say(ann, "/tailor resume 5")
    assert "I couldn't find resume 5" in str(nope["text"])
    (asked,) = await say(ann, "/tailor resume 1")
    assert str(asked["text"]).startswith("Using your resume 1.")
    await say(ann, "Java Developer @ Tech Solutions\n" + "Java, Spring Boot and SQL. " * 20)
    await settle(app, 60)
    (job,) = await app.services.tailoring.jobs(await _user_id(app, "ann"))
    resumes = await app.services.resumes.list(await _user_id(app, "ann"))
    assert job.resume_id == resumes[0].id
    assert not resumes[0].active  # the active one is the second upload
    assert (job.title, job.company) == ("Java Developer", "Tech Solutions")


async def _user_id(app: App, name: str) -> int:
    from domain.accounts import IdentityKey

    async with app.uow() as uow:
        identity = await uow.users.find_identity(IdentityKey("console", name))
    assert identity is not None
    return identity.user_id


async def test_a_crash_mid_job_is_recovered_on_restart(tmp_path: Path) -> None:
    environment = env(tmp_path)
    async for app in opened(environment):
        adapter = console(app, "ann")
        await say(adapter, f"/upload {RESUME}")
        user = await _user_id(app, "ann")
        job = await app.services.tailoring.create(user, "Java Spring Boot SQL developer " * 10)
        async with app.uow() as uow:  # the process dies while the job is running
            job.status = TailoringStatus.RUNNING
            await uow.tailoring.save(job)
            await uow.commit()
    async for app in opened(environment):
        adapter = console(app, "ann")
        listen(app, adapter)
        assert await app.resume_unfinished_work() == 1
        await settle(app, 60)
        assert await statuses(app) == ["completed"]
        out = adapter.out
        assert isinstance(out, io.StringIO)
        assert "Match score:" in out.getvalue()
