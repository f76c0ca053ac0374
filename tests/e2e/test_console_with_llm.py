"""The console bot with an OpenAI-compatible endpoint configured (a local fake server)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SHARED_DATA
from tests.e2e.test_console_cli import json_replies, run_cli
from tests.fake_openai import FakeOpenAI, Scripted

RESUME = SHARED_DATA / "resumes" / "harvey_dent_mle.pdf"


def env(server: FakeOpenAI) -> dict[str, str]:
    return {
        "OPENAI_API_KEY": "sk-e2e-secret",
        "OPENAI_BASE_URL": server.base_url,
        "CAREERBOT_AI__MAX_RETRIES": "0",
    }


def test_resume_read_by_the_model_and_logged(server: FakeOpenAI, tmp_path: Path) -> None:
    server.answer(
        Scripted(
            json.dumps(
                {
                    "basics": {"name": "Harvey Dent", "label": "Machine Learning Engineer"},
                    "work": [
                        {
                            "name": "OpenAI",
                            "position": "Machine Learning Engineer",
                            "startDate": "2021",
                            "current": True,
                        }
                    ],
                    "skills": [{"name": "PyTorch"}],
                }
            ),
            prompt_tokens=900,
            completion_tokens=120,
        )
    )
    data_dir = tmp_path / "var"
    result = run_cli(
        ["console", "--user", "ann", "--json"], f"/upload {RESUME}\n", data_dir, env(server)
    )
    assert result.returncode == 0, result.stderr
    (reply,) = json_replies(result.stdout)
    assert "(read by the gpt-4o-mini)" in reply["text"]
    assert "Name: Harvey Dent" in reply["text"]
    assert "sk-e2e-secret" not in result.stderr
    log = run_cli(["ai-log"], "", data_dir, env(server))
    assert "extraction gpt-4o-mini ok tokens=900+120" in log.stdout
    summary = run_cli(["ai-log", "--summary"], "", data_dir, env(server))
    assert "extraction" in summary.stdout
    assert "1020" in summary.stdout


def test_model_failure_falls_back_to_the_offline_parser(server: FakeOpenAI, tmp_path: Path) -> None:
    server.answer(Scripted(status=500, error="boom"))
    result = run_cli(
        ["console", "--user", "ann", "--json"], f"/upload {RESUME}\n", tmp_path / "var", env(server)
    )
    (reply,) = json_replies(result.stdout)
    assert "(read by the offline parser)" in reply["text"]
    assert "Name: Harvey Dent" in reply["text"]
