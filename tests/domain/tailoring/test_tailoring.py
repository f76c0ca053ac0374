"""Scoring, the offline tailor and the honesty guardrail, on the shared real documents."""

from __future__ import annotations

from datetime import date
from functools import cache

import docx
import pytest
from pypdf import PdfReader

from domain.resumes import parse_resume
from domain.tailoring import (
    OPENING_CHARS,
    find_inventions,
    job_keywords,
    match_score,
    repair,
    tailor_offline,
)
from domain.taxonomy import bundled_taxonomy
from tests.conftest import SHARED_DATA

TAX = bundled_taxonomy()


@cache
def text(name: str) -> str:
    path = SHARED_DATA / name
    if path.suffix == ".pdf":
        return "\n".join(p.extract_text() for p in PdfReader(path).pages)
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


RESUMES = sorted(f"resumes/{p.name}" for p in (SHARED_DATA / "resumes").iterdir())
JOBS = sorted(f"job_descriptions/{p.name}" for p in (SHARED_DATA / "job_descriptions").iterdir())


@pytest.mark.parametrize("job", JOBS)
def test_offline_tailor_raises_the_score_and_invents_nothing(job: str) -> None:
    keywords = job_keywords(text(job), TAX)
    for resume in RESUMES:
        source = text(resume)
        before = match_score(source, keywords, TAX)
        tailored = tailor_offline(parse_resume(source, TAX, date(2026, 3, 2)), keywords, TAX)
        after = match_score(tailored, keywords, TAX)
        assert find_inventions(source, tailored) == [], (job, resume)
        assert after.score >= before.score, (job, resume)
        assert set(after.covered) >= set(before.covered)
        opening = set(TAX.find_in_text(source[:OPENING_CHARS]))
        if any(k not in opening for k in before.covered):  # room to do better honestly
            assert after.score > before.score, (job, resume, before.score, after.score)


SOURCE = """Dana Smith
Experience
Data Analyst, Acme Corp, 2019 - Present
• Cut reporting time by 30% for 12 teams
Education
BSc Statistics, University of Leeds, 2015 - 2018
"""


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Senior Data Scientist — Acme Corp (2019–present)", "title"),
        ("Data Analyst — Globex International (2019–present)", "employer"),
        ("MSc Machine Learning, University of Leeds", "degree"),
        ("• Cut reporting time by 45% for 12 teams", "number"),
        ("• Managed a budget of 2,000,000", "number"),
        ("Data Analyst — Acme Corp (2017–present)", "number"),
    ],
)
def test_guardrail_catches_inventions(line: str, kind: str) -> None:
    (found,) = find_inventions(SOURCE, f"Dana Smith\n{line}")
    assert found.kind == kind


def test_guardrail_accepts_rewording_of_real_facts() -> None:
    honest = (
        "Dana Smith\nData Analyst — Acme Corp (2019–present)\n"
        "• Cut reporting time by 30% for 12 teams using SQL dashboards\n"
        "BSc Statistics — University of Leeds (2018)"
    )
    assert find_inventions(SOURCE, honest) == []


def test_repair_drops_only_the_offending_lines() -> None:
    tailored = (
        "Dana Smith\nData Analyst — Globex (2019–present)\n• Cut reporting time by 30% for 12 teams"
    )
    repaired, inventions = repair(SOURCE, tailored)
    assert repaired == "Dana Smith\n• Cut reporting time by 30% for 12 teams"
    assert [i.value for i in inventions] == ["Globex"]


def test_match_score_rewards_coverage_and_an_early_mention() -> None:
    keywords = ["Python", "SQL", "Tableau"]
    late = "Summary\n" + "x " * 400 + "\nSkills: Python, SQL"
    early = "Skills: Python, SQL\n" + "x " * 400
    assert match_score(late, keywords, TAX).covered == ["Python", "SQL"]
    assert match_score(late, keywords, TAX).missing == ["Tableau"]
    assert match_score(early, keywords, TAX).score > match_score(late, keywords, TAX).score
    assert match_score("anything", [], TAX).score == 0
