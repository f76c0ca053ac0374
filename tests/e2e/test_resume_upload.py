"""Resume uploads end to end: console adapter → conversation → isolated parser → SQLite."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import App
from storage.tables import resumes
from tests.conftest import SHARED_DATA
from tests.e2e.console_kit import app_without_catalog, console, say
from tests.hostile_files import (
    docx_billion_laughs,
    docx_zip_bomb,
    pdf_with_flate_bomb,
)

RESUMES = sorted((SHARED_DATA / "resumes").iterdir())
JOB_ADS = sorted((SHARED_DATA / "job_descriptions").iterdir())
EDGE = SHARED_DATA / "edge_pdfs"
EDGE_REPLIES = {
    "pypdf_r4-aes-user-password.pdf": "password-protected",
    "pypdf_r6-user-password.pdf": "password-protected",
    "pypdf_imagemagick-CCITTFaxDecode.pdf": "is a scan",
    "pypdf_imagemagick-images.pdf": "is a scan",
    "pypdf_r2-empty-password.pdf": "doesn't look like a resume",  # opens: no password needed
    "pypdf_issue-297.pdf": "doesn't look like a resume",  # broken xref, recovered
    "pypdf_two-different-pages.pdf": "doesn't look like a resume",
    "pypdf_missing_info.pdf": "doesn't look like a resume",
    "pypdf_multilang.pdf": "doesn't look like a resume",
    # Real texts that speak to the reader and hold no dated history: asked, not stored.
    "pypdf_crazyones.pdf": "This looks like a job ad. Is it your resume?",
    "pypdf_Seige_of_Vicksburg_Sample_OCR.pdf": "This looks like a job ad. Is it your resume?",
}


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    async with app_without_catalog(tmp_path / "var") as app:
        yield app


async def stored_resumes(app: App) -> int:
    async with app.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(resumes))).scalar_one())


def stored_files(app: App) -> list[Path]:
    return [p for p in (app.config.data_dir / "files").rglob("*") if p.is_file()]


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
async def test_every_shared_resume_builds_a_profile(app: App, path: Path) -> None:
    adapter = console(app, "ann")
    (reply,) = await say(adapter, f"/upload {path}")
    text = str(reply["text"])
    assert text.startswith(f"Got it — resume 1 ({path.name}")
    assert "Positions:" in text
    assert "Skills (" in text
    assert [b["label"] for b in reply["buttons"]] == ["Show my profile", "My resumes"]
    assert await stored_resumes(app) == 1
    (file,) = stored_files(app)
    assert file.read_bytes() == path.read_bytes()
    assert path.name not in str(file)  # stored under a generated name
    (profile,) = await say(adapter, "/press Show my profile")
    assert "Skills: —" not in str(profile["text"])
    assert "Current title: —" not in str(profile["text"])


@pytest.mark.parametrize("path", JOB_ADS, ids=lambda p: p.name)
async def test_job_descriptions_raise_a_question_not_a_refusal(app: App, path: Path) -> None:
    (reply,) = await say(console(app, "ann"), f"/upload {path}")
    assert str(reply["text"]).startswith("This looks like a job ad. Is it your resume?")
    assert [b["label"] for b in reply["buttons"]] == [
        "It's my resume",
        "Tailor my resume to it",
    ]
    assert await stored_resumes(app) == 0
    assert stored_files(app) == []


async def test_its_my_resume_stores_the_held_file(app: App) -> None:
    adapter = console(app, "ann")
    ad = SHARED_DATA / "job_descriptions" / "job_desc_java_developer.pdf"
    await say(adapter, f"/upload {ad}")
    (stored,) = await say(adapter, "/press It's my resume")
    assert str(stored["text"]).startswith("Got it — resume 1 (job_desc_java_developer.pdf")
    assert await stored_resumes(app) == 1
    (file,) = stored_files(app)
    assert file.read_bytes() == ad.read_bytes()
    (again,) = await say(adapter, "/resume keep")
    assert "There's no file waiting" in str(again["text"])


async def test_tailor_my_resume_to_it_starts_tailoring_with_the_held_file(app: App) -> None:
    adapter = console(app, "ann")
    await say(adapter, f"/upload {SHARED_DATA / 'resumes' / 'john_doe.pdf'}")
    await say(
        adapter, f"/upload {SHARED_DATA / 'job_descriptions' / 'job_desc_java_developer.pdf'}"
    )
    replies = await say(adapter, "/press Tailor my resume to it")
    assert str(replies[0]["text"]).startswith("Working on it: tailoring your resume for Java")
    assert await stored_resumes(app) == 1  # the job ad was not stored as a resume
    (listing,) = await say(adapter, "/tailor list")
    assert "1." in str(listing["text"])


async def test_a_message_after_the_question_is_not_swallowed(app: App) -> None:
    adapter = console(app, "ann")
    await say(adapter, f"/upload {SHARED_DATA / 'job_descriptions' / 'web_developer.docx'}")
    (help_reply,) = await say(adapter, "/help")
    assert "/profile" in str(help_reply["text"])


@pytest.mark.parametrize("name", sorted(EDGE_REPLIES))
async def test_every_edge_pdf_gets_a_specific_answer(app: App, name: str) -> None:
    (reply,) = await say(console(app, "ann"), f"/upload {EDGE / name}")
    assert EDGE_REPLIES[name] in str(reply["text"])
    expected = 1 if EDGE_REPLIES[name].startswith("Got it") else 0
    assert await stored_resumes(app) == expected
    assert len(stored_files(app)) == expected


def test_the_table_covers_every_edge_pdf() -> None:
    assert sorted(p.name for p in EDGE.iterdir()) == sorted(EDGE_REPLIES)


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("bomb.pdf", pdf_with_flate_bomb, "damaged or incomplete"),
        ("bomb.docx", docx_zip_bomb, "damaged or incomplete"),
        ("laughs.docx", docx_billion_laughs, "damaged or incomplete"),
        ("random.pdf", lambda: os.urandom(20_000), "not a document I recognise"),
        ("empty.pdf", lambda: b"", "That document is empty"),
        ("cv.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old-style Word"),
        ("photo.pdf", lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 512, "That file is an image"),
    ],
)
async def test_hostile_files_are_answered_and_the_bot_carries_on(
    app: App,
    tmp_path: Path,
    name: str,
    make: Callable[[], bytes],
    expected: str,
) -> None:
    hostile = tmp_path / name
    hostile.write_bytes(make())
    adapter = console(app, "eve")
    (reply,) = await say(adapter, f"/upload {hostile}")
    assert expected in str(reply["text"])
    assert await stored_resumes(app) == 0
    (after,) = await say(adapter, f"/upload {RESUMES[0]}")
    assert str(after["text"]).startswith("Got it")


async def test_file_over_the_limit_is_refused(app: App, tmp_path: Path) -> None:
    # (That the download is skipped is checked in tests/handlers with a fetch that fails.)
    big = tmp_path / "huge.pdf"
    big.write_bytes(b"%PDF-1.4" + b"\0" * (6 * 1024 * 1024))
    (reply,) = await say(console(app, "ann"), f"/upload {big}")
    assert str(reply["text"]) == (
        "That file is 6.0 MB; the limit is 5.0 MB. A resume is usually far smaller — try "
        "exporting the PDF again without large images."
    )


async def test_resume_commands_end_to_end(app: App) -> None:
    ann, bob = console(app, "ann"), console(app, "bob")
    await say(ann, f"/upload {SHARED_DATA / 'resumes' / 'harvey_dent_mle.pdf'}")
    await say(ann, f"/upload {SHARED_DATA / 'resumes' / 'barry_allen_fe.pdf'}")
    (again,) = await say(ann, f"/upload {SHARED_DATA / 'resumes' / 'harvey_dent_mle.pdf'}")
    assert "You've sent this file before — it's resume 1" in str(again["text"])
    (listing,) = await say(ann, "/resumes")
    assert "1. harvey_dent_mle.pdf (pdf, 1 p., 2026-03-02) ← active" in str(listing["text"])
    (used,) = await say(ann, "/press Use 2")
    assert "Resume 2 (barry_allen_fe.pdf) is your active resume now" in str(used["text"])
    (profile,) = await say(ann, "/profile")
    assert "Name: Barry Allen" in str(profile["text"])
    (nothing,) = await say(bob, "/resume show 1")
    assert "I couldn't find resume 1" in str(nothing["text"])
    (confirm,) = await say(ann, "/resume delete 2")
    assert "Delete resume 2 (barry_allen_fe.pdf)?" in str(confirm["text"])
    (deleted,) = await say(ann, "/press Yes, delete it")
    assert "Your active resume is now harvey_dent_mle.pdf" in str(deleted["text"])
    assert await stored_resumes(app) == 1
    assert len(stored_files(app)) == 1


async def test_upload_during_onboarding_skips_answered_questions(app: App) -> None:
    adapter = console(app, "ann")
    await say(adapter, "/start")
    replies = await say(adapter, f"/upload {SHARED_DATA / 'resumes' / 'john_doe.pdf'}")
    assert str(replies[0]["text"]).startswith("Got it")
    assert "2/4 Which role do you want next?" in str(replies[1]["text"])
    (next_question,) = await say(adapter, "Tech Lead")
    assert "3/4" in str(next_question["text"])
