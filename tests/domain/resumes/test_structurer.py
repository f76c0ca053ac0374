"""Resume structuring with a language model: grounded in the text, offline as fallback."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from domain.ai import AIGateway, AIPolicy, Completion, Message
from domain.resumes import OFFLINE, ResumeStructurer
from domain.taxonomy import bundled_taxonomy
from tests.fakes import FakeClock, MemoryAIStore

TEXT = (
    """Dana Smith
dana@example.com
Experience
Data Analyst, Acme Corp, 2019 - Present
- Built dashboards in Tableau
Education
BSc Statistics, University of Leeds, 2015 - 2018
Skills
SQL, Python, Tableau
"""
    + "Analysed data for many teams and reported results weekly. " * 10
)


class ScriptedChat:
    """An in-memory ChatModel answering from a list."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.calls: list[list[Message]] = []

    async def complete(self, model: str, messages: list[Message], **_: Any) -> Completion:
        self.calls.append(messages)
        return Completion(self.answers.pop(0), "stop", model, 10, 10)


def structurer(chat: ScriptedChat | None) -> ResumeStructurer:
    gateway = AIGateway(chat, MemoryAIStore(), FakeClock(), AIPolicy(models={"default": "m"}))
    return ResumeStructurer(gateway, bundled_taxonomy())


async def test_without_a_model_the_offline_parser_reads_it() -> None:
    document, read_by = await structurer(None).structure(TEXT, 1, date(2026, 1, 1))
    assert read_by == OFFLINE
    assert document.basics.name == "Dana Smith"


async def test_model_answer_is_kept_only_where_the_text_supports_it() -> None:
    answer = {
        "basics": {
            "name": "Dana Smith",
            "label": "Chief Data Officer",
            "email": "dana@example.com",
        },
        "work": [
            {"name": "Acme Corp", "position": "Data Analyst", "startDate": "2019", "current": True},
            {
                "name": "Google",
                "position": "Staff Engineer",
                "startDate": "2010",
                "endDate": "2018",
            },
        ],
        "education": [{"institution": "Oxford University", "studyType": "PhD"}],
        "skills": [{"name": "SQL"}, {"name": "Rust"}],
        "years_of_experience": 25,
    }
    chat = ScriptedChat(json.dumps(answer))
    document, read_by = await structurer(chat).structure(TEXT, 1, date(2026, 1, 1))
    assert read_by == "m"
    assert document.basics.name == "Dana Smith"
    assert document.basics.label == "Data Analyst"  # the invented title fell back to the text
    assert [(w.name, w.position) for w in document.work] == [("Acme Corp", "Data Analyst")]
    assert document.education[0].institution == "University of Leeds"  # Oxford was invented
    assert "Rust" not in document.skill_names()
    assert {"SQL", "Python", "Tableau"} <= set(document.skill_names())
    assert document.years_of_experience == 6.5  # mid-2019 to Jan 2026 from the dates, not 25
    assert "<resume>" in chat.calls[0][-1].content


async def test_unusable_model_answers_fall_back_to_offline() -> None:
    chat = ScriptedChat("nonsense", "still nonsense")
    document, read_by = await structurer(chat).structure(TEXT, 1, date(2026, 1, 1))
    assert read_by == OFFLINE
    assert document.work[0].name == "Acme Corp"
    assert len(chat.calls) == 2  # one repair attempt, then the fallback


async def test_model_dates_and_numbers_must_be_written_in_the_text() -> None:
    answer = {
        "basics": {"name": "Dana Smith"},
        "work": [
            {
                "name": "Acme Corp",
                "position": "Data Analyst",
                "startDate": "2017",  # the text says 2019
                "highlights": ["Built dashboards in Tableau"],
            }
        ],
        "education": [
            {"institution": "University of Leeds", "studyType": "BSc", "endDate": "2018"},
        ],
    }
    chat = ScriptedChat(json.dumps(answer))
    document, _ = await structurer(chat).structure(TEXT, 1, date(2026, 1, 1))
    # The invented start year sinks the model's position; the offline one stands.
    assert [(w.position, w.startDate) for w in document.work] == [("Data Analyst", "2019")]
    assert document.education[0].endDate == "2018"


async def test_a_model_highlight_with_an_invented_number_is_dropped() -> None:
    answer = {
        "work": [
            {
                "name": "Acme Corp",
                "position": "Data Analyst",
                "startDate": "2019",
                "current": True,
                "highlights": ["Built dashboards in Tableau", "Saved $4M a year"],
            }
        ],
    }
    chat = ScriptedChat(json.dumps(answer))
    document, _ = await structurer(chat).structure(TEXT, 1, date(2026, 1, 1))
    assert document.work[0].highlights == ["Built dashboards in Tableau"]
