"""`careerbot console` as a person scripts it: piped lines in, JSON lines out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storage import migrate

ROOT = Path(__file__).resolve().parents[2]


def run_cli(
    args: list[str], stdin: str, data_dir: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    env.pop("DATABASE_URL", None)
    # The demo catalog (300 jobs, embedded) is only loaded where a test asks for it.
    env.update(
        {
            "CAREERBOT_DATA_DIR": str(data_dir),
            "CAREERBOT_JOBS__DEMO_CATALOG": "false",
            **(extra_env or {}),
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=data_dir.parent,
        timeout=120,
        check=False,
    )


def json_replies(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_scripted_onboarding_with_json_output(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    script = (
        "\n".join(
            [
                "/start",
                "Data Analyst",
                "Data Scientist",
                "Berlin, remote",
                "Europe/Berlin",
                "/profile",
                "/press Fields I can set",
                "/profile set salary 70k",
                "/cancel",
            ]
        )
        + "\n"
    )
    result = run_cli(["console", "--user", "ann", "--json"], script, data_dir)
    assert result.returncode == 0, result.stderr
    replies = json_replies(result.stdout)
    assert all(set(r) == {"text", "buttons", "files"} for r in replies)
    texts = [r["text"] for r in replies]
    assert texts[0].startswith("Hi ann!")
    assert "Time zone: Europe/Berlin" in texts[5]
    assert [b["payload"] for b in replies[5]["buttons"]] == ["/matches", "/digest 08:30", "/help"]
    assert "Fields you can set" in texts[7]
    assert texts[8] == "Saved. Salary floor (yearly): 70,000"
    assert "nothing to cancel" in texts[9]
    assert (data_dir / "careerbot.db").exists()


def test_restart_mid_conversation_loses_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    first = run_cli(["console", "--user", "bob", "--json"], "/start\nTeacher\n", data_dir)
    assert "2/4" in json_replies(first.stdout)[-1]["text"]
    second = run_cli(["console", "--user", "bob", "--json"], "Learning Designer\n", data_dir)
    assert "3/4" in json_replies(second.stdout)[-1]["text"]
    other = run_cli(["console", "--user", "eve", "--json"], "/profile\n", data_dir)
    assert "Current title: —" in json_replies(other.stdout)[0]["text"]


def test_text_mode_and_db_command(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    result = run_cli(["console", "--user", "ann"], "/help\n", data_dir)
    assert "bot> Here's what I can do" in result.stdout
    db = run_cli(["db", "upgrade"], "", data_dir)
    assert db.returncode == 0, db.stderr
    revision = migrate.head_revision()
    assert f"schema revision: {revision} (newest: {revision})" in db.stdout


def test_invalid_config_fails_at_start_naming_the_setting(tmp_path: Path) -> None:
    result = run_cli(
        ["console"], "", tmp_path / "var", {"CAREERBOT_DATABASE__SQLITE_BUSY_TIMEOUT_MS": "soon"}
    )
    assert result.returncode == 2
    assert "database.sqlite_busy_timeout_ms" in result.stderr
    assert "CAREERBOT_DATABASE__SQLITE_BUSY_TIMEOUT_MS" in result.stderr


@pytest.mark.postgres
def test_console_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    script = "/profile set title Welder\n/profile\n"
    result = run_cli(
        ["console", "--user", "pg", "--json"], script, tmp_path / "var", {"DATABASE_URL": pg_url}
    )
    assert result.returncode == 0, result.stderr
    assert "Current title: Welder" in json_replies(result.stdout)[1]["text"]
    assert not (tmp_path / "var" / "careerbot.db").exists()
