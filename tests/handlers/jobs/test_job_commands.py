"""/matches, /job, /save, /dismiss and /search over a small generated catalog."""

from __future__ import annotations

import re

import pytest

from domain.jobs import demo_jobs
from handlers.chat.messages import Reply
from tests.fakes import FakeServices
from tests.handlers.conversation_kit import Chat, texts


@pytest.fixture
async def catalog(fakes: FakeServices) -> None:
    await fakes.build().catalog.import_jobs(demo_jobs(40))


def job_ids(reply: Reply) -> list[str]:
    """The #numbers of the jobs a list shows, in order."""
    return re.findall(r"^\d+\. (#\d+) ", reply.text, flags=re.MULTILINE)


@pytest.mark.usefixtures("catalog")
async def test_matches_need_a_profile_then_come_in_one_message_with_paging(chat: Chat) -> None:
    (thin,) = await chat.say("/matches")
    assert "I need to know what you do or want to do" in thin.text
    await chat.say("/profile set target_roles Data Engineer")
    await chat.say("/profile set skills Python, SQL")
    (first,) = await chat.say("/matches")
    assert first.text.startswith("Your best matches:\n\n1. #")
    shown = job_ids(first)
    assert len(shown) == 5
    assert "Data Engineer" in first.text.split("\n\n")[1].splitlines()[0]
    labels = [b.label for b in first.buttons]
    assert labels[:4] == ["Save 1", "Dismiss 1", "Save 2", "Dismiss 2"]
    assert labels[-1] == "More ›"
    assert first.buttons[0].payload == f"/job save {shown[0][1:]}"
    (second,) = await chat.say("/matches 2")
    assert second.text.startswith("Your best matches (page 2):")
    assert len(job_ids(second)) == 5
    assert not set(shown) & set(job_ids(second))  # no job on two pages
    assert [b.payload for b in second.buttons[-2:]] == ["/matches 1", "/matches 3"]


@pytest.mark.usefixtures("catalog")
async def test_one_job_shows_with_all_its_buttons(chat: Chat) -> None:
    (card,) = await chat.say("/job 3")
    assert card.text.startswith("#3 · ")
    assert [b.label for b in card.buttons] == ["Save", "Applied", "Dismiss", "Tailor"]
    assert card.jobs[0]["external_id"]
    assert "couldn't find job 99999" in texts(await chat.say("/job 99999"))


@pytest.mark.usefixtures("catalog")
async def test_job_actions_check_the_job_and_the_action(chat: Chat) -> None:
    assert "couldn't find job 99999" in texts(await chat.say("/job save 99999"))
    assert "/job save|applied|dismiss" in texts(await chat.say("/job frobnicate 1"))
    saved = texts(await chat.say("/save 1 2"))
    assert saved.count("Saved #") == 2
    assert "won't be shown again" in texts(await chat.say("/dismiss 3"))
    listed = texts(await chat.say("/applications"))
    assert "1. " in listed
    assert "2. " in listed
    assert "· saved ·" in listed


@pytest.mark.usefixtures("catalog")
async def test_search_needs_words_and_finds_them(chat: Chat) -> None:
    assert "What should I look for?" in texts(await chat.say("/search"))
    (found,) = await chat.say("/search python")
    assert found.text.startswith("Jobs mentioning python:\n\n1. #")
    assert len(found.jobs) == len(job_ids(found)) >= 1
    assert found.buttons


@pytest.mark.usefixtures("catalog")
async def test_no_matches_names_the_filter_to_relax(chat: Chat) -> None:
    await chat.say("/profile set target_roles Data Engineer")
    await chat.say("/profile set skills Python, SQL")
    await chat.say("/prefs remote onsite")
    await chat.say("/prefs locations Atlantis")
    assert "Your places filter hides them all" in texts(await chat.say("/matches"))
    await chat.say("/prefs clear locations")
    await chat.say("/prefs keywords quantum-basketweaving")
    assert "Your keywords hide them all" in texts(await chat.say("/matches"))
    await chat.say("/prefs clear keywords")
    assert texts(await chat.say("/matches")).startswith("Your best matches:")


@pytest.mark.usefixtures("catalog")
async def test_a_company_left_out_is_never_matched_nor_found(chat: Chat) -> None:
    await chat.say("/profile set target_roles Data Engineer")
    await chat.say("/profile set skills Python, SQL")
    (first,) = await chat.say("/matches")
    company = first.jobs[0]["company"]
    (prefs,) = await chat.say(f"/prefs exclude {company}")
    assert f"Companies to leave out: {company}" in prefs.text
    (again,) = await chat.say("/matches")
    assert company not in {j["company"] for j in again.jobs}
    found = await chat.say("/search data")
    assert all(company not in {j["company"] for j in r.jobs} for r in found)
