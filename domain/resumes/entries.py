"""Dated entries of a resume section: which lines head a position (or a school) and which
lines describe it.

Resumes write an entry's title, employer, place and dates in every order — dates before the
title or after it, on the title's line, on their own line, split over two or three lines
("July 2012" / "to" / "December 2013"), right-aligned in a cell — and then a description.
This module finds the date *anchors*, rejoins split ranges, tells header lines (short,
no sentence, at the entry's indent) from body lines (sentences, bullets, indented text),
and gives each anchor the header lines around it. Where a run of header lines sits between
two anchors with no description in between, the document's own habit decides whom it
belongs to: if its other entries put the title above the dates, the run opens the next
entry; if below, it closes the previous one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from domain.resumes.dates import MONTH, YEAR, DateRange, find_range, find_single, is_open_end
from domain.resumes.layout import CELL, TextLine
from domain.resumes.lexicon import title_words

BULLET = re.compile(r"^\s*(?:[•\-*–▪●◦►✓➢❖■□·➤→✔⦁]|o\s(?=[A-Z]))\s*")
_SEP_ONLY = re.compile(r"^\s*(?:[-–—‒~]+|to|till|until|through|thru)\s*$", re.IGNORECASE)
_DATE_ONLY = re.compile(
    rf"^\s*\(?\s*(?:{MONTH}[\s,]*)?{YEAR}(?:[\s,]*{MONTH})?\s*\)?\s*$|^\s*{MONTH}\s*$",
    re.IGNORECASE,
)
_ENDS_WITH_SEP = re.compile(r"(?:[-–—‒~]+|\bto|\btill|\buntil|\bthrough)\s*$", re.IGNORECASE)
_STARTS_WITH_SEP = re.compile(r"^\s*(?:[-–—‒~]+|to|till|until|through|thru)\s+", re.IGNORECASE)
_BARE_MONTH = re.compile(rf"^\s*(?P<month>{MONTH})(?=[\s{CELL}]|$)", re.IGNORECASE)
_BODY_LABEL = re.compile(
    r"^(?:responsibilit(?:y|ies)|duties|achievements?|main project|projects?|stack|tech(?:nologies"
    r"|nology)?(?: stack)?|tools|environment|technical environment|key results|summary"
    r"|description|tasks|clients?|skills|worked with|accomplishments|products?)\s*:",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?:]\s*$")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z][a-z]")
MAX_HEADER_WORDS = 14


@dataclass
class Row:
    """A line of a section with its dates cut out: `before` and `after` are the text on
    either side of the dates (the whole text when there are none)."""

    line: TextLine
    dates: DateRange | None = None
    before: str = ""
    after: str = ""
    body: bool = False
    glued: bool = False  # the second line of a range stacked over two lines

    @property
    def text(self) -> str:
        return " ".join(p for p in (self.before, self.after) if p).strip()


@dataclass
class Entry:
    """One dated entry: the anchor row (with the dates), the header rows above and below
    it, and the body rows that describe it."""

    anchor: Row
    above: list[Row] = field(default_factory=list)
    below: list[Row] = field(default_factory=list)
    body: list[Row] = field(default_factory=list)

    @property
    def header(self) -> list[Row]:
        return [*self.above, self.anchor, *self.below]


def join_split_ranges(lines: list[TextLine]) -> list[TextLine]:
    """Rejoin ranges written over several lines: "July 2012" / "to" / "December 2013",
    "07/2014 to" / "Current", "June 2022 –" / "Present", "September" / "2019"."""
    lines = _margin_ranges(lines)
    out: list[TextLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        third = lines[i + 2] if i + 2 < len(lines) else None
        text = line.text.strip()
        if (
            nxt is not None
            and third is not None
            and _DATE_ONLY.match(text)
            and _SEP_ONLY.match(nxt.text)
            and _starts_with_date_or_open(third.text)
        ):
            out.append(_merged(line, f"{text} to {third.text.strip()}"))
            i += 3
            continue
        if nxt is not None:
            following = nxt.text.strip()
            if (
                _DATE_ONLY.match(text)
                and _BARE_MONTH.fullmatch(text)
                and re.match(rf"^{YEAR}\b", following)
            ):  # "September" / "2019 …"
                out.append(_merged(nxt, f"{text} {following}"))
                i += 2
                continue
            if find_range(text) is None and (
                (_ends_with_date_and_sep(text) and _starts_with_date_or_open(following))
                or (
                    _DATE_ONLY.match(text)
                    and _STARTS_WITH_SEP.match(following)
                    and _starts_with_date_or_open(_STARTS_WITH_SEP.sub("", following))
                )
                or (
                    _DATE_ONLY.match(text)
                    and (_DATE_ONLY.match(following) or is_open_end(following))
                )
            ):
                joiner = (
                    " "
                    if _STARTS_WITH_SEP.match(following) or _ENDS_WITH_SEP.search(text)
                    else " - "
                )
                out.append(_merged(line, f"{text}{joiner}{following}"))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


_OPENING_DATE = re.compile(r"^(?P<date>.{4,20}?)\s*[-–—]\s+(?P<rest>\S.*)$")
_OPEN_WORD = re.compile(r"^(?P<end>present|current|now|today)\b\s*(?P<rest>.*)$", re.IGNORECASE)


def _margin_ranges(lines: list[TextLine]) -> list[TextLine]:
    """A date column beside the text: "2021 – Engineer, OpenAI" over "Present Leading a
    team…" is the range 2021 – Present, then the title, then the description."""
    out: list[TextLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        opening = _OPENING_DATE.match(line.text.strip())
        if nxt is not None and opening is not None and find_range(line.text) is None:
            start = find_single(opening.group("date"))
            end = _OPEN_WORD.match(nxt.text.strip())
            if start is not None and start.span == (0, len(opening.group("date"))) and end:
                out.append(
                    _merged(
                        line,
                        f"{opening.group('date')} – {end.group('end')} {opening.group('rest')}",
                    )
                )
                if end.group("rest"):
                    out.append(replace(nxt, text=end.group("rest")))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def _merged(line: TextLine, text: str) -> TextLine:
    return replace(line, text=text)


def _ends_with_date_and_sep(text: str) -> bool:
    match = _ENDS_WITH_SEP.search(text)
    if match is None:
        return False
    single = find_single(text[: match.start()].rstrip())
    return single is not None and single.span[1] >= match.start() - 2


def _starts_with_date_or_open(text: str) -> bool:
    text = text.strip()
    if is_open_end(text) or re.match(r"(?i)(present|current|now)\b", text):
        return True
    single = find_single(text)
    return single is not None and single.span[0] == 0


def rows_of(lines: list[TextLine], *, single_dates: bool) -> list[Row]:
    """Each line as a row, with its dates found and cut out. With `single_dates`, a lone
    date at the start or end of a short line counts as an entry's start ("Accountant
    03/2018"); two lines that each start with a date are one range ("2012, November …" /
    "2021, February …")."""
    rows: list[Row] = []
    for line in join_split_ranges(lines):
        text = line.text.strip()
        dates = find_range(text)
        if dates is None and single_dates and not BULLET.match(text):
            single = find_single(text)
            if single is not None and _at_edge(text, single) and _short(text):
                dates = DateRange(single.end, None, False, single.span)
        if dates is None:
            rows.append(Row(line, None, text, ""))
            continue
        before = text[: dates.span[0]].strip(" ,|•·—–-:" + CELL).removesuffix("(").rstrip()
        after = text[dates.span[1] :].lstrip(")").strip(" ,|•·—–-:" + CELL)
        rows.append(Row(line, dates, before, after))
    _stack_ranges(rows)
    _margin_years(rows)
    return rows


def _margin_years(rows: list[Row]) -> None:
    """ "2019 ⇥ Engineer @ Cogent" over "Embedded software / 2018 ⇥ 2019": a year in the
    margin labels the entry, the range on the next line dates it."""
    for upper, lower in itertools.pairwise(rows):
        if upper.dates is None or upper.dates.end is not None or upper.dates.current:
            continue
        if lower.dates is None or not (lower.dates.end or lower.dates.current) or upper.before:
            continue
        if title_words().ends_in_head(lower.text):
            continue  # the next line is an entry of its own
        upper.dates = replace(lower.dates, span=upper.dates.span)
        lower.dates = None
        lower.before, lower.after = lower.text, ""
        lower.glued = True


def _at_edge(text: str, found: DateRange) -> bool:
    start, end = found.span
    head, tail = text[:start].rstrip(" (" + CELL), text[end:].lstrip(" )" + CELL)
    return not head or not tail or CELL in text[max(start - 2, 0) : end + 2]


def _short(text: str) -> bool:
    return len(text.split()) <= MAX_HEADER_WORDS and not _SENTENCE_END.search(text)


def _stack_ranges(rows: list[Row]) -> None:
    """ "2012, November ⇥ TINKOFF BANK" over "2021, February Senior Developer": the lines'
    leading dates are one range's start and end. A bare month below ("December Web
    Developer") ends the range in the start's year."""
    for upper, lower in itertools.pairwise(rows):
        if upper.dates is None or upper.dates.end is not None or upper.dates.current:
            continue
        if upper.before or upper.glued:
            continue
        end: str | None = None
        current = False
        if lower.dates is not None and lower.dates.end is None and not lower.before:
            end, current = lower.dates.start, lower.dates.current
            lower.dates = None
            lower.before, lower.after = lower.after, ""
        elif lower.dates is None:
            month = _BARE_MONTH.match(lower.before)
            if month is not None and upper.dates.start:
                year = upper.dates.start[:4]
                iso = find_single(f"{month.group('month')} {year}")
                end = iso.end if iso else None
                lower.before = lower.before[month.end() :].strip(" ,:" + CELL)
            elif is_open_end(lower.before):
                current = True
                lower.before = ""
        if end is None and not current:
            continue
        upper.dates = DateRange(upper.dates.start, end, current, upper.dates.span)
        lower.glued = True


def mark_bodies(rows: list[Row]) -> None:
    """Body rows: bullets, sentences, labelled description lines ("Responsibilities:"),
    continuation lines (starting in lower case), and lines indented past the entries."""
    indents = [r.line.indent for r in rows if r.dates is not None]
    base = min(indents) if indents else 0.0
    has_layout = any(r.line.indent for r in rows)
    others = sorted(r.line.indent for r in rows if r.dates is None)
    body_indent = others[len(others) // 2] if others else base
    previous = ""
    for row in rows:
        text = row.line.text.strip()
        continued = previous.endswith((",", "(", "&", "/")) or _open(previous)
        previous = text
        indented = has_layout and row.line.indent > base + 12
        if row.dates is not None:
            # Dates inside a description (a project's "Tenure: 2012 – 2014") sit where the
            # description's text does, past the entries' own indent.
            row.body = indented and body_indent > base + 12 and row.line.indent >= body_indent - 2
            continue
        row.body = (
            indented
            or continued
            or bool(BULLET.match(text))
            or bool(_BODY_LABEL.match(text))
            or text[:1].islower()
            or not _short(text)
            or len(text) > 110
            or bool(_SENTENCE_INSIDE.search(text))
            or _starts_with_verb(text)
        )


def _open(text: str) -> bool:
    return text.count("(") > text.count(")")


def _starts_with_verb(text: str) -> bool:
    """ "Developed …", "Managing …": a description. (Titles that start so — "Certified
    Public Accountant", "Licensed Practical Nurse" — are made of title words.)"""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if not re.fullmatch(r"[A-Z][a-z]{2,}(?:ed|ing)", first) or len(text.split()) < 5:
        return False
    return title_words().word_weight(first.casefold()) < 0.5


def entries_of(rows: list[Row], anchors: list[int] | None = None) -> list[Entry]:
    """Group rows into entries around their anchors — the rows with dates, unless given
    (see the module docstring)."""
    if anchors is None:
        anchors = [i for i, r in enumerate(rows) if r.dates is not None and not r.body]
    if not anchors:
        return []
    up: dict[int, list[int]] = {}
    down: dict[int, list[int]] = {}
    anchor_set = set(anchors)
    for i in anchors:
        up[i] = _run(rows, i, -1, anchor_set)
        down[i] = _run(rows, i, +1, anchor_set)
    above_votes = below_votes = 0
    for k, i in enumerate(anchors):
        shared_up = k > 0 and _touching(down[anchors[k - 1]], up[i], anchors[k - 1], i)
        shared_down = k + 1 < len(anchors) and _touching(
            down[i], up[anchors[k + 1]], i, anchors[k + 1]
        )
        if up[i] and not shared_up:
            above_votes += 1
        if down[i] and not shared_down and not rows[down[i][0]].glued:
            below_votes += 1
    above = above_votes > below_votes
    owner: dict[int, int] = {}
    for k, i in enumerate(anchors):
        previous = anchors[k - 1] if k > 0 else None
        for j in up[i]:
            owner.setdefault(j, i)
        if previous is not None and _touching(down[previous], up[i], previous, i):
            shared = sorted(set(down[previous]) | set(up[i]))
            glued = [j for j in shared if rows[j].glued and j == previous + 1]
            rest = [j for j in shared if j not in glued]
            for j in glued:
                owner[j] = previous
            cut = _gap_cut(rows, rest)
            for j in rest:
                owner[j] = i if (above if cut is None else j >= cut) else previous
        for j in down[i]:
            owner.setdefault(j, i)
    entries = {i: Entry(rows[i]) for i in anchors}
    for j, i in sorted(owner.items()):
        (entries[i].above if j < i else entries[i].below).append(rows[j])
    current: Entry | None = None
    for j, row in enumerate(rows):
        if j in entries:
            current = entries[j]
        elif j not in owner and current is not None:
            current.body.append(row)
    return [entries[i] for i in anchors]


def _run(rows: list[Row], start: int, step: int, anchor_set: set[int]) -> list[int]:
    """Header rows next to the anchor at `start`, going up (-1) or down (+1), at most three."""
    out: list[int] = []
    j = start + step
    while 0 <= j < len(rows) and len(out) < 3:
        row = rows[j]
        if row.body or row.dates is not None or (j in anchor_set):
            break
        if step > 0 and row.line.gap > 0.9 and not row.glued and out:
            break
        out.append(j)
        if step < 0 and row.line.gap > 0.9:
            break  # a blank line above this one: the block starts here
        j += step
    return sorted(out)


def _touching(down: list[int], up: list[int], first: int, second: int) -> bool:
    """Do the header runs between two anchors meet (no body row between the anchors)?"""
    covered = set(down) | set(up)
    return bool(covered) and all(j in covered for j in range(first + 1, second))


def _gap_cut(rows: list[Row], shared: list[int]) -> int | None:
    """Where a blank line splits a shared run: the first row after the widest gap."""
    gaps = [(rows[j].line.gap, j) for j in shared if rows[j].line.gap > 0.9]
    return max(gaps)[1] if gaps else None
