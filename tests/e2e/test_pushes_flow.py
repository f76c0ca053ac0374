"""Scheduled messages end to end through the console adapter: the settings commands, a
digest arriving in the chat at its local time and its button, alerts — and the operator
commands `careerbot digest --now` and `careerbot outbox` on a real database."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleAdapter
from bot.app import App, open_app
from bot.config import load_config
from tests.e2e.console_kit import ReplyJson, console, listen, say
from tests.e2e.test_console_cli import json_replies, run_cli
from tests.fakes import FakeClock

MORNING = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # 08:00 in Berlin


@pytest.fixture
async def app(demo_data_dir: Path) -> AsyncIterator[App]:
    config = load_config(None, env={"CAREERBOT_DATA_DIR": str(demo_data_dir)})
    async with open_app(config, clock=FakeClock(MORNING)) as running:
        yield running


async def test_digest_settings_and_delivery_in_the_chat(app: App) -> None:
    ann = console(app, "ann")
    listen(app, ann)
    (off,) = await say(ann, "/digest")
    assert "Daily digest: off" in str(off["text"])
    (bad_zone,) = await say(ann, "/timezone Mars/Olympus")
    assert "I don't know the time zone “Mars/Olympus”" in str(bad_zone["text"])
    (zone,) = await say(ann, "/timezone berlin")
    assert "Time zone: Europe/Berlin (your time now: 08:00)" in str(zone["text"])
    (profile,) = await say(ann, "/profile")
    assert "Time zone: Europe/Berlin" in str(profile["text"])  # one time zone, the profile's
    (bad_time,) = await say(ann, "/digest 25:00")
    assert "Give a time like 08:30" in str(bad_time["text"])
    (on,) = await say(ann, "/digest 8:30")
    assert "Daily digest at 08:30 (next today)" in str(on["text"])
    await say(ann, "/profile set target_roles Data Engineer")
    await say(ann, "/profile set skills Python, SQL, Airflow")

    assert await app.scheduler.tick_digests() == 0  # 08:00: not yet
    assert isinstance(app.clock, FakeClock)
    app.clock.advance(minutes=30)
    assert await app.scheduler.tick_digests() == 1
    before = await say(ann, "/digest")
    assert "today's is done; next tomorrow" in str(before[0]["text"])
    pushed = await _pushes(app, ann)
    (digest,) = pushed
    assert str(digest["text"]).startswith("Your digest for Monday 01 June: 5 new matches.")
    labels = [b["label"] for b in digest["buttons"]]
    assert labels[-1] == "All matches"
    assert labels[0].startswith("Save #")
    jobs = digest["jobs"]
    assert len(jobs) == len(labels) - 1 == 5  # the jobs as data, in the order shown
    assert all(job["score"] and job["reasons"] for job in jobs)
    (saved,) = await say(ann, "/press 1")
    assert str(saved["text"]).startswith("Saved #")
    assert await app.scheduler.tick_digests() == 0  # once a day, however often it ticks


async def test_alert_commands(app: App) -> None:
    ann = console(app, "ann")
    (empty,) = await say(ann, "/alerts")
    assert "No alerts yet" in str(empty["text"])
    (saved,) = await say(ann, "/alert Python, Berlin!")
    assert "new jobs mention “python berlin”" in str(saved["text"])
    (listed,) = await say(ann, "/alerts")
    assert "1. python berlin" in str(listed["text"])
    (missing,) = await say(ann, "/alert off 3")
    assert "I couldn't find alert 3" in str(missing["text"])
    (stopped,) = await say(ann, "/alert off 1")
    assert "stopped" in str(stopped["text"])
    (nothing,) = await say(ann, "/alert   ")
    assert "/alert python berlin" in str(nothing["text"])
    (reminders,) = await say(ann, "/reminders off")
    assert "plan check-ins: off" in str(reminders["text"])


async def _pushes(app: App, adapter: ConsoleAdapter) -> list[ReplyJson]:
    """What the dispatcher prints into this console now."""
    out = adapter.out
    assert isinstance(out, io.StringIO)
    start = len(out.getvalue())
    await app.dispatcher.drain()
    return [json.loads(line) for line in out.getvalue()[start:].splitlines()]


def test_operator_commands_queue_and_report(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    jobs = tmp_path / "jobs.csv"
    jobs.write_text(
        "title,company,location,url,skills\n"
        "Data Engineer,Acme,Berlin,https://acme.example/1,Python;SQL\n"
        "Analytics Engineer,Initech,Remote,https://initech.example/2,SQL;dbt\n",
        encoding="utf-8",
    )
    assert run_cli(["jobs", "import", str(jobs)], "", data_dir).returncode == 0
    setup = "/profile set target_roles Data Engineer\n/profile set skills Python, SQL\n"
    run_cli(["console", "--user", "ann", "--json"], setup, data_dir)
    unknown = run_cli(["digest", "--now", "--user", "console:nobody"], "", data_dir)
    assert unknown.returncode == 2
    assert "no user" in unknown.stderr
    queued = run_cli(["digest", "--now", "--user", "console:ann"], "", data_dir)
    assert queued.returncode == 0, queued.stderr
    assert queued.stdout.startswith("1 digest(s) queued")
    again = run_cli(["digest", "--now", "--user", "console:ann"], "", data_dir)
    assert again.stdout.startswith("0 digest(s) queued")  # once per local day
    assert "pending 1" in run_cli(["outbox"], "", data_dir).stdout
    # Ann opens her console: the digest is waiting for her.
    opened = run_cli(["console", "--user", "ann", "--json"], "", data_dir)
    (digest,) = json_replies(opened.stdout)
    assert "Data Engineer — Acme" in digest["text"]
    report = run_cli(["outbox"], "", data_dir).stdout
    assert "pending 0" in report
    assert "sent 1" in report
