"""Positions: each dated entry of the experience sections as title, employer, place and dates.

The pieces of an entry's header lines (split at cell breaks, bars, dashes, "at"/"@", and
at commas where the evidence says a new field starts) are weighed: template placeholders
("Company Name", "City, State") are recognised and dropped, places are found in GeoNames,
employers by the words companies end with, and the title is the piece that reads most like
a job title by the O*NET/ESCO title lexicon. A title running straight into a name
("Accounting Tutor Sole Proprietorship") is cut after its head word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.resumes.document import Work
from domain.resumes.education import DEGREE, INSTITUTION
from domain.resumes.entries import BULLET, Entry, Row, entries_of, mark_bodies, rows_of
from domain.resumes.layout import CELL, TextLine
from domain.resumes.lexicon import (
    LEGAL_SUFFIXES,
    TitleWords,
    company_score,
    placeholder_kind,
    title_words,
)
from domain.resumes.places import PlaceNames, place_names

_STRONG_SEPARATORS = re.compile(rf"\s*{CELL}\s*|\s+[|•·◦▪]\s+|\s*[|•·]\s*|\s+[–—-]\s+|\s*[–—]\s*")
_AT = re.compile(r"\s+@\s+|\s+at\s+(?=[A-Z])")  # "Engineer @ Cogent", "Developer at Acme"
_EMPLOYER = "\x01"  # marks the piece after "@"/"at" while a line is split
_PLACEHOLDERS = re.compile(r"\bCompany Name\b|\bCity\s*,\s*State\b|\[Job Title\]|\bSelect\.\.\.")
_ANON_WORDS = re.compile(r"(?<![A-Za-z] )\b(?:City|State)\b(?!\s+(?:of|University|College))")
_PAREN = re.compile(r"\(([^()]*)\)")
_TITLE_AT = re.compile(r"\s+(?:in|at|for)\s+(?:(?:the\s+)?project\s+)?(?=[A-Z])")
_SENTENCES = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
MIN_TITLE_SCORE = 0.42


@dataclass
class _Piece:
    text: str
    title: float
    company: float
    place: bool
    placeholder: str | None
    row: int  # which header line of the entry it is on


@dataclass(frozen=True)
class FoundPositions:
    """Positions found in some lines, and the texts of the lines they were read from."""

    works: list[Work]
    texts: frozenset[str]


def positions(lines: list[TextLine], *, anonymised: bool, strict: bool = False) -> FoundPositions:
    """The positions in an experience section's lines. An experience section without any
    dates is read by its employer lines ("Company Name – City, State" under a title).

    `strict` is for lines outside an experience section (under a wrong heading, or with no
    heading at all): only entries with a clear job title, a start date and no school or
    degree in their header are positions there."""
    rows = rows_of(lines, single_dates=True)
    mark_bodies(rows)
    lexicon = title_words()
    places = place_names()
    dated = [i for i, r in enumerate(rows) if r.dates is not None and not r.body]
    anchors: list[int] | None = None
    if not strict and not dated:
        anchors = [i for i, r in enumerate(rows) if _employer_line(r)]
    elif not strict:
        # Header lines that no dated entry claims, naming a title and an employer.
        # (one line next to a dated entry is part of it: "2019 – 2021" over "Engineer, Acme")
        near = {j for i in dated for j in (i - 1, i + 1)}
        undated = [
            i
            for i, r in enumerate(rows)
            if i not in near and _standalone_position(r, lexicon, places)
        ]
        anchors = sorted(dated + undated) if undated else None
    found = []
    texts: set[str] = set()
    for entry in entries_of(rows, anchors):
        work = _work(entry, lexicon, places, anonymised)
        if strict and not _clearly_a_position(entry, work, lexicon):
            continue
        if work.startDate is None and work.position is None:
            continue  # an employer line alone ("Company Name") is not a position
        found.append(work)
        texts |= {row.line.text for row in [*entry.header, *entry.body]}
    return FoundPositions(found, frozenset(texts))


def _employer_line(row: Row) -> bool:
    """ "Company Name – City, State …", "Acme Corp., Boston": a line that starts with an
    employer (the anchor of an entry in a section without dates)."""
    text = row.text
    if placeholder_kind(text.split(CELL)[0]) == "company" or "Company Name" in text:
        return True
    first = _STRONG_SEPARATORS.split(text, maxsplit=1)[0]
    return not row.body and company_score(first) >= 0.7


def _standalone_position(row: Row, lexicon: TitleWords, places: PlaceNames) -> bool:
    """An undated header line that names a title and an employer or a place on its own
    ("DATA ANALYST REGIONS GROUP, MOSCOW, RUSSIA"): a position whose dates were left out."""
    if row.dates is not None or row.body or row.glued:
        return False
    pieces = [p.lstrip(_EMPLOYER) for p in _split_mixed(_split(row.text, False), lexicon)]
    if len(pieces) < 2:
        return False
    title = (
        lexicon.title_score(pieces[0]) >= 0.7
        and lexicon.head_weight(pieces[0].split()[-1].casefold()) >= 0.8
    )
    other = any(company_score(p) >= 0.7 or places.is_place(p) for p in pieces[1:])
    return title and other


def _clearly_a_position(entry: Entry, work: Work, lexicon: TitleWords) -> bool:
    header = " ".join(row.text for row in entry.header)
    return (
        work.startDate is not None
        and work.position is not None
        and lexicon.title_score(work.position) >= 0.6
        and lexicon.ends_in_head(work.position)
        and DEGREE.search(header) is None
        and INSTITUTION.search(header) is None
    )


def _work(entry: Entry, lexicon: TitleWords, places: PlaceNames, anonymised: bool) -> Work:
    pieces = _pieces(entry, lexicon, places, anonymised)
    title = _pick_title(pieces)
    rest = [p for p in pieces if p is not title and p.placeholder is None]
    location = next((p.text for p in rest if p.place), None)
    company_piece = _pick_company(rest, title)
    if title is not None and company_piece is None:
        split = lexicon.head_split(title.text)
        if (split is not None and company_score(split[1]) >= 0.4) or (
            split is not None and not anonymised and lexicon.title_score(split[0]) >= 0.6
        ):
            assert split is not None
            title = _Piece(split[0], lexicon.title_score(split[0]), 0.0, False, None, title.row)
            company_piece = _Piece(split[1], 0.0, company_score(split[1]), False, None, title.row)
    dates = entry.anchor.dates
    return Work(
        name=company_piece.text if company_piece else None,
        position=title.text if title else None,
        location=location,
        startDate=dates.start if dates else None,
        endDate=dates.end if dates else None,
        current=dates.current if dates else False,
        highlights=_highlights(entry.body),
    )


def _pieces(
    entry: Entry, lexicon: TitleWords, places: PlaceNames, anonymised: bool
) -> list[_Piece]:
    pieces = []
    for number, row in enumerate(entry.header):
        texts: list[str] = []
        for part in (row.before, row.after) if row is entry.anchor else (row.text,):
            texts += _split(part, anonymised)
        for marked in _split_mixed(texts, lexicon):
            text = marked.lstrip(_EMPLOYER)
            kind = placeholder_kind(text)
            pieces.append(
                _Piece(
                    text=text,
                    title=0.0 if kind else lexicon.title_score(text),
                    company=0.95 if marked.startswith(_EMPLOYER) else company_score(text),
                    place=kind is None and places.is_place(text),
                    placeholder=kind,
                    row=number,
                )
            )
    return pieces


def _split_mixed(texts: list[str], lexicon: TitleWords) -> list[str]:
    """ "FULL STACK JAVA DEVELOPER INETEX LTD" → the title, then the employer: a piece
    that reads as a title and ends as a company is cut after the title's head word."""
    out: list[str] = []
    for text in texts:
        split = lexicon.head_split(text) if company_score(text) >= 0.7 else None
        if split is not None and company_score(split[1]) >= 0.7:
            out += list(split)
        else:
            out.append(text)
    return out


