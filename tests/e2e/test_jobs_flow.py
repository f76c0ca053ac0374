"""Jobs end to end: the demo catalog, /matches with buttons through the console adapter,
applications, and `careerbot jobs import|sync` from the command line."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import App, open_app
from bot.config import load_config
from tests.e2e.console_kit import console, say
from tests.e2e.test_console_cli import run_cli
from tests.fakes import FakeClock
from tests.local_http import Route, local_site


@pytest.fixture
async def app(demo_data_dir: Path) -> AsyncIterator[App]:
    # The default configuration: demo catalog and the MiniLM embedder.
    config = load_config(None, env={"CAREERBOT_DATA_DIR": str(demo_data_dir)})
    async with open_app(config, clock=FakeClock()) as running:
        yield running


async def test_matches_buttons_and_applications(app: App) -> None:
    ann = console(app, "ann")
    thin = await say(ann, "/matches")
    assert "I need to know what you do" in str(thin[0]["text"])
    await say(ann, "/profile set target_roles Data Engineer")
    await say(ann, "/profile set skills Python, SQL, Airflow")
    (listing,) = await say(ann, "/matches")
    text = str(listing["text"])
    assert text.startswith("Your best matches:\n\n1. #")
    cards = text.split("\n\n")[1:-1]
    assert len(cards) == len(listing["jobs"]) == 5
    first = cards[0]
    assert "Data Engineer" in first.splitlines()[0]
    assert "Match " in first
    assert "you have Python, SQL, Apache Airflow" in first
    data = listing["jobs"][0]
    assert data["title"] in first.splitlines()[0]
    assert data["work_mode"] in ("remote", "hybrid", "onsite")
    assert len(data["country"]) == 2
    labels = [b["label"] for b in listing["buttons"]]
    assert labels[:2] == ["Save 1", "Dismiss 1"]
    assert labels[-1] == "More ›"
    first_id = first.split(" ")[1]  # "1. #7 · …" → "#7"

    (card,) = await say(ann, "/job " + first_id[1:])
    assert [b["label"] for b in card["buttons"]] == ["Save", "Applied", "Dismiss", "Tailor"]
    (tailor,) = await say(ann, "/press 4")  # Tailor
    assert "you have no resume yet" in str(tailor["text"])
    await say(ann, "/matches")
    (dismissed,) = await say(ann, "/press 2")  # Dismiss 1
    assert dismissed["text"].startswith(f"Dismissed {first_id} ")
    (again,) = await say(ann, "/matches")
    assert f"{first_id} " not in str(again["text"])

    second_id = str(again["text"]).split("\n\n")[1].split(" ")[1]
    (applied,) = await say(ann, "/applied " + second_id[1:])
    assert "Marked" in str(applied["text"])
    (listing,) = await say(ann, "/applications")
    assert "· applied ·" in str(listing["text"])
    (moved,) = await say(ann, "/status 1 interviewing")
    assert "is now interviewing" in str(moved["text"])
    (third,) = await say(ann, "/matches")
    assert f"{second_id} " not in str(third["text"])

    ids = [c.split(" ")[1][1:] for c in str(third["text"]).split("\n\n")[1:3]]
    (bulk,) = await say(ann, "/save " + " ".join(ids))
    assert str(bulk["text"]).count("Saved #") == 2
    (bob,) = await say(console(app, "bob"), "/applications")
    assert "not tracking any applications" in str(bob["text"])

    (prefs,) = await say(ann, "/prefs locations Atlantis")
    assert "Locations: Atlantis" in str(prefs["text"])
    await say(ann, "/prefs remote onsite")
    (none,) = await say(ann, "/matches")
    assert "No jobs match your profile and filters" in str(none["text"])
    (nothing,) = await say(ann, "/search kubernetes")
    assert "No jobs mention kubernetes within your filters" in str(nothing["text"])
    await say(ann, "/prefs clear locations")
    await say(ann, "/prefs remote any")
    (found,) = await say(ann, "/search kubernetes")
    assert str(found["text"]).startswith("Jobs mentioning kubernetes:\n\n1. #")
    assert found["jobs"]


def test_import_command_reports_bad_rows_and_keeps_good_ones(tmp_path: Path) -> None:
    data = tmp_path / "jobs.csv"
    data.write_text(
        "title,company,location,salary_min,salary_max,url\n"
        'Data Engineer,Acme,"Berlin, Germany",60000,80000,https://acme.example/1\n'
        ",NoTitle Inc,Paris,,,\n"
        "Analyst,Acme,Remote,lots,,https://acme.example/2\n"
        'Data Engineer,Acme,"Berlin, Germany",60000,80000,https://acme.example/1\n',
        encoding="utf-8",
    )
    result = run_cli(["jobs", "import", str(data)], "", tmp_path / "var")
    assert result.returncode == 0, result.stderr
    assert (
        "jobs.csv: 4 read, 1 new, 0 updated, 1 unchanged or duplicate, 2 skipped" in result.stdout
    )
    assert "row 3: missing title" in result.stdout
    assert "row 4: salary is not a number" in result.stdout
    count = run_cli(["jobs", "count"], "", tmp_path / "var")
    assert "1 jobs in the catalog" in count.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    failed = run_cli(["jobs", "import", str(broken)], "", tmp_path / "var")
    assert failed.returncode == 2
    assert "not valid JSON" in failed.stderr


def test_sync_command_reads_configured_feeds(tmp_path: Path) -> None:
    with local_site() as site:
        site.routes["/gh"] = Route(
            json.dumps(
                {
                    "jobs": [
                        {
                            "id": 1,
                            "title": "Data Engineer",
                            "absolute_url": "https://b.example/1",
                            "location": {"name": "Berlin"},
                            "content": "Python",
                        }
                    ]
                }
            ).encode()
        )
        site.routes["/down"] = Route(b"", status=500)
        config = tmp_path / "config.yaml"
        config.write_text(
            "jobs:\n  demo_catalog: false\n  feed_timeout_seconds: 5\n  feeds:\n"
            f"    - {{kind: greenhouse, board: acme, company: Acme, url: '{site.url('/gh')}'}}\n"
            f"    - {{kind: lever, board: gone, url: '{site.url('/down')}'}}\n",
            encoding="utf-8",
        )
        result = run_cli(["jobs", "sync"], "", tmp_path / "var", {"CAREERBOT_CONFIG": str(config)})
    assert result.returncode == 0, result.stderr
    assert "greenhouse:acme: 1 read, 1 new" in result.stdout
    assert "feed failed: lever:gone: HTTP 500" in result.stderr
