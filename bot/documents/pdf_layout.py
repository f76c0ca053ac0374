"""A PDF page's words, rebuilt into lines in reading order, with font hints (pypdfium2).

PDFs store glyphs with positions, in whatever order the producer wrote them. This module
asks PDFium for every glyph's box, size and weight, joins glyphs into words and words into
lines, finds a page-wide gutter (two-column layouts are read column by column), and marks
wide gaps inside a line as cell breaks. pypdfium2 was measured against pdfplumber on the
shared resumes: ~15× faster for the same glyph data (docs/benchmarks.md).
"""

from __future__ import annotations

import ctypes
import itertools
import statistics
from dataclasses import dataclass, field, replace

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from domain.resumes import CELL, TextLine

_SPACE = {" ", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\t"}
_BREAK = {"\r", "\n", "\ufffe", "\uffff"}
_HYPHENS = {0x02, 0xAD}  # PDFium's mark for a hyphen at a line break, the soft hyphen
MIN_COLUMN_SHARE = 0.4  # a gutter must hold for this share of a page's rows
_BIN = 3.0  # points: the resolution of the gutter search


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: int  # glyphs in a bold face
    glyphs: int

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass(slots=True)
class _Row:
    words: list[_Word] = field(default_factory=list)

    @property
    def top(self) -> float:
        return max(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return min(w.bottom for w in self.words)


def page_lines(page: pdfium.PdfPage, number: int) -> list[TextLine]:
    """The lines of one page in reading order."""
    textpage = page.get_textpage()
    try:
        words = _words(textpage)
    finally:
        textpage.close()
    if not words:
        return []
    rows = _rows(words)
    gutter = _gutter(rows)
    ordered = rows if gutter is None else _by_columns(rows, gutter)
    left = min(w.x0 for w in words)
    right = max(w.x1 for w in words)
    return _to_lines(ordered, left, right, number)


def _words(textpage: pdfium.PdfTextPage) -> list[_Word]:
    """Glyphs joined into words: same baseline, and no space between them.

    Many PDFs draw the space between two words as a shift of the text position, not as a
    space character, and glyph boxes overlap (an "f" reaches over its neighbour). So the gap
    after a glyph is measured from where the next one starts to where this one's advance
    ends, the advance learnt from how far that glyph moves the pen elsewhere on the page.
    """
    glyphs = _glyphs(textpage)
    advance = _natural_advances(glyphs)
    words: list[_Word] = []
    current: _Word | None = None
    previous: _Glyph | None = None
    for glyph in glyphs:
        if glyph.char is None:
            current = previous = None
            continue
        if current is not None and previous is not None and _same_word(previous, glyph, advance):
            current.text += glyph.char
            current.x1 = max(current.x1, glyph.x1)
            current.bottom = min(current.bottom, glyph.bottom)
            current.top = max(current.top, glyph.top)
            current.bold += glyph.bold
            current.glyphs += 1
        else:
            current = _Word(
                glyph.char,
                glyph.x0,
                glyph.x1,
                glyph.bottom,
                glyph.top,
                glyph.size,
                int(glyph.bold),
                1,
            )
            words.append(current)
        previous = glyph
    return words


@dataclass(slots=True)
class _Glyph:
    char: str | None  # None: a space or line break, which ends a word
    origin: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    top: float = 0.0
    size: float = 0.0
    bold: bool = False
    face: tuple[int, int, int] = (0, 0, 0)  # glyphs of one font share their advances


_BREAK_GLYPH = _Glyph(None)


def _glyphs(textpage: pdfium.PdfTextPage) -> list[_Glyph]:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    box = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    bold_by_weight: dict[int, bool] = {}
    glyphs: list[_Glyph] = []
    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in _HYPHENS and glyphs and glyphs[-1].char is not None:
            # A word hyphenated at the line's end ("Devel-" / "oping"): keep the hyphen, so
            # the reader of the lines can join the halves.
            last = glyphs[-1]
            glyphs.append(replace(last, char="-", origin=last.x1, x0=last.x1))
            continue
        char = chr(code) if 32 <= code < 0x110000 else ""
        if not char or char in _BREAK or char in _SPACE:
            glyphs.append(_BREAK_GLYPH)
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, box):
            continue
        pdfium_c.FPDFText_GetCharOrigin(raw, index, origin_x, origin_y)
        weight = pdfium_c.FPDFText_GetFontWeight(raw, index)
        bold = bold_by_weight.get(weight)
        if bold is None:
            pdfium_c.FPDFText_GetFontInfo(raw, index, name, 128, ctypes.byref(flags))
            font = name.value.decode("latin-1").casefold()
            bold = weight >= 600 or "bold" in font or "bx" in font or "black" in font
            bold_by_weight[weight] = bold
        height = box.top - box.bottom
        # PDFium reports no size or weight for some fonts: the glyph's height tells them apart.
        face = (weight, round(pdfium_c.FPDFText_GetFontSize(raw, index) * 10), round(height * 4))
        left = min(box.left, origin_x.value)
        glyphs.append(
            _Glyph(char, origin_x.value, left, box.right, box.bottom, box.top, height, bold, face)
        )
    return glyphs


def _natural_advances(glyphs: list[_Glyph]) -> dict[tuple[str, tuple[int, int, int]], float]:
    """How far each glyph (at each size) usually moves the pen: the lower quartile of the
    distances to the next glyph's origin, where the next glyph follows on the same line."""
    seen: dict[tuple[str, tuple[int, int, int]], list[float]] = {}
    for glyph, following in itertools.pairwise(glyphs):
        if glyph.char is None or following.char is None:
            continue
        step = following.origin - glyph.origin
        if 0 < step < 2 * glyph.size and abs(following.bottom - glyph.bottom) < 0.2 * glyph.size:
            seen.setdefault((glyph.char, glyph.face), []).append(step)
    return {key: sorted(steps)[len(steps) // 4] for key, steps in seen.items()}


def _same_word(
    previous: _Glyph, glyph: _Glyph, advance: dict[tuple[str, tuple[int, int, int]], float]
) -> bool:
    size = max(previous.size, glyph.size)
    middle = (glyph.bottom + glyph.top) / 2
    if abs(middle - (previous.bottom + previous.top) / 2) > 0.35 * size:
        return False
    natural = advance.get((previous.char or "", previous.face))
    end = previous.origin + natural if natural is not None else previous.x1
    return -0.5 * size < glyph.origin - end < 0.1 * size


def _rows(words: list[_Word]) -> list[_Row]:
    """Words on the same visual line, top to bottom, each row left to right."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: -w.middle):
        row = rows[-1] if rows else None
        if row is not None and _same_row(row, word):
            row.words.append(word)
        else:
            rows.append(_Row([word]))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
    return rows


def _same_row(row: _Row, word: _Word) -> bool:
    last = row.words[-1]
    overlap = min(last.top, word.top) - max(last.bottom, word.bottom)
    return overlap > 0.5 * min(last.height, word.height)


def _gutter(rows: list[_Row]) -> float | None:
    """An x position that no word crosses on most of the page's rows, with text on both
    sides of it on many of them: the gap between two columns."""
    if len(rows) < 8:
        return None
    left = min(w.x0 for r in rows for w in r.words)
    right = max(w.x1 for r in rows for w in r.words)
    width = right - left
    if width < 200:
        return None
    bins = int(width // _BIN) + 1
    covered = np.zeros((len(rows), bins), dtype=bool)
    spanned = np.zeros((len(rows), bins), dtype=bool)
    for i, row in enumerate(rows):
        for word in row.words:
            covered[i, _bin(word.x0 - 2, left) : _bin(word.x1 + 2, left) + 1] = True
        spanned[i, _bin(row.words[0].x0, left) : _bin(row.words[-1].x1, left) + 1] = True
    clear = (~covered).sum(axis=0)
    both = (spanned & ~covered).sum(axis=0)
    score = np.where(
        (clear >= MIN_COLUMN_SHARE * len(rows)) & (both >= 0.25 * len(rows)), clear + both, 0
    )
    lo, hi = int(0.2 * bins), int(0.8 * bins)
    if hi <= lo or score[lo:hi].max() == 0:
        return None
    return left + (lo + int(score[lo:hi].argmax())) * _BIN + _BIN / 2


def _bin(x: float, left: float) -> int:
    return max(int((x - left) // _BIN), 0)


def _by_columns(rows: list[_Row], gutter: float) -> list[_Row]:
    """Rows re-read column by column: full-width rows stay where they are, and each run of
    rows that the gutter splits is read as its left column, then its right column."""
    out: list[_Row] = []
    left_run: list[_Row] = []
    right_run: list[_Row] = []

    def flush() -> None:
        out.extend(left_run)
        out.extend(right_run)
        left_run.clear()
        right_run.clear()

    for row in rows:
        if any(w.x0 - 2 < gutter < w.x1 + 2 for w in row.words):
            flush()
            out.append(row)
            continue
        left = [w for w in row.words if w.x1 <= gutter]
        right = [w for w in row.words if w.x0 >= gutter]
        if left:
            left_run.append(_Row(left))
        if right:
            right_run.append(_Row(right))
    flush()
    return out


def _to_lines(rows: list[_Row], left: float, right: float, page: int) -> list[TextLine]:
    lines: list[TextLine] = []
    previous: _Row | None = None
    for row in rows:
        size = statistics.median(w.size for w in row.words)
        parts: list[str] = []
        for before, word in zip([None, *row.words[:-1]], row.words, strict=True):
            if before is not None:
                gap = word.x0 - before.x1
                parts.append(CELL if gap > 1.6 * size else " ")
            parts.append(word.text)
        glyphs = sum(w.glyphs for w in row.words)
        gap = 0.0
        if previous is not None and previous.bottom > row.top:
            gap = (previous.bottom - row.top) / max(size, 1.0)
        lines.append(
            TextLine(
                text="".join(parts),
                size=round(size, 1),
                bold=sum(w.bold for w in row.words) > 0.6 * glyphs,
                indent=round(row.words[0].x0 - left, 1),
                right_gap=round(right - row.words[-1].x1, 1),
                gap=round(gap, 2),
                page=page,
            )
        )
        previous = row
    return lines