def _split(text: str, anonymised: bool) -> list[str]:
    """A header line's pieces. Placeholders become pieces of their own; the piece after
    "@" or "at" starts with `_EMPLOYER`."""
    text = _AT.sub(f"{CELL}{_EMPLOYER}", text, count=1)
    text = _PLACEHOLDERS.sub(lambda m: f"{CELL}{m.group(0)}{CELL}", text)
    if anonymised:
        text = _ANON_WORDS.sub(lambda m: f"{CELL}{m.group(0)}{CELL}", text)
    pieces: list[str] = []
    for part in _STRONG_SEPARATORS.split(text):
        employer = part.startswith(_EMPLOYER)
        part = _balanced(part.strip(" ,;:" + CELL + _EMPLOYER))
        if not part:
            continue
        found = [p for piece in _split_at_employer(part) for p in _split_brackets(piece)]
        if employer and found:
            found[0] = _EMPLOYER + found[0]
        pieces += found
    return [p for p in (_tidy(p) for p in pieces) if p.strip(_EMPLOYER)]


def _balanced(part: str) -> str:
    """A bracket cut open by a split closed again: "Inetex (Rehovot, Israel" → "Inetex
    (Rehovot, Israel)"; a stray closing one dropped: ")Python" → "Python"."""
    if part.count(")") > part.count("("):
        part = part.lstrip(")").strip()
    if part.count("(") > part.count(")"):
        part = part.rstrip("( ")
        part += ")" * (part.count("(") - part.count(")"))
    return part


