"""Two people the matching must serve, as scripted console conversations with `--json`
output: an HR generalist in Chicago who wants hybrid work, and a staff accountant in Houston
aiming at a senior role. Their resumes and a catalog with such jobs (and with remote jobs
abroad, software roles next door, pay in other currencies) are fixtures beside this file."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import App
from domain.jobs import read_records
from domain.taxonomy import bundled_taxonomy
from tests.e2e.console_kit import ReplyJson, app_without_catalog, console, say

PERSONAS = Path(__file__).parent / "personas"
HR = ("11-3111", "11-3121", "11-3131", "13-1071", "13-1075", "13-1141", "13-1151")
ACCOUNTING = ("13-2011", "13-2031", "13-2051", "43-3031", "11-3031")


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    async with app_without_catalog(tmp_path / "var") as running:
        from domain.jobs import job_from_record

        text = (PERSONAS / "catalog.jsonl").read_text(encoding="utf-8")
        taxonomy = bundled_taxonomy()
        jobs = [job_from_record(r, "personas", taxonomy) for _, r in read_records(text, "x.jsonl")]
        await running.services.catalog.import_jobs(jobs)
        yield running


def shown(reply: ReplyJson) -> list[str]:
    return re.findall(r"^\d+\. (#\d+) ", str(reply["text"]), flags=re.MULTILINE)


async def test_hr_generalist_in_chicago_gets_hybrid_hr_jobs_there(app: App) -> None:
    maria = console(app, "maria")
    (profile,) = await say(maria, f"/upload {PERSONAS / 'hr_generalist_chicago.txt'}")
    assert "HR Generalist" in str(profile["text"])
    await say(maria, "/prefs locations Chicago")
    await say(maria, "/prefs remote hybrid")
    await say(maria, "/prefs salary 60k")  # in dollars: she lives in the US
    (first,) = await say(maria, "/matches")
    (second,) = await say(maria, "/matches 2")
    (third,) = await say(maria, "/matches 3")
    jobs = [j for reply in (first, second, third) for j in reply.get("jobs", [])]
    assert len(first["jobs"]) == 5
    assert all(j["country"] == "US" for j in jobs)  # no remote job in Warsaw
    assert all(j["city"] == "Chicago" for j in jobs)  # Evanston, Phoenix: not hybrid there
    hr = [j for j in jobs if (j["occupation"] or {}).get("onet_code", "").startswith(HR)]
    assert len(hr) >= 8  # of the 10 HR jobs in Chicago
    assert all(j in hr for j in first["jobs"])
    assert "Human Resources Assistant" not in [j["title"] for j in jobs]  # pays under 60k
    assert all("you have" in j["reasons"][0] for j in hr)
    assert any(r.startswith("pays up to") and r.endswith("USD a year") for r in jobs[0]["reasons"])
    assert not any(j["title"] == "Warehouse Associate" for j in jobs)  # unrelated: no padding
    ids = [*shown(first), *shown(second), *shown(third)]
    assert len(ids) == len(set(ids)) == len(jobs)  # no job twice
    assert "That's all the jobs that fit you well" in str(third["text"])
    (again,) = await say(maria, "/matches")  # the buttons /press presses are the last ones
    assert shown(again) == shown(first)
    (button,) = [b for b in again["buttons"] if b["label"] == "More ›"]
    (pressed,) = await say(maria, "/press " + str(again["buttons"].index(button) + 1))
    assert shown(pressed) == shown(second)


async def test_accountant_gets_accounting_jobs_in_houston_above_software(app: App) -> None:
    daniel = console(app, "daniel")
    await say(daniel, f"/upload {PERSONAS / 'staff_accountant.txt'}")
    await say(daniel, "/profile set target_roles Senior Accountant")
    await say(daniel, "/prefs locations Houston")
    await say(daniel, "/prefs salary 75k USD")
    (first,) = await say(daniel, "/matches")
    jobs = first["jobs"]
    codes = [(j["occupation"] or {}).get("onet_code", "") for j in jobs]
    assert all(code.startswith(ACCOUNTING) for code in codes[:3]), codes
    assert jobs[0]["title"] == "Senior Accountant"
    assert all(j["country"] == "US" for j in jobs)  # not the Frankfurt one
    assert all(j["salary"] is None or j["salary"]["max"] >= 75_000 for j in jobs)
    titles = [j["title"] for j in jobs]
    assert "Accounts Payable Specialist" not in titles  # pays under the floor
    software = [n for n, t in enumerate(titles) if "Developer" in t or "Engineer" in t]
    accounting = [n for n, c in enumerate(codes) if c.startswith(ACCOUNTING)]
    assert all(a < s for a in accounting for s in software)
    assert not any("Developer" in t or "Engineer" in t for t in titles)  # no padding
    await say(daniel, "/prefs salary 70k EUR")  # the floor in euros, converted
    (euros,) = await say(daniel, "/matches")
    pays = [r for j in euros["jobs"] for r in j["reasons"] if r.startswith("pays up to")]
    assert pays
    assert all(re.search(r"USD a year \(≈ [\d,]+ EUR at the ECB rate of", r) for r in pays)
