"""Every button the bot produces fits the platforms' button data and does what it says.

A scripted session through the console adapter (the real app on SQLite, offline, with the demo
catalog) collects the buttons of every reply and push; then each distinct one is pressed, and
so are the buttons those presses show."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.adapters.console import PLATFORM
from bot.app import App, open_app
from bot.config import load_config
from domain.applications import Application, ApplicationStatus
from domain.jobs import Job, Match
from domain.pushes import AlertHit, Digest, FollowUp, SavedSearch
from handlers.chat.conversation import CRASH, EXPIRED_BUTTON, FALLBACK
from handlers.chat.errors import GENERIC
from handlers.chat.messages import Incoming, Reply, fits_in_button, replies_from_payload
from handlers.pushes.wording import PushMessages
from tests.conftest import SHARED_DATA
from tests.e2e.console_kit import console, listen, say, settle
from tests.fakes import FakeClock

MORNING = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # 08:00 in Berlin
SCRIPT = (
    "/start",
    "Buyer",
    "Product Manager",
    "Berlin, hybrid",
    "Europe/Berlin",
    "/start",
    f"/upload {SHARED_DATA / 'resumes' / 'barry_allen_fe.pdf'}",
    f"/upload {SHARED_DATA / 'job_descriptions' / 'data_scientist.docx'}",
    "/resumes",
    "/resume delete 1",
    "/profile",
    "/matches",
    "/digest 08:30",
    "/delete",
)
DESTRUCTIVE = ("/delete confirm", "/resume delete")  # pressed last, and not followed


@pytest.fixture
async def app(demo_data_dir: Path) -> AsyncIterator[App]:
    config = load_config(None, env={"CAREERBOT_DATA_DIR": str(demo_data_dir)})
    async with open_app(config, clock=FakeClock(MORNING)) as running:
        yield running


def button_payloads(replies: list[Reply]) -> list[str]:
    return [b.payload for r in replies for b in r.buttons]


async def test_every_button_fits_and_answers(app: App) -> None:
    ann = console(app, "ann")
    listen(app, ann)
    for line in SCRIPT:
        await say(ann, line)
    app.clock.advance(minutes=30)  # type: ignore[attr-defined]
    assert await app.scheduler.tick_digests() == 1
    await settle(app)
    assert isinstance(ann.out, io.StringIO)
    shown = [json.loads(line) for line in ann.out.getvalue().splitlines()]
    seen = [str(b["payload"]) for r in shown for b in r.get("buttons", [])]
    assert len(set(seen)) >= 15, seen
    assert all(fits_in_button(p) for p in seen), [p for p in seen if not fits_in_button(p)]

    # Every button is pressed while the account still holds its data; the destructive ones,
    # wherever they turn up, only once nothing else is left to press.
    queue: list[str] = []
    destructive: list[str] = []

    def keep(payloads: list[str]) -> None:
        for payload in payloads:
            (destructive if payload.startswith(DESTRUCTIVE) else queue).append(payload)

    keep(list(dict.fromkeys(seen)))
    pressed: set[str] = set()
    while queue or destructive:
        payload = queue.pop(0) if queue else destructive.pop(0)
        if payload in pressed:
            continue
        pressed.add(payload)
        answers = await app.conversation.handle(
            Incoming(PLATFORM, "ann", "ann", "Ann", button_payload=payload)
        )
        text = "\n".join(r.text for r in answers)
        for wrong in ("I don't know the command", CRASH, EXPIRED_BUTTON, FALLBACK, GENERIC):
            assert wrong not in text, (payload, text)
        more = button_payloads(answers)
        assert all(fits_in_button(p) for p in more), more
        if not payload.startswith(DESTRUCTIVE):
            keep(more)
    assert len(pressed) >= 15, sorted(pressed)


async def test_an_unknown_kept_button_is_explained(app: App) -> None:
    ann = console(app, "ann")
    await say(ann, "/profile")
    (reply,) = await app.conversation.handle(
        Incoming(PLATFORM, "ann", "ann", "Ann", button_payload="/b 999")
    )
    assert reply.text == EXPIRED_BUTTON


def test_push_buttons_fit_with_the_largest_numbers() -> None:
    """Pushes do not pass through the conversation: their buttons must fit as rendered."""
    big = 10**15
    job = Job("demo", "x", "Senior Data Engineer", "Example", id=big)
    application = Application(
        big, 1, big, "Example", "Data Engineer", None, ApplicationStatus.APPLIED, "",
        MORNING, MORNING,
    )  # fmt: skip
    search = SavedSearch(big, 1, "python " * 20, big, MORNING)
    words = PushMessages()
    rendered = [
        words.digest(Digest(1, date(2026, 6, 1), [Match(job, 90, ("fits",))] * 5)),
        words.followup(FollowUp(application, 10**6, 1, 7)),
        words.alert(AlertHit(search, 10**6, [job] * 7)),
    ]
    buttons = [b for payload in rendered for r in replies_from_payload(payload) for b in r.buttons]
    assert len(buttons) >= 15
    assert all(fits_in_button(b.payload) for b in buttons), buttons