def _split_at_employer(part: str) -> list[str]:
    """ "Mobile Developer in project KeepIn Ltd." → title, employer: "in" or "at" after a
    complete title, before a capitalised name."""
    lexicon = title_words()
    for match in _TITLE_AT.finditer(part):
        left, right = part[: match.start()], part[match.end() :]
        if (
            len(left.split()) >= 2
            and lexicon.title_score(left) >= 0.6
            and lexicon.title_score(right) < 0.6
        ):
            return [left, right]
    return [part]


def _split_brackets(part: str) -> list[str]:
    """ "Inetex (Rehovot, Israel)" → ["Inetex", "Rehovot, Israel"]; "Developer (Python)"
    stays whole (a bracket that qualifies the title)."""
    match = _PAREN.search(part)
    if match is None:
        return _split_commas(part)
    inside = match.group(1).strip()
    outside = (part[: match.start()] + part[match.end() :]).strip(" ,")
    if not inside:
        return _split_commas(outside)
    if place_names().is_place(inside):  # "Inetex (Rehovot, Israel)"
        return [*_split_commas(outside), inside]
    if re.search(r"\.\w{2,4}$", inside):  # "TINKOFF BANK (tinkoff.ru), Russia"
        pieces = _split_commas(outside)
        return [f"{pieces[0]} ({inside})", *pieces[1:]]
    return _split_commas(part)


def _split_commas(part: str) -> list[str]:
    """Split at a comma only where a place or an employer starts, or where the text before
    it is a title on its own: "Chief, Accounts Payable Branch" stays one title."""
    pieces = [p.strip() for p in re.split(r",(?![^()]*\))", part)]  # not inside brackets
    if len(pieces) == 1:
        return pieces
    places = place_names()
    lexicon = title_words()
    out = [pieces[0]]
    for piece in pieces[1:]:
        if not piece:
            continue
        if piece.casefold().strip(".") in LEGAL_SUFFIXES:  # "ABC Company, Inc."
            out[-1] = f"{out[-1]}, {piece}"
            continue
        starts_field = (
            places.is_place(piece)
            or company_score(piece) >= 0.8
            or placeholder_kind(piece) is not None
            or (  # "Deutsche Bahn, Data Analyst"
                lexicon.title_score(piece) >= 0.7
                and lexicon.ends_in_head(piece)
                and lexicon.title_score(out[-1]) < 0.45
            )
            or (
                len(out[-1].split()) >= 2
                and lexicon.title_score(out[-1]) >= 0.6
                and lexicon.title_score(piece) < 0.45
                and piece[:1].isupper()
            )
        )
        if starts_field:
            out.append(piece)
        else:
            out[-1] = f"{out[-1]}, {piece}"
    return _join_places(out, places)


def _join_places(pieces: list[str], places: PlaceNames) -> list[str]:
    """ "Mountain View", "CA", "USA" → "Mountain View, CA, USA"."""
    out: list[str] = []
    for piece in pieces:
        if out and places.is_place(out[-1]) and places.is_place(piece):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _tidy(piece: str) -> str:
    return " ".join(piece.replace(" ,", ",").split()).strip(" ,;:-–")


def _pick_title(pieces: list[_Piece]) -> _Piece | None:
    candidates = [
        p
        for p in pieces
        if p.placeholder is None and not p.place and p.title >= MIN_TITLE_SCORE and p.company < 0.7
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda p: p.title)


def _pick_company(rest: list[_Piece], title: _Piece | None) -> _Piece | None:
    choices = [p for p in rest if not p.place and len(p.text.split()) <= 8]
    if not choices:
        return None
    # Employer evidence first; then a piece on the title's own line, nearest first.
    line = title.row if title is not None else 0
    best = max(choices, key=lambda p: (p.company, -abs(p.row - line), -p.title))
    if best.company > 0 or title is not None:
        return best
    return None


def _highlights(body: list[Row]) -> list[str]:
    """Bullets (with their wrapped lines) become highlights; a paragraph becomes its
    sentences."""
    items: list[tuple[bool, str]] = []
    for row in body:
        text = row.line.text.replace(CELL, " ").strip()
        bullet = BULLET.match(text)
        if bullet or not items or (items[-1][1].endswith((".", ";", "!", "?")) and items[-1][0]):
            items.append((bool(bullet), BULLET.sub("", text) if bullet else text))
        else:
            was_bullet, previous = items[-1]
            joined = previous[:-1] + text if previous.endswith("-") else f"{previous} {text}"
            items[-1] = (was_bullet, joined)
    out: list[str] = []
    for was_bullet, item in items:
        out += [item] if was_bullet else _SENTENCES.split(item)
    return [i.strip() for i in out if i.strip()]
