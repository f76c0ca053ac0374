"""`careerbot resume parse`: the chat upload's path (limits, isolated reading, parser, job-ad
check) as a command, printing JSON Resume documents or what the chat would say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import SHARED_DATA

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "json_resume.schema.json").read_text())
REAL = SHARED_DATA / "resumes_real"
FILES = [
    REAL / "livecareer" / "ACCOUNTANT" / "10554236.pdf",
    REAL / "livecareer" / "ENGINEERING" / "15941675.pdf",
    REAL / "vacancy_cvs" / "31.docx",
    SHARED_DATA / "resumes" / "template_two-column.pdf",
    SHARED_DATA / "job_descriptions" / "job_desc_java_developer.pdf",
]


def parse(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    env.pop("DATABASE_URL", None)
    env["CAREERBOT_DATA_DIR"] = str(tmp_path / "var")
    return subprocess.run(
        [sys.executable, "-m", "bot", "resume", "parse", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    broken = tmp_path_factory.mktemp("broken") / "cut.pdf"
    whole = (SHARED_DATA / "resumes" / "john_doe.pdf").read_bytes()
    broken.write_bytes(whole[: len(whole) // 2])
    done = parse(tmp_path_factory.mktemp("cli"), *map(str, [*FILES, broken]), "--jsonl")
    assert done.returncode == 1, done.stderr  # one file could not be read
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_one_line_per_file_in_order(lines: list[dict[str, Any]]) -> None:
    assert [Path(line["file"]).name for line in lines] == [
        "10554236.pdf",
        "15941675.pdf",
        "31.docx",
        "template_two-column.pdf",
        "job_desc_java_developer.pdf",
        "cut.pdf",
    ]


def test_every_document_is_valid_json_resume(lines: list[dict[str, Any]]) -> None:
    for line in lines[:-1]:
        jsonschema.validate(line["resume"], SCHEMA)
        assert set(line) == {"file", "resume", "years_experience", "looks_like_job_description"}


def test_what_a_livecareer_resume_holds(lines: list[dict[str, Any]]) -> None:
    resume = lines[0]["resume"]
    assert resume["basics"]["label"] == "Accountant"
    work = resume["work"]
    assert len(work) == 9
    assert (work[0]["position"], work[0]["startDate"], work[0]["endDate"]) == (
        "Accountant",
        "2011-07",
        "2012-11",
    )
    assert "name" not in work[0]  # "Company Name" is the template's placeholder
    assert lines[0]["years_experience"] == pytest.approx(19.3, abs=0.2)
    assert not lines[0]["looks_like_job_description"]
    keywords = [k for skill in resume["skills"] for k in skill.get("keywords", [])]
    assert "Account reconciliations" in keywords  # as the resume writes it


def test_a_current_position_has_no_end_date(lines: list[dict[str, Any]]) -> None:
    first = lines[1]["resume"]["work"][0]
    assert first["startDate"] == "2007-01"
    assert "endDate" not in first


def test_a_job_ad_is_flagged_and_a_broken_file_says_what_the_chat_says(
    lines: list[dict[str, Any]],
) -> None:
    assert lines[4]["looks_like_job_description"]
    assert lines[5]["error"].startswith("That file seems damaged or incomplete")


def test_without_jsonl_it_prints_what_the_user_reads(tmp_path: Path) -> None:
    done = parse(tmp_path, str(FILES[0]))
    assert done.returncode == 0, done.stderr
    assert "Current title: Accountant" in done.stdout
    assert "• Accountant (Jul 2011 – Nov 2012)" in done.stdout
