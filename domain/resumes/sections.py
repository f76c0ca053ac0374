"""Finding a resume's sections under the headings real resumes use.

Headings are recognised by their words ("Work History", "Professional Experience",
"Education and Training", "Highlights", "Core Qualifications" …, also letter-spaced as
"W O R K  E X P E R I E N C E", with a colon, or with content on the same line), not by
position: two-column layouts put the side column anywhere, and LiveCareer templates put
"Education" before "Experience" as often as after. A heading-shaped line whose words are
unknown ("Teaching Experience", "Corporate Experience") is classified by its last word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from domain.resumes.layout import CELL, TextLine

EXPERIENCE = "experience"
EDUCATION = "education"
SKILLS = "skills"
SUMMARY = "summary"
CERTIFICATIONS = "certifications"
PROJECTS = "projects"
LANGUAGES = "languages"
OTHER = "other"

_NAMES: dict[str, tuple[str, ...]] = {
    SUMMARY: (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "summary of experience",
        "profile",
        "professional profile",
        "personal profile",
        "career profile",
        "objective",
        "career objective",
        "professional objective",
        "objectives",
        "about",
        "about me",
        "personal statement",
        "overview",
        "career overview",
        "career focus",
        "introduction",
        "relevant experience summary",
        "experience summary",
    ),
    EXPERIENCE: (
        "experience",
        "work experience",
        "professional experience",
        "relevant experience",
        "employment",
        "employment history",
        "employment experience",
        "work history",
        "career history",
        "professional history",
        "professional background",
        "experience and employment",
        "working experience",
        "volunteer experience",
        "volunteer work",
        "internships",
        "internship experience",
        "military experience",
        "positions held",
        "career",
        "experiences",
    ),
    EDUCATION: (
        "education",
        "education and training",
        "education & training",
        "educational background",
        "academic background",
        "academic qualifications",
        "educational qualifications",
        "education and certifications",
        "education & certifications",
        "education and courses",
        "education & courses",
        "academic history",
        "academics",
        "education history",
        "studies",
        "training and education",
    ),
    SKILLS: (
        "skills",
        "technical skills",
        "key skills",
        "core skills",
        "skill highlights",
        "skills summary",
        "summary of skills",
        "highlights",
        "qualifications",
        "core qualifications",
        "summary of qualifications",
        "qualifications summary",
        "core competencies",
        "competencies",
        "technical competencies",
        "areas of expertise",
        "expertise",
        "skills & abilities",
        "skills and abilities",
        "skills & tools",
        "skills and tools",
        "tools",
        "tools & tech",
        "tools & technologies",
        "technologies",
        "tech stack",
        "technical proficiencies",
        "computer skills",
        "software",
        "strengths",
        "professional skills",
        "relevant skills",
        "additional skills",
        "it skills",
        "abilities",
    ),
    CERTIFICATIONS: (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "certifications & licenses",
        "professional certifications",
        "certifications & training",
        "courses",
        "training",
        "professional development",
    ),
    PROJECTS: (
        "projects",
        "personal projects",
        "selected projects",
        "key projects",
        "side projects",
        "academic projects",
        "project examples",
        "pet projects",
        "open source",
    ),
    LANGUAGES: ("languages", "language skills", "language"),
    OTHER: (
        "accomplishments",
        "achievements",
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "activities and honors",
        "activities",
        "publications",
        "presentations",
        "affiliations",
        "professional affiliations",
        "memberships",
        "interests",
        "hobbies",
        "references",
        "additional information",
        "additional",
        "personal information",
        "personal details",
        "personal",
        "contact",
        "contact me at",
        "contacts",
        "links",
        "leadership",
        "volunteering",
        "extracurricular activities",
        "military",
        "portfolio",
    ),
}
_HEADINGS = {name: kind for kind, names in _NAMES.items() for name in names}
_SQUASHED = {name.replace(" ", "").replace("&", "and"): kind for name, kind in _HEADINGS.items()}
_LAST_WORD = {
    "experience": EXPERIENCE,
    "history": EXPERIENCE,
    "employment": EXPERIENCE,
    "education": EDUCATION,
    "skills": SKILLS,
    "summary": SUMMARY,
    "certifications": CERTIFICATIONS,
    "projects": PROJECTS,
}
_MAJOR = (EXPERIENCE, EDUCATION, SKILLS)
# Headings that may carry their content on the same line ("Skills: Python, SQL"); other
# "Word: text" lines are labels inside an entry ("Technologies: …", "Achievements: …").
_INLINE = {
    "skills",
    "technical skills",
    "key skills",
    "core skills",
    "education",
    "experience",
    "work experience",
    "professional experience",
    "summary",
    "professional summary",
    "profile",
    "objective",
    "career objective",
    "certifications",
    "languages",
    "interests",
    "hobbies",
    "references",
}


@dataclass
class Section:
    """Lines under one heading. `kind` is one of the names above; `title` the heading."""

    kind: str
    title: str
    lines: list[TextLine] = field(default_factory=list)
    beside: str | None = None  # the kind of a second column read into this section


@dataclass
class Sections:
    """A resume's lines by section, in document order. `header` is what comes before the
    first heading (name, contacts, headline)."""

    header: list[TextLine] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def lines(self, kind: str) -> list[TextLine]:
        return [line for s in self.of_kind(kind) for line in s.lines]


def unspaced(text: str) -> str:
    """ "W O R K ⇥ E X P E R I E N C E" → "WORK EXPERIENCE": letter-spaced words rejoined
    (a cell break or a double space separated the words)."""
    words = text.split()
    singles = sum(len(w) == 1 for w in words)
    if len(words) < 4 or singles < 0.7 * len(words):
        return text
    parts = re.split(rf"{CELL}|\s{{2,}}", text)
    return " ".join("".join(part.split()) for part in parts if part.strip())


def _key(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)  # "SKILLS (most important underlined)"
    text = unspaced(text.replace(CELL, "  ")).casefold().strip().rstrip(":").strip()
    text = re.sub(r"[^a-z& ]", " ", text)
    return " ".join(text.replace(" and ", " & ").replace("&", " and ").split())


def heading_of(line: TextLine) -> tuple[str, str] | None:
    """(section kind, text after the heading) when `line` is a heading, else None.

    "EXPERIENCE", "Work History:", "E D U C A T I O N", "Skills: Python, SQL" (a heading
    with its first content), "Education ⇥ MIT 2015" are headings.
    """
    text = line.text.strip()
    if not text or len(text) > 160:
        return None
    whole = _known(text)
    if whole is not None:
        return whole, ""
    # The heading, then its content after a colon, a cell break or (for the major
    # sections, when a date follows) a space.
    match = re.match(rf"^([^:{CELL}]{{3,40}}?)\s*(?::|{CELL})\s*(.+)$", text)
    if match is not None and _key(match.group(1)) in _INLINE:
        return _HEADINGS[_key(match.group(1))], match.group(2).strip()
    first = re.match(r"^(\w+)\s+(.+\d{4}.*)$", text)
    if first is not None:
        kind = _HEADINGS.get(first.group(1).casefold())
        if kind in _MAJOR and first.group(1)[0].isupper():
            return kind, first.group(2)
    return None


def _known(text: str) -> str | None:
    key = _key(text)
    if not key or len(key.split()) > 5 or len(text) > 60:
        return None
    if key in _HEADINGS:
        return _HEADINGS[key]
    squashed = key.replace(" ", "")
    if squashed in _SQUASHED:
        return _SQUASHED[squashed]
    words = key.split()
    pair = side_by_side(text)
    if pair is not None:
        return pair[0]
    plain = text.rstrip(":").strip()
    # "Teaching Experience", "CORPORATE EXPERIENCE", "Skills & Awards": a short heading-
    # shaped line (capitalised words, no sentence punctuation) named by its first or last word.
    if not 2 <= len(words) <= 4 or not _heading_shaped(plain):
        return None
    if words[-1] in _LAST_WORD:
        return _LAST_WORD[words[-1]]
    first = _HEADINGS.get(words[0])
    if first is not None and words[1] in ("and", "&"):
        return first
    return None


def side_by_side(text: str) -> tuple[str, str] | None:
    """ "EXPERIENCE SKILLS", "Education Skills": the headings of two columns on one line
    (a two-column layout read row by row), as (left kind, right kind)."""
    words = _key(text).split()
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if left in _HEADINGS and right in _HEADINGS and _heading_shaped(text.rstrip(":")):
            return _HEADINGS[left], _HEADINGS[right]
    return None


def _heading_shaped(text: str) -> bool:
    if re.search(r"[.,;!?]|\d", text):
        return False
    words = text.split()
    return all(w[:1].isupper() or w.casefold() in ("and", "&", "of", "the") for w in words)


def split_sections(lines: list[TextLine]) -> Sections:
    """Group lines under their headings, in document order."""
    sections = Sections()
    current: list[TextLine] = sections.header
    for line in lines:
        found = heading_of(line)
        if found is None:
            current.append(line)
            continue
        kind, rest = found
        in_experience = bool(sections.sections) and sections.sections[-1].kind == EXPERIENCE
        label = rest or (line.text.rstrip().endswith(":") and _key(line.text) not in _INLINE)
        if in_experience and label and kind not in (EDUCATION, EXPERIENCE):
            current.append(line)  # "Skills: Java, SQL" under a position describes it
            continue
        pair = side_by_side(line.text)
        section = Section(kind, line.text, beside=pair[1] if pair else None)
        sections.sections.append(section)
        current = section.lines
        if rest:
            current.append(replace(line, text=rest, bold=False))
    return sections
