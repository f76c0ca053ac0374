"""Education entries: institution, degree and field, and the year it ended.

An entry is the lines that name one school or one degree: a new entry starts where a line
names a degree or a school that the entry being read already has (or after a blank line).
Degrees are recognised by their names in many spellings ("Bachelor of Science", "B.Sc.",
"BBA", "Associate: Accounting", "Master's", "High School Diploma"), schools by the words
schools are called ("University", "College", "Institute", "School", "Academy", …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.resumes.dates import find_range, find_single
from domain.resumes.document import Education
from domain.resumes.entries import BULLET, join_split_ranges
from domain.resumes.layout import CELL, TextLine
from domain.resumes.lexicon import placeholder_kind

DEGREE = re.compile(
    r"\b(?:bachelor(?:'?s)?|master(?:'?s)?|doctor(?:ate)?|doctoral|ph\.?\s?d\.?|mba\b|m\.?b\.?a\.?"
    r"|b\.?\s?sc\.?|m\.?\s?sc\.?|b\.?\s?a\.?(?=[\s,:]|$)|m\.?\s?a\.?(?=[\s,:]|$)"
    r"|b\.?\s?s\.?(?=[\s,:]|$)|m\.?\s?s\.?(?=[\s,:]|$)|bba\b|bs\b|ba\b|ms\b|ma\b|msc\b|bsc\b"
    r"|b\.?\s?tech\b|m\.?\s?tech\b|b\.?\s?eng\b|m\.?\s?eng\b|b\.?\s?e\.?(?=[\s,(]|$)|b\.?com\b"
    r"|associates?(?:'s)?(?=\s*(?::|degree|of|in\b))|associate of|a\.?a\.?s?\.?(?=[\s,:]|$)"
    r"|a\.?s\.?(?=\s*:)|diploma|high school|ged\b|a-levels|abitur|baccalaureate|degree"
    r"|specialist(?:'s)? degree|licen[cs]iate|postgraduate|undergraduate|graduate certificate"
    r"|course of study|bootcamp|nanodegree|minor\b|certificate program)",
    re.IGNORECASE,
)
INSTITUTION = re.compile(
    r"\b(?:university|universit[äéy]|universidad|universidade|universita|college|institute"
    r"|institut|school|academy|polytechnic|politecnico|conservatory|hochschule|technion"
    r"|seminary|lyceum|gymnasium|education(?:al)? cent(?:er|re)|training cent(?:er|re)"
    r"|training program|practicum)\b"
    r"|(?-i:\bUC\s+[A-Z][a-z]+|\b(?!LLC|PLC|INC)(?:[A-Z]{2,4}[CU]|MIT|UCLA|NYU|IIT\w*|ETH)\b)",
    re.IGNORECASE,
)
_SCHOOL_NAME = re.compile(
    r"(?:(?:[A-Z][\w.'’&-]*|of|and|the|for|de|&)\s+){0,5}"
    r"(?:University|College|Institute|School|Academy|Polytechnic|Conservatory|Technion"
    r"|Seminary|Universit\w*|Education(?:al)? Cent(?:er|re)|Training (?:Center|Program))"
    r"(?:\s+(?:of|for|at|in)(?:\s+(?:(?:the|and|&|of)\s+)?[A-Z][\w.'’&-]*){1,6})?"
    r"|UC\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"|(?:[A-Z][\w.'’&-]*\s+){0,3}(?!LLC|PLC|INC)(?:[A-Z]{2,4}[CU]|MIT|UCLA|NYU|IIT\w*)\b"
)
_PLACE_PLACEHOLDER = re.compile(
    r"\bCity\s*,\s*(?:State|[A-Z]{2})(?:\s*,\s*(?:US|USA|[A-Z][a-z]+))?\b"
)
_CERTIFICATE = re.compile(r"\b(?:certificat\w*|certified|license|licence)\b", re.IGNORECASE)
_SCORE = re.compile(r"\b(?:GPA|CGPA|grade)[:\s]*([\d.]+\s*(?:/\s*[\d.]+)?)", re.IGNORECASE)


@dataclass
class _Draft:
    institution: str | None = None
    degree: str | None = None
    area: str | None = None
    start: str | None = None
    end: str | None = None
    score: str | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.institution is None and self.degree is None


def education(lines: list[TextLine], skip: frozenset[str] = frozenset()) -> list[Education]:
    """The education entries in an education section's lines; lines whose text is in
    `skip` were read as positions (a job listed under the education heading)."""
    drafts: list[_Draft] = []
    current = _Draft()
    for line in join_split_ranges(lines):
        if line.text in skip:
            continue
        text = BULLET.sub("", line.text).strip()
        if not text or len(text.split()) > 30:
            continue
        if _CERTIFICATE.match(text) and DEGREE.search(text) is None:
            continue  # certificates are not education (they have a section of their own)
        start, end, bare = _dates_cut(text)
        pieces = _pieces(bare)
        school = _school(pieces)
        degree, area = _degree(pieces, school)
        course = None
        if degree is None and school is None and end is not None and len(bare.split()) <= 8:
            course = pieces[0] if pieces else None  # a named course: "HTML, 2006"
        starts_new = not current.empty and (
            (degree is not None and current.degree is not None)
            or (school is not None and current.institution is not None)
            or (course is not None and current.end is not None)
            or (line.gap > 0.9 and (degree is not None or school is not None))
        )
        if starts_new:
            drafts.append(current)
            current = _Draft()
        if degree is not None and current.degree is None:
            current.degree, current.area = degree, area
        if course is not None and current.degree is None:
            current.degree = course
        if school is not None and current.institution is None:
            current.institution = school
        current.start = current.start or start
        current.end = current.end or end
        score = _SCORE.search(text)
        if score:
            current.score = current.score or score.group(1).replace(" ", "")
        current.lines.append(text)
    drafts.append(current)
    return [
        Education(
            institution=d.institution,
            studyType=d.degree,
            area=d.area,
            startDate=d.start,
            endDate=d.end,
            score=d.score,
        )
        for d in _without_repeats(drafts)
    ]


def _without_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """Drop empty entries and a degree printed again without its school ("Associates :
    Accounting" under "… College 1994 Associate : Accounting")."""
    kept: list[_Draft] = []
    for draft in drafts:
        if draft.empty:
            continue
        repeat = any(
            _overlap(_degree_text(draft), _degree_text(other)) >= 0.8
            and (draft.institution is None or draft.institution == other.institution)
            for other in kept
        )
        if not repeat:
            kept.append(draft)
    return kept


def _degree_text(draft: _Draft) -> str:
    return f"{draft.degree or ''} {draft.area or ''}"


def _overlap(a: str | None, b: str | None) -> float:
    ta, tb = set(_words(a)), set(_words(b))
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


def _words(text: str | None) -> list[str]:
    return [w.rstrip("s") for w in re.findall(r"[a-z]{3,}", (text or "").casefold())]


def _dates_cut(text: str) -> tuple[str | None, str | None, str]:
    """(start, end, the text without its dates). The end is the last date written."""
    dates = find_range(text)
    if dates is not None:
        end = None if dates.current else dates.end
        return dates.start, end, _cut(text, dates.span)
    single = find_single(text)
    if single is None:
        return None, None, text
    return None, single.end, _cut(text, single.span)


def _cut(text: str, span: tuple[int, int]) -> str:
    return f"{text[: span[0]]}{CELL}{text[span[1] :]}"


def _pieces(text: str) -> list[str]:
    text = _PLACE_PLACEHOLDER.sub(CELL, text)
    parts = re.split(rf"\s*{CELL}\s*|\s+[|–—]\s+|\s+-\s+|\s*\|\s*|\s*;\s*|\s*[–—]\s*", text)
    return [p.strip(" ,.:()-") for p in parts if p.strip(" ,.:()-")]


def _degree(pieces: list[str], school: str | None) -> tuple[str | None, str | None]:
    """ "Associate: Accounting" → ("Associate", "Accounting"); "Bachelor of Science in
    Computer Science" → ("Bachelor of Science", "Computer Science")."""
    for index, piece in enumerate(pieces):
        match = DEGREE.search(piece)
        if match is None:
            continue
        if school and school in piece:
            before, _, after = piece.partition(school)
            piece = before if DEGREE.search(before) else after
        piece = piece.strip(" ,:;-–(")
        labelled = re.match(r"^(.+?)\s*:\s*(.*)$", piece)
        if labelled:
            area = labelled.group(2).strip()
            if not area and index + 1 < len(pieces) and not INSTITUTION.search(pieces[index + 1]):
                area = pieces[index + 1]
            return labelled.group(1).strip() or None, _area(area)
        head, comma, tail = piece.partition(",")
        split = re.match(r"^(.+?)\s+in\s+(.+)$", head)  # "Master of Science in Physics"
        if split:
            return split.group(1).strip(), _area(split.group(2))
        if comma and DEGREE.search(head):  # "B.Tech, Computer Science and Engineering"
            return head.strip(), _area(tail)
        return piece or None, None
    return None, None


def _area(text: str) -> str | None:
    area = re.split(r"\s*[,;|(]\s*|\bGPA\b", text)[0].strip(" .:")
    return area or None


def _school(pieces: list[str]) -> str | None:
    for piece in pieces:
        if placeholder_kind(piece) is not None or not INSTITUTION.search(piece):
            continue
        match = _SCHOOL_NAME.search(piece)
        name = match.group(0) if match is not None else piece
        name = re.sub(r"^(?:[a-z]+\s+)+", "", name.strip(" ,"))  # "of Higher Education …"
        return name or None
    return None
