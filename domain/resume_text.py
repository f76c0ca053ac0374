"""Cleaning text extracted from resume files and finding its sections.

PDF text arrives with icon-font debris ("♂¶obile-alt"), words hyphenated across lines,
page numbers and dates split over two lines. This module undoes that and splits the lines
into the sections resumes use, whatever they are called and in whatever order (two-column
layouts put the side column after the main one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "objective",
        "career objective",
        "about",
        "about me",
        "career summary",
        "personal statement",
        "executive summary",
        "overview",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "experience and employment",
    ),
    "education": (
        "education",
        "academic background",
        "education and training",
        "qualifications",
        "academic qualifications",
        "education & training",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "skills & tools",
        "skills and tools",
        "tools",
        "technologies",
        "tech stack",
        "areas of expertise",
        "expertise",
        "skills & abilities",
        "core skills",
    ),
    "projects": (
        "projects",
        "personal projects",
        "selected projects",
        "key projects",
        "side projects",
        "open source",
    ),
    "languages": ("languages", "language skills"),
    "certifications": (
        "certifications",
        "certificates",
        "licenses",
        "licenses & certifications",
        "licenses and certifications",
        "certifications & training",
        "courses",
        "training",
    ),
    "other": (
        "awards",
        "honors",
        "honours",
        "publications",
        "volunteer",
        "volunteering",
        "interests",
        "hobbies",
        "references",
        "links",
        "achievements",
        "activities",
        "leadership",
        "additional information",
    ),
}
_HEADING = {name: section for section, names in SECTION_NAMES.items() for name in names}

_ICONS = re.compile(r"♂¶obile-alt|/linkedin-in|/github(?=\s)|[\ue000-\uf8ff]|[✉☎✆📞📧📍🔗]")
_PAGE_MARK = re.compile(r"^(?:page\s*)?\d{1,2}(?:\s*(?:/|of)\s*\d{1,2})?$", re.IGNORECASE)
_DASH_END = re.compile(r"(?:[–—-]|\bto)\s*$")


@dataclass
class Sections:
    """A resume's lines, by section. `header` is what comes before the first heading."""

    header: list[str] = field(default_factory=list)
    by_name: dict[str, list[str]] = field(default_factory=dict)

    def get(self, name: str) -> list[str]:
        return self.by_name.get(name, [])


def clean_lines(text: str) -> list[str]:
    """Readable, non-empty lines: icons dropped, hyphenation undone, split dates rejoined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    raw = [" ".join(_strip_icons(line).split()) for line in text.split("\n")]
    lines: list[str] = []
    for line in raw:
        if not line or _PAGE_MARK.match(line):
            continue
        if lines and _joins_previous(lines[-1], line):
            previous = lines.pop()
            if previous.endswith("-") and line[:1].islower():
                lines.append(previous[:-1] + line)
            else:
                lines.append(previous + " " + line)
            continue
        lines.append(line)
    return lines


def _strip_icons(line: str) -> str:
    # Icon fonts label profile handles: "/linkedin-in jdoe" is a LinkedIn username.
    line = re.sub(r"^/linkedin-in\s+", "LinkedIn: ", line)
    line = re.sub(r"^/github\s+", "GitHub: ", line)
    return _ICONS.sub(" ", line)


def _joins_previous(previous: str, line: str) -> bool:
    """Is `line` the continuation of `previous`? (a hyphenated word or a split date range)"""
    if re.search(r"[a-z]-$", previous) and line[:1].islower():
        return True
    if _DASH_END.search(previous) and re.search(r"\d{4}\s*[–—-]?\s*$|\d{4}\s*to\s*$", previous):
        return bool(re.match(r"(present|current|now|today|\w+\.? \d{4}|\d{4})\b", line, re.I))
    return False


def heading_of(line: str) -> str | None:
    """The section a heading line opens ("WORK EXPERIENCE" → "experience"), or None."""
    key = re.sub(r"[^a-z& ]", "", line.casefold().rstrip(":")).strip()
    key = " ".join(key.split())
    if len(key.split()) > 4 or len(line) > 40:
        return None
    if key in _HEADING:
        return _HEADING[key]
    # "SKILLS & AWARDS", "Education and Certifications": the first part names the section.
    first = re.split(r"\s+(?:&|and)\s+", key)[0]
    return _HEADING.get(first) if first != key and line.upper() == line else None


def split_sections(lines: list[str]) -> Sections:
    """Group lines under their headings; repeated headings extend the same section."""
    sections = Sections()
    current: list[str] = sections.header
    for line in lines:
        section = heading_of(line)
        if section is not None:
            current = sections.by_name.setdefault(section, [])
            continue
        current.append(line)
    return sections
