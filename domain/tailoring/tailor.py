"""Resume tailoring: the job's keywords, the match score before and after, the offline
tailor, and the honesty guardrail that keeps any tailored text to the facts of the source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.resumes import DEGREE, ResumeDocument
from domain.taxonomy import SkillTaxonomy

MAX_JOB_DESCRIPTION = 20_000
OPENING_CHARS = 500


class TailoringStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass(slots=True)
class TailoringJob:
    """One tailoring request, recorded before any work starts so it is never lost."""

    id: int
    user_id: int
    resume_id: int
    title: str | None
    company: str | None
    job_description: str
    status: TailoringStatus
    created_at: datetime
    updated_at: datetime
    tailored_text: str | None = None
    error: str | None = None
    score_before: int | None = None
    score_after: int | None = None
    covered: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    model: str | None = None


def job_keywords(job_description: str, taxonomy: SkillTaxonomy) -> list[str]:
    """The skills and requirements a job asks for, in order of first mention."""
    return taxonomy.find_in_text(job_description)[:30]


@dataclass(frozen=True, slots=True)
class MatchScore:
    score: int
    covered: list[str]
    missing: list[str]


def match_score(text: str, keywords: list[str], taxonomy: SkillTaxonomy) -> MatchScore:
    """How well `text` answers the job: 70% keyword coverage, 30% prominence (covered
    keywords a reader meets in the opening lines — the headline and summary a recruiter
    reads first)."""
    if not keywords:
        return MatchScore(0, [], [])
    present = set(taxonomy.find_in_text(text))
    covered = [k for k in keywords if k in present]
    missing = [k for k in keywords if k not in present]
    early = set(taxonomy.find_in_text(text[:OPENING_CHARS]))
    prominence = sum(1 for k in covered if k in early) / len(covered) if covered else 0.0
    score = 100 * (0.7 * len(covered) / len(keywords) + 0.3 * prominence)
    return MatchScore(round(score), covered, missing)


def _relevance(line: str, keywords: set[str], taxonomy: SkillTaxonomy) -> int:
    return len(set(taxonomy.find_in_text(line)) & keywords)


def tailor_offline(document: ResumeDocument, keywords: list[str], taxonomy: SkillTaxonomy) -> str:
    """A resume rewritten for the job from the person's own facts only: a targeted summary,
    matching skills first, and every position's most relevant achievements first."""
    wanted = set(keywords)
    skills = document.skill_names()
    matching = [k for k in keywords if k in skills]
    others = [s for s in skills if s not in matching]
    basics = document.basics
    lines: list[str] = []
    if basics.name:
        lines.append(basics.name)
    contact = " | ".join(p for p in (basics.email, basics.phone) if p)
    if contact:
        lines.append(contact)
    headline = basics.label or (document.work[0].position if document.work else None)
    summary_bits = []
    if headline:  # no computed numbers: the summary states only what the resume states
        summary_bits.append(headline)
    if matching:
        summary_bits.append(f"skilled in {', '.join(matching[:6])}")
    summary = ", ".join(summary_bits)
    if summary:
        lines += ["", "SUMMARY", summary[:1].upper() + summary[1:] + "."]
    if basics.summary:
        lines.append(basics.summary)
    if skills:
        lines += ["", "SKILLS", ", ".join(matching + others)]
    if document.work:
        lines += ["", "EXPERIENCE"]
        for job in document.work:
            dates = "–".join(
                _month(d) for d in (job.startDate, "present" if job.current else job.endDate) if d
            )
            header = " — ".join(p for p in (job.position, job.name) if p)
            lines.append(f"{header} ({dates})" if dates else header)
            bullets = sorted(job.highlights, key=lambda h: -_relevance(h, wanted, taxonomy))
            lines += [f"• {b}" for b in bullets]
    if document.projects:
        lines += ["", "PROJECTS"]
        for project in sorted(
            document.projects,
            key=lambda p: (
                -_relevance(
                    f"{p.name} {p.description or ''} {' '.join(p.highlights)}", wanted, taxonomy
                )
            ),
        ):
            lines.append(project.name)
            if project.description:
                lines.append(project.description)
            lines += [f"• {h}" for h in project.highlights]
    if document.education:
        lines += ["", "EDUCATION"]
        for school in document.education:
            degree = ", ".join(p for p in (school.studyType, school.area) if p)
            place = " — ".join(p for p in (degree, school.institution) if p)
            lines.append(f"{place} ({_month(school.endDate)})" if school.endDate else place)
    if document.certificates:
        lines += ["", "CERTIFICATIONS", *[c.name for c in document.certificates]]
    if document.languages:
        lines += [
            "",
            "LANGUAGES",
            ", ".join(
                f"{x.language} ({x.fluency})" if x.fluency else x.language
                for x in document.languages
            ),
        ]
    return "\n".join(lines).strip()


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(iso: str) -> str:
    """ "2022-06" → "Jun 2022" (the resume's own year, no new digits)."""
    year, _, month = iso.partition("-")
    return f"{_MONTHS[int(month) - 1]} {year}" if month.isdigit() else iso


_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\s*%?")
_HEADER = re.compile(r"^(?P<position>[^•\n]+?) — (?P<company>[^(\n]+?)(?:\s*\([^)]*\))?\s*$")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


@dataclass(frozen=True, slots=True)
class Invention:
    kind: str
    value: str
    line: str


def find_inventions(source: str, tailored: str) -> list[Invention]:
    """Facts in `tailored` that `source` does not contain: numbers (and dates), degrees,
    and the positions and employers of experience headers (their words must all occur in
    the source; wording may change, facts may not)."""
    source_words = set(_norm(source).split())

    def supported(value: str) -> bool:
        return set(_norm(value).split()) <= source_words

    numbers = {re.sub(r"\s", "", n).rstrip("%") for n in _NUMBER.findall(source)}
    found: list[Invention] = []
    for line in tailored.splitlines():
        for number in _NUMBER.findall(line):
            value = re.sub(r"\s", "", number).rstrip("%")
            if value not in numbers:
                found.append(Invention("number", number.strip(), line))
        header = _HEADER.match(line.strip())
        if header:
            for kind in ("position", "company"):
                value = header.group(kind).strip()
                if not supported(value):
                    found.append(
                        Invention("employer" if kind == "company" else "title", value, line)
                    )
        for degree in DEGREE.finditer(line):
            phrase = line[degree.start() :].split(",")[0].split(" — ")[0].strip()
            if not supported(phrase):
                found.append(Invention("degree", phrase, line))
    return found


def repair(source: str, tailored: str) -> tuple[str, list[Invention]]:
    """Drop every line carrying an invented fact. Returns the repaired text and what went."""
    inventions = find_inventions(source, tailored)
    bad_lines = {i.line for i in inventions}
    kept = [line for line in tailored.splitlines() if line not in bad_lines]
    return "\n".join(kept), inventions
