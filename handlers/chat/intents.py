"""Routing free text to a command, as data: the first pattern that matches wins."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Intent:
    """Text matching `pattern` is handled as if the user had typed `command`."""

    pattern: re.Pattern[str]
    command: str


def intent(pattern: str, command: str) -> Intent:
    return Intent(re.compile(pattern, re.IGNORECASE), command)


INTENTS: tuple[Intent, ...] = (
    intent(r"^\s*(hi|hello|hey|hallo|good (morning|afternoon|evening)|start)\b[\s!.]*$", "/start"),
    intent(r"\b(help|what can you do|commands|how does this work)\b", "/help"),
    intent(r"\b(my profile|show (me )?(my )?profile|what do you know about me)\b", "/profile"),
    intent(r"^\s*(cancel|stop|never ?mind|abort)\s*[.!]*$", "/cancel"),
    intent(r"\b(find|show|any|new)\b.*\b(jobs?|matches|openings|positions)\b", "/matches"),
    intent(r"\b(my applications|what did i apply)\b", "/applications"),
    intent(r"\b(tailor|customi[sz]e|adapt|rewrite)\b.*\b(resume|cv)\b", "/tailor"),
    intent(r"\b(my tasks|this week'?s tasks|what should i do this week)\b", "/tasks"),
)


QUESTION = re.compile(r"^\s*\S.{6,}\?\s*$", re.DOTALL)


GOAL = re.compile(
    r"\b(i want to|i'd like to|i would like to|help me|how (do|can) i|plan (to|for))\b.*"
    r"\b(transition|move|switch|become|get into|change careers?|pivot)\b",
    re.IGNORECASE | re.DOTALL,
)


def route_free_text(text: str) -> str | None:
    """The command line that free text stands for, or None when nothing matches.
    Any other question goes to the assistant."""
    for item in INTENTS:
        if item.pattern.search(text):
            return item.command
    if GOAL.search(text):
        return "/plan " + " ".join(text.split())
    if QUESTION.match(text):
        return "/ask " + " ".join(text.split())
    return None
