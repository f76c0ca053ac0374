"""/matches, /job, /save, /dismiss and /search over a small generated catalog."""

from __future__ import annotations

import pytest

from domain.jobs import demo_jobs
from tests.fakes import FakeServices
from tests.handlers.conversation_kit import Chat, texts


@pytest.fixture
async def catalog(fakes: FakeServices) -> None:
    await fakes.build().catalog.import_jobs(demo_jobs(40))


@pytest.mark.usefixtures("catalog")
async def test_matches_need_a_profile_then_come_as_cards_with_buttons(chat: Chat) -> None:
    (thin,) = await chat.say("/matches")
    assert "I need to know what you do or want to do" in thin.text
    await chat.say("/profile set target_roles Data Engineer")
    await chat.say("/profile set skills Python, SQL")
    head, *cards, tail = await chat.say("/matches")
    assert head.text == "Your best matches:"
    assert len(cards) == 5
    assert "Data Engineer" in cards[0].text.splitlines()[0]
    assert [b.label for b in cards[0].buttons] == ["Save", "Applied", "Dismiss", "Tailor"]
    assert [b.payload for b in tail.buttons] == ["/matches 2"]
    second = await chat.say("/matches 2")
    assert len(second) == 7  # a heading, five cards and "More"
    first_ids = {c.text.split(" ")[0] for c in cards}
    assert not first_ids & {c.text.split(" ")[0] for c in second[1:-1]}


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
    head, *found = await chat.say("/search python")
    assert head.text == "Jobs mentioning python:"
    assert found
    assert all(c.buttons for c in found)


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
