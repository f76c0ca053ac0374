"""Skills as the resume writes them, and as the bundled taxonomy names them.

Listed skills come from the skills sections (Skills, Highlights, Core Qualifications,
Competencies …) and from labelled lines anywhere ("Stack: Python, Flask", "Tools: Jira"):
each item is kept as written ("Budget forecasting expertise", "ERP (Enterprise Resource
Planning) software") and normalised where the taxonomy knows it ("MS Excel" → Excel).
Skills only mentioned in the text are added by their taxonomy name — except words that are
skills only in a technical context ("Go", "R", "Excel", "Access", "Swift"), which need one:
another technology in the same sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.resumes.entries import BULLET
from domain.resumes.layout import CELL, TextLine
from domain.taxonomy import SkillTaxonomy

_LABELLED = re.compile(
    r"^\s*(?P<label>(?:[\w+#/&.-]+\s){0,3}?(?:skills?|stack|tech(?:nologies|nology)?(?: stack)?"
    r"|tools|environment|programming languages?|languages?|frameworks?|librar(?:y|ies)"
    r"|databases?|platforms?|software|os|cloud|devops|methodolog(?:y|ies)|web|testing"
    r"|ide|tools and technologies|worked with|competencies|expertise))\s*[:–-]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_CATEGORY = re.compile(r"^\s*(?P<label>[A-Z][\w /&+-]{1,30}?)\s*:\s*(?P<rest>.+)$")
_ITEM_SPLIT = re.compile(rf"\s*(?:{CELL}|[,;|•·▪●]|\s\s+|\s+-\s+|\s+and\s+(?=[A-Z]))\s*")
_CONTEXT_ONLY = {
    "Go",
    "R",
    "C",
    "Swift",
    "Rust",
    "Ruby",
    "Dart",
    "Julia",
    "Excel",
    "Access",
    "Word",
    "Spark",
    "Chef",
    "Puppet",
    "Ant",
    "Make",
    "Hive",
    "Pig",
    "Elm",
}
MAX_ITEM_WORDS = 7


@dataclass(frozen=True, slots=True)
class SkillItem:
    """A skill as written, and its taxonomy name (None when the taxonomy does not know it)."""

    written: str
    name: str | None


def listed_items(lines: list[TextLine], taxonomy: SkillTaxonomy) -> list[SkillItem]:
    """The items of skills-section lines: split at cells, commas, bullets, bars."""
    items: list[SkillItem] = []
    for text in _logical_lines(lines):
        labelled = _CATEGORY.match(text)
        body = labelled.group("rest") if labelled else text
        items += _items(body, taxonomy)
    return _unique(items)


def labelled_items(lines: list[TextLine], taxonomy: SkillTaxonomy) -> list[SkillItem]:
    """Skills from lines such as "Stack: Python, Flask" or "Tools: Jira, Confluence"."""
    items: list[SkillItem] = []
    for text in _logical_lines(lines):
        match = _LABELLED.match(text)
        if match is not None:
            items += _items(match.group("rest"), taxonomy)
    return _unique(items)


def _logical_lines(lines: list[TextLine]) -> list[str]:
    """Lines with wrapped list lines rejoined ("…, Spring MVC," / "Spring Boot, …")."""
    out: list[str] = []
    for line in lines:
        text = BULLET.sub("", line.text).strip()
        if not text:
            continue
        wrapped_list = out and out[-1].count(",") >= 2 and "," in text and ":" not in text
        if out and (out[-1].endswith((",", "(", "/")) or _open_bracket(out[-1]) or wrapped_list):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


def _items(text: str, taxonomy: SkillTaxonomy) -> list[SkillItem]:
    items: list[SkillItem] = []
    for piece in _split_outside_brackets(text):
        piece = re.sub(r"^(?:and|or|&)\s+", "", piece.strip(" .:;*-–"), flags=re.IGNORECASE)
        if not piece:
            continue
        words = piece.split()
        name = taxonomy.canonical(piece)
        if len(words) <= MAX_ITEM_WORDS and not (name is None and _is_grid(piece, taxonomy)):
            inside = taxonomy.find_in_text(piece) if name is None else [name]
            # "Angular (versions 2+)" is Angular; "HTML/CSS" is HTML and CSS.
            items += [SkillItem(piece, n) for n in inside] or [SkillItem(piece, None)]
            continue
        # A sentence, or a space-separated grid ("Excel Tableau Apache Spark"): the skills
        # the taxonomy finds in it.
        for found in taxonomy.find_in_text(piece):
            items.append(SkillItem(found, found))
    return items


def _is_grid(piece: str, taxonomy: SkillTaxonomy) -> bool:
    """Several known skills side by side with no separator ("Python SQL Tableau")."""
    return len(piece.split()) >= 3 and len(taxonomy.find_in_text(piece)) >= 2


def _split_outside_brackets(text: str) -> list[str]:
    pieces: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            match = _ITEM_SPLIT.match(text, i)
            if match is not None and match.end() > i:
                pieces.append(text[start:i])
                start = i = match.end()
                continue
        i += 1
    pieces.append(text[start:])
    return pieces


def mentioned(text: str, taxonomy: SkillTaxonomy) -> list[str]:
    """Taxonomy skills named in running text, sentence by sentence; a word that is a
    skill only in a technical context counts when the sentence names another technology
    and the word is written with its capital ("Go", not "go")."""
    found: dict[str, None] = {}
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        names = taxonomy.find_in_text(sentence)
        for name in names:
            if name in _CONTEXT_ONLY:
                others = [n for n in names if n not in _CONTEXT_ONLY]
                if not others or not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
                    continue
            found.setdefault(name)
    return list(found)


def _unique(items: list[SkillItem]) -> list[SkillItem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for item in items:
        key = (item.written.casefold(), (item.name or "").casefold())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
