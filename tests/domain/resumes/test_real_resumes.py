"""The parser on every real resume and job ad in ../shared/data, scored against the labelled
set with the project's scorer (../shared/tools/score_parse.py): the issue's targets."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.documents.extract import extract_text
from domain.file_types import sniff
from domain.resumes import ResumeLimits, looks_like_job_description, parse_resume
from domain.taxonomy import bundled_taxonomy
from tests.conftest import SHARED_DATA

REAL = SHARED_DATA / "resumes_real"
TODAY = date(2026, 12, 2)  # the labelling date of gold.jsonl


@cache
def read(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    extracted = extract_text(data, sniff(data), ResumeLimits())
    document = parse_resume(list(extracted.lines), bundled_taxonomy(), TODAY)
    return {
        "file": str(path),
        "resume": document.json_resume(),
        "years_experience": document.years_of_experience,
        "looks_like_job_description": looks_like_job_description(extracted.text, document),
    }


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_parse", SHARED_DATA.parent / "tools" / "score_parse.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_labelled_set_meets_the_targets(tmp_path: Path) -> None:
    gold = REAL / "gold.jsonl"
    files = [REAL / json.loads(line)["file"] for line in gold.read_text().splitlines() if line]
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("\n".join(json.dumps(read(f)) for f in files))
    score = scorer()
    truth = score.load(str(gold))
    predicted = score.align(truth, score.load(str(predictions)))
    matched = predicted_count = gold_count = starts = ends = 0
    edu = [0, 0, 0]
    found = total = 0
    errors: list[float] = []
    for name, expected in truth.items():
        got = predicted[name]
        pairs = score.match_work(expected["work"], got["work"])
        matched += len(pairs)
        predicted_count += len(got["work"])
        gold_count += len(expected["work"])
        starts += sum(
            score.date_ok(expected["work"][i]["start"], got["work"][j]["start"]) for i, j in pairs
        )
        ends += sum(
            score.date_ok(expected["work"][i]["end"], got["work"][j]["end"]) for i, j in pairs
        )
        edu[0] += len(score.match_edu(expected["education"], got["education"]))
        edu[1] += len(got["education"])
        edu[2] += len(expected["education"])
        found += sum(score.skill_found(s, got["skills"]) for s in expected["skills_sample"])
        total += len(expected["skills_sample"])
        if expected["years_experience"] is not None and got["years_experience"] is not None:
            errors.append(abs(expected["years_experience"] - got["years_experience"]))
        assert not got["rejected"], name
    assert score.prf(matched, predicted_count, gold_count)[2] >= 0.85
    assert starts / matched >= 0.90
    assert ends / matched >= 0.90
    assert score.prf(*edu)[2] >= 0.80
    assert found / total >= 0.80
    assert sum(errors) / len(errors) <= 1.0
    headlines = [
        score.field_ok("headline", g["headline"], predicted[n]["headline"])
        for n, g in truth.items()
        if g["headline"] is not None
    ]
    assert sum(headlines) / len(headlines) >= 0.90


def test_livecareer_resumes_get_dated_positions_and_are_not_taken_for_job_ads() -> None:
    results = [read(p) for p in sorted((REAL / "livecareer").glob("*/*.pdf"))]
    dated = [r for r in results if any(w.get("startDate") for w in r["resume"].get("work", []))]
    flagged = [r["file"] for r in results if r["looks_like_job_description"]]
    assert len(results) == 236
    assert len(dated) / len(results) >= 0.97
    assert len(flagged) / len(results) <= 0.01, flagged


@pytest.mark.parametrize("path", sorted((SHARED_DATA / "job_descriptions").iterdir()))
def test_every_job_description_is_flagged(path: Path) -> None:
    assert read(path)["looks_like_job_description"]


@pytest.mark.parametrize("path", sorted((REAL / "vacancy_cvs").glob("*.docx")))
def test_word_cvs_are_read_as_resumes(path: Path) -> None:
    result = read(path)
    assert result["resume"].get("work") or result["resume"].get("skills"), path.name
