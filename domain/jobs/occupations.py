"""O*NET occupations with the skills their technology lists name (bundled, derived data)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from domain.jobs.ranking import title_terms


@dataclass(frozen=True, slots=True)
class Occupation:
    title: str
    skills: tuple[str, ...]


def _stem(terms: set[str]) -> set[str]:
    """Singular forms, so "actuary" meets O*NET's "Actuaries"."""
    stems = set()
    for term in terms:
        if term.endswith("ies") and len(term) > 5:
            term = term[:-3] + "y"
        elif term.endswith("s") and not term.endswith("ss") and len(term) > 4:
            term = term[:-1]
        stems.add(term)
    return stems


@cache
def bundled_occupations() -> tuple[Occupation, ...]:
    text = resources.files("domain.taxonomy").joinpath("occupations.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            title, _, skills = line.partition("\t")
            rows.append(Occupation(title, tuple(s for s in skills.split("|") if s)))
    return tuple(rows)


def closest_occupation(role: str) -> tuple[Occupation | None, float]:
    """The O*NET occupation whose title shares most words with `role`, and how much."""
    wanted = _stem(title_terms(role))
    best, best_score = None, 0.0
    for occupation in bundled_occupations():
        have = _stem(title_terms(occupation.title))
        union = wanted | have
        score = len(wanted & have) / len(union) if union else 0.0
        if score > best_score:
            best, best_score = occupation, score
    return best, best_score
