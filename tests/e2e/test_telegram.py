"""The whole product on Telegram: the real python-telegram-bot Application against a local
fake Bot API server (real HTTP, `base_url`/`base_file_url`)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import time
from pathlib import Path

import pytest

from bot.app import App, open_app
from bot.config import load_config
from bot.runner import telegram_running
from domain.pushes import NewOutboxMessage, OutboxStatus, PushKind
from handlers.chat.messages import Reply, replies_to_payload
from tests.conftest import SHARED_DATA
from tests.fake_openai import FakeOpenAI, Scripted
from tests.fake_telegram import TOKEN, FakeTelegram, fake_telegram
from tests.fakes import FakeClock

ANN = 4242
RESUME = SHARED_DATA / "resumes" / "harvey_dent_mle.pdf"


@asynccontextmanager
async def serving(tmp_path: Path, **extra: str) -> AsyncIterator[tuple[App, FakeTelegram]]:
    async with fake_telegram() as telegram:
        environment = {
            "CAREERBOT_DATA_DIR": str(tmp_path / "var"),
            "CAREERBOT_JOBS__DEMO_CATALOG": "false",
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": telegram.base_url,
            "TELEGRAM_FILE_BASE_URL": telegram.base_file_url,
            **extra,
        }
        config = load_config(None, env=environment)
        async with open_app(config, clock=FakeClock()) as app, telegram_running(app):
            yield app, telegram


async def reply_to(telegram: FakeTelegram, chat: int, count: int = 1) -> list[str]:
    """Wait for `count` more messages in the chat; return all its texts so far."""
    before = len(telegram.sent_texts(chat))
    await telegram.wait_until(lambda: len(telegram.sent_texts(chat)) >= before + count)
    return telegram.sent_texts(chat)


async def test_start_commands_menu_and_a_resume_document(tmp_path: Path) -> None:
    async with serving(tmp_path) as (_, telegram):
        (menu,) = [c for c in telegram.calls if c.method == "setMyCommands"]
        names = [c["command"] for c in menu.params["commands"]]
        assert names[:3] == ["start", "profile", "resumes"]
        assert "status" not in names  # in /help, not in the menu

        telegram.user_says(ANN, "/start")
        await telegram.wait_until(lambda: any("1/4" in t for t in telegram.sent_texts(ANN)))
        assert "CareerBot" in telegram.sent_texts(ANN)[0]

        count = len(telegram.sent_texts(ANN))
        telegram.user_sends_document(ANN, RESUME.read_bytes(), RESUME.name, "application/pdf")
        await telegram.wait_until(lambda: len(telegram.sent_texts(ANN)) > count)
        got = "\n".join(telegram.sent_texts(ANN)[count:])
        assert "Got it — resume 1" in got
        assert "Harvey Dent" in got
        assert telegram.downloads == 1
        assert [c.method for c in telegram.calls].count("getFile") == 1


async def test_a_job_ad_raises_a_question_answered_by_a_button(tmp_path: Path) -> None:
    async with serving(tmp_path) as (_, telegram):
        ad = SHARED_DATA / "job_descriptions" / "job_desc_java_developer.pdf"
        telegram.user_sends_document(ANN, ad.read_bytes(), ad.name, "application/pdf")
        (question,) = await reply_to(telegram, ANN)
        assert question.startswith("This looks like a job ad. Is it your resume?")
        keyboard = telegram.sent(ANN)[-1].params["reply_markup"]["inline_keyboard"]
        buttons = {b["text"]: b["callback_data"] for row in keyboard for b in row}
        assert list(buttons) == ["It's my resume", "Tailor my resume to it"]
        assert all(len(data.encode()) <= 64 for data in buttons.values())
        telegram.user_presses(ANN, buttons["It's my resume"])
        texts = await reply_to(telegram, ANN)
        assert texts[-1].startswith("Got it — resume 1 (job_desc_java_developer.pdf")


async def test_an_oversized_document_is_refused_without_download(tmp_path: Path) -> None:
    async with serving(tmp_path) as (_, telegram):
        telegram.user_sends_document(
            ANN, b"%PDF-1.4 tiny", "cv.pdf", "application/pdf", size=30 * 1024 * 1024
        )
        (text,) = await reply_to(telegram, ANN)
        assert "That file is 30.0 MB; the limit is 5.0 MB" in text
        assert telegram.downloads == 0
        assert "getFile" not in [c.method for c in telegram.calls]


async def test_matches_keyboard_and_a_button_press(tmp_path: Path, demo_data_dir: Path) -> None:
    demo = {"CAREERBOT_JOBS__DEMO_CATALOG": "true", "CAREERBOT_DATA_DIR": str(demo_data_dir)}
    async with serving(tmp_path, **demo) as (_, telegram):
        telegram.user_says(ANN, "/profile set target_roles Data Engineer")
        await reply_to(telegram, ANN)
        telegram.user_says(ANN, "/profile set skills Python, SQL, Airflow")
        await reply_to(telegram, ANN)
        telegram.user_says(ANN, "/matches")
        await reply_to(telegram, ANN)  # one message: five jobs, numbered
        (listing,) = [c for c in telegram.sent(ANN) if "Your best matches" in c.params["text"]]
        keyboard = listing.params["reply_markup"]["inline_keyboard"]
        labels = [[b["text"] for b in row] for row in keyboard]
        assert labels == [[f"Save {n}", f"Dismiss {n}"] for n in range(1, 6)] + [["More ›"]]
        save = keyboard[0][0]["callback_data"]
        telegram.user_presses(ANN, save)
        texts = await reply_to(telegram, ANN)
        assert texts[-1].startswith(f"Saved #{save.split()[-1]} ")
        assert "answerCallbackQuery" in [c.method for c in telegram.calls]
        telegram.user_presses(ANN, keyboard[-1][0]["callback_data"])  # More ›
        texts = await reply_to(telegram, ANN)
        assert texts[-1].startswith("Your best matches (page 2):")
        first_page = re.findall(r"^\d+\. (#\d+) ", listing.params["text"], re.MULTILINE)
        second_page = re.findall(r"^\d+\. (#\d+) ", texts[-1], re.MULTILINE)
        assert len(second_page) == 5
        assert not set(first_page) & set(second_page)  # paging repeats no job


async def test_long_model_output_with_markup_arrives_intact_and_in_order(
    tmp_path: Path, server: FakeOpenAI
) -> None:
    paragraphs = [
        f"Part {n}: use <b>tags</b> & ampersands, *stars*, _underscores_ and [brackets](x). "
        + " ".join(["Keep going."] * 30)
        for n in range(1, 21)
    ]
    answer = "\n\n".join(paragraphs)
    assert len(answer) > 2 * 4096
    server.answer(Scripted(answer, delay=1.5))
    extra = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.base_url}
    async with serving(tmp_path, **extra) as (_, telegram):
        telegram.user_says(ANN, "/ask how do I write a cover letter?")
        await reply_to(telegram, ANN, count=3)
        pieces = telegram.sent(ANN)
        assert all("parse_mode" not in c.params for c in pieces)  # plain text: nothing to parse
        texts = [c.params["text"] for c in pieces]
        assert all(len(t) <= 4096 for t in texts)
        assert "\n\n".join(texts) == answer  # cut between paragraphs, nothing lost or moved
        assert "sendChatAction" in [c.method for c in telegram.calls]  # "typing…" meanwhile


async def test_a_429_is_waited_out_and_the_message_still_arrives(tmp_path: Path) -> None:
    async with serving(tmp_path) as (_, telegram):
        telegram.fail_next("sendMessage", 429, retry_after=1)
        telegram.user_says(ANN, "/help")
        await reply_to(telegram, ANN)
        attempts = [c for c in telegram.calls if c.method == "sendMessage"]
        assert [a.failed for a in attempts] == [True, False]
        assert attempts[0].params["text"] == attempts[1].params["text"]


async def test_pushes_go_out_and_a_blocked_user_is_deactivated(tmp_path: Path) -> None:
    async with serving(tmp_path) as (app, telegram):
        telegram.user_says(ANN, "/digest 08:00")
        await reply_to(telegram, ANN)
        async with app.uow() as uow:
            users = await uow.push_settings.digest_subscribers()
        (settings,) = users
        assert settings.digest_time == time(8, 0)
        user_id = settings.user_id
        payload = replies_to_payload([Reply("Your digest: nothing new today.")])
        await app.outbox.push(NewOutboxMessage(user_id, PushKind.DIGEST, "d1", payload))
        assert (await app.dispatcher.drain()).sent == 1
        assert telegram.sent_texts(ANN)[-1] == "Your digest: nothing new today."

        telegram.fail_next("sendMessage", 403)
        await app.outbox.push(NewOutboxMessage(user_id, PushKind.DIGEST, "d2", payload))
        report = await app.dispatcher.drain()
        assert report.deactivated == [user_id]
        async with app.uow() as uow:
            user = await uow.users.get(user_id)
            statuses = [m.status for m in await uow.outbox.for_user(user_id)]
        assert user is not None
        assert not user.active
        assert statuses == [OutboxStatus.SENT, OutboxStatus.FAILED]


async def test_other_users_never_see_each_others_data(tmp_path: Path) -> None:
    async with serving(tmp_path) as (_, telegram):
        telegram.user_says(ANN, "/profile set name Ann Example")
        await reply_to(telegram, ANN)
        telegram.user_says(77, "/profile", name="Bob")
        (profile,) = await reply_to(telegram, 77)
        assert "Ann Example" not in profile
        assert "It's empty so far" in profile


@pytest.mark.parametrize("mode", ["webhook"])
async def test_webhook_mode_receives_updates_with_the_secret(tmp_path: Path, mode: str) -> None:
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    extra = {
        "CAREERBOT_TELEGRAM__MODE": mode,
        "CAREERBOT_TELEGRAM__WEBHOOK_URL": f"https://bot.example/{port}",
        "CAREERBOT_TELEGRAM__WEBHOOK_LISTEN": "127.0.0.1",
        "CAREERBOT_TELEGRAM__WEBHOOK_PORT": str(port),
        "TELEGRAM_WEBHOOK_SECRET": "s3cret-token",
    }
    async with serving(tmp_path, **extra) as (_, telegram):
        (hook,) = [c for c in telegram.calls if c.method == "setWebhook"]
        assert hook.params["secret_token"] == "s3cret-token"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 1_780_000_000,
                "chat": {"id": ANN, "type": "private"},
                "from": {"id": ANN, "is_bot": False, "first_name": "Ann"},
                "text": "/help",
            },
        }
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient() as client:
            forged = await client.post(url, json=update)
            assert forged.status_code == 403  # no secret, no entry
            good = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            )
            assert good.status_code == 200
        (text,) = await reply_to(telegram, ANN)
        assert "Here's what I can do" in text


async def test_careerbot_run_serves_telegram_until_sigterm(tmp_path: Path) -> None:
    import asyncio
    import os
    import signal
    import sys

    async with fake_telegram() as telegram:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
        env.update(
            {
                "CAREERBOT_DATA_DIR": str(tmp_path / "var"),
                "CAREERBOT_JOBS__DEMO_CATALOG": "false",
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE_URL": telegram.base_url,
                "TELEGRAM_FILE_BASE_URL": telegram.base_file_url,
            }
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await telegram.wait_until(
                lambda: any(c.method == "getUpdates" for c in telegram.calls), 60
            )
            telegram.user_says(ANN, "/help")
            (text,) = await reply_to(telegram, ANN)
            assert "Here's what I can do" in text
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = await process.communicate()
        assert process.returncode == 0, stderr.decode()
        assert TOKEN not in stderr.decode()  # the token never reaches the logs


def test_run_without_a_token_says_what_to_set(tmp_path: Path) -> None:
    from tests.e2e.test_console_cli import run_cli

    result = run_cli(["run"], "", tmp_path / "var")
    assert result.returncode == 2
    assert "set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN" in result.stderr


def test_webhook_mode_refuses_to_start_without_a_secret(tmp_path: Path) -> None:
    from tests.e2e.test_console_cli import run_cli

    result = run_cli(
        ["run"],
        "",
        tmp_path / "var",
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "CAREERBOT_TELEGRAM__MODE": "webhook",
            "CAREERBOT_TELEGRAM__WEBHOOK_URL": "https://bot.example/telegram",
        },
    )
    assert result.returncode == 2
    assert "webhook mode needs TELEGRAM_WEBHOOK_SECRET" in result.stderr


async def test_polling_survives_a_bad_gateway(tmp_path: Path) -> None:
    async with serving(tmp_path) as (_, telegram):
        telegram.fail_next("getUpdates", 502)
        telegram.fail_next("getUpdates", 502)
        telegram.user_says(ANN, "/help")
        (text,) = await reply_to(telegram, ANN)
        assert "Here's what I can do" in text
        failed = [c for c in telegram.calls if c.method == "getUpdates" and c.failed]
        assert len(failed) == 2
