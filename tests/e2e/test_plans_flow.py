"""Career plans end to end through the console adapter, offline and with a language model."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.console import PLATFORM, ConsoleAdapter
from bot.app import App
from domain.plans import PlanInputs, offline_plan
from domain.profiles import Profile
from domain.taxonomy import bundled_taxonomy
from handlers.chat.messages import Incoming
from tests.conftest import SHARED_DATA
from tests.e2e.console_kit import app_without_catalog, console, say
from tests.fake_openai import FakeOpenAI, Scripted

GOAL = "I want to transition into AI product management"


async def start(tmp_path: Path, **env: str) -> AsyncIterator[App]:
    async with app_without_catalog(tmp_path / "var", **env) as app:
        yield app


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    async for running in start(tmp_path):
        yield running


@pytest.fixture
async def llm_app(tmp_path: Path, server: FakeOpenAI) -> AsyncIterator[App]:
    async for running in start(
        tmp_path,
        OPENAI_API_KEY="sk-test",
        OPENAI_BASE_URL=server.base_url,
        CAREERBOT_AI__MAX_RETRIES="0",
    ):
        yield running


async def test_plan_from_an_uploaded_resume(app: App) -> None:
    ann = console(app, "ann")
    await say(ann, f"/upload {SHARED_DATA / 'resumes' / 'barry_allen_fe.pdf'}")
    await say(ann, "/profile set hours 6")
    (reply,) = await say(ann, f"/plan {GOAL}")
    text = str(reply["text"])
    assert text.startswith("Your plan: AI Product Manager (made by my offline planner, 0% done)")
    assert "Front-End Developer" in text  # built on the real profile
    (file,) = reply["files"]
    document = json.loads(Path(file["path"]).read_text())
    assert len(document["weekly_plans"]) == 12
    assert document["generated_by"] == "offline"
    assert "Product Management" in document["skills_gap"]
    exported = list((app.config.data_dir / "exports").glob("career_plan_barry_allen_*.json"))
    assert len(exported) == 1


async def test_plan_that_needs_follow_up_questions_and_cancel(app: App) -> None:
    bob = console(app, "bob")
    replies = await say(bob, f"/plan {GOAL}")
    assert "What do you do now?" in str(replies[1]["text"])
    assert "Which skills" in str((await say(bob, "Registered Nurse"))[0]["text"])
    assert "How many hours" in str((await say(bob, "Communication, Teamwork"))[0]["text"])
    (bad,) = await say(bob, "lots")
    assert "between 1 and 60" in str(bad["text"])
    (plan,) = await say(bob, "4")
    assert "Only 4 hours a week" in str(plan["text"])
    # Another plan later only asks what is still missing: nothing.
    (second,) = await say(bob, "/plan become a data analyst")
    assert str(second["text"]).startswith("Your plan: Data Analyst")
    eve = console(app, "eve")
    await say(eve, "/plan become a chef")
    (cancelled,) = await say(eve, "/cancel")
    assert "cancelled" in str(cancelled["text"])
    (none,) = await say(eve, "/plans")
    assert "no plans yet" in str(none["text"])


async def test_tasks_done_and_progress(app: App) -> None:
    ann = console(app, "ann")
    await say(ann, "/profile set title Teacher")
    await say(ann, "/profile set skills Teaching, Communication")
    await say(ann, "/profile set hours 5")
    await say(ann, "/plan help me move into instructional design")
    (tasks,) = await say(ann, "/tasks")
    assert str(tasks["text"]).startswith("Week 1 of 12")
    assert "1. [ ]" in str(tasks["text"])
    (done,) = await say(ann, "/done 1")
    assert "Plan progress: 3%" in str(done["text"])
    (again,) = await say(ann, "what should I do this week?")
    assert "1. [x]" in str(again["text"])
    (listing,) = await say(ann, "/plans")
    assert "1. Instructional Designer — 3% done" in str(listing["text"])
    (missing,) = await say(ann, "/done 9")
    assert "I couldn't find task 9" in str(missing["text"])
    (export,) = await say(ann, "/plan export")
    assert export["files"][0]["name"].startswith("career_plans_")


async def nurse(app: App) -> ConsoleAdapter:
    """Ann, a nurse with six hours a week, in the console."""
    ann = console(app, "ann")
    for line in ("/profile set title Nurse", "/profile set skills Communication"):
        await say(ann, line)
    await say(ann, "/profile set hours 6")
    return ann


def model_plan() -> str:
    plan = offline_plan(
        PlanInputs(GOAL, Profile(title="Nurse", skills=["Communication"]), 6), bundled_taxonomy()
    )
    return plan.model_dump_json()


async def test_model_plan_is_stored_with_model_and_tokens(llm_app: App, server: FakeOpenAI) -> None:
    ann = await nurse(llm_app)
    broken = json.loads(model_plan())
    broken["weekly_plans"] = broken["weekly_plans"][:11]
    server.answer(
        Scripted(json.dumps(broken)),
        Scripted(model_plan(), prompt_tokens=1200, completion_tokens=900),
    )
    (reply,) = await say(ann, f"/plan {GOAL}")
    assert "made by gpt-4o-mini" in str(reply["text"])
    assert "weekly_plans" in server.chat_requests()[1]["body"]["messages"][-1]["content"]
    document = json.loads(Path(reply["files"][0]["path"]).read_text())
    assert document["generated_by"] == "gpt-4o-mini"
    assert document["tokens"]["prompt"] == 1200 + 100  # both attempts counted


async def test_invalid_model_plan_twice_fails_cleanly(llm_app: App, server: FakeOpenAI) -> None:
    ann = await nurse(llm_app)
    server.answer(Scripted('{"target_role": "PM"}'), Scripted('{"target_role": "PM"}'))
    (failed,) = await say(ann, f"/plan {GOAL}")
    assert "couldn't make a complete plan" in str(failed["text"])
    assert "Nothing was saved" in str(failed["text"])
    (none,) = await say(ann, "/plans")
    assert "no plans yet" in str(none["text"])
    (offline,) = await say(ann, "/press Make an offline plan")
    assert "made by my offline planner" in str(offline["text"])


async def test_offline_plan_button_with_a_long_goal(llm_app: App, server: FakeOpenAI) -> None:
    """The button carries the whole goal: past Telegram's 64 bytes it travels as "/b <id>",
    is resolved on the server, and only its owner can press it."""
    goal = (
        "Ich möchte ins KI-Produktmanagement wechseln und meine Erfahrung aus Logistik "
        "und Einkauf nutzen"
    )
    ann = console(llm_app, "ann")
    for line in ("/profile set title Buyer", "/profile set skills SAP", "/profile set hours 6"):
        await say(ann, line)
    server.answer(Scripted('{"target_role": "PM"}'), Scripted('{"target_role": "PM"}'))
    (failed,) = await say(ann, f"/plan {goal}")
    (button,) = failed["buttons"]
    assert button["payload"].startswith("/b ")
    assert len(button["payload"].encode()) <= 64

    forged = Incoming(PLATFORM, "bob", "bob", "Bob", button_payload=button["payload"])
    (stolen,) = await llm_app.conversation.handle(forged)  # bob sends ann's button's data
    assert "That button has expired" in stolen.text
    (offline,) = await say(ann, "/press 1")
    assert "made by my offline planner" in str(offline["text"])
    (plans,) = await say(ann, "/plans")
    assert "KI-Produktmanagement" in str(plans["text"])
