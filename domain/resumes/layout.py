"""A document's lines as a reader sees them: text in reading order with the layout hints that
tell a heading from a sentence and a right-aligned date from a title.

PDF and DOCX readers produce `TextLine`s; plain text (a TXT upload, or text stored before
layout was kept) becomes lines without hints. Cells of a row — table cells, text separated by
a wide gap, a tab stop — are joined with a tab, so the parser can tell "Accountant<TAB>2012"
from "Accountant 2012".
"""

from __future__ import annotations

from dataclasses import dataclass

CELL = "\t"


@dataclass(frozen=True, slots=True)
class TextLine:
    """One visual line. `size` is the font size in points (0 when unknown), `bold` whether
    most of its letters are bold, `indent` its left edge and `right_gap` the room between its
    right edge and the text column's right edge (both in points; 0 when unknown), `gap` the
    blank space above it in line heights (0 for the first line of a page or when unknown)."""

    text: str
    size: float = 0.0
    bold: bool = False
    indent: float = 0.0
    right_gap: float = 0.0
    gap: float = 0.0
    page: int = 0

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split(CELL) if cell.strip()]


def lines_from_text(text: str) -> list[TextLine]:
    """Plain text as lines without layout hints (tabs and runs of spaces become cells)."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells = [" ".join(part.split()) for part in _split_cells(raw)]
        cells = [cell for cell in cells if cell]
        if cells:
            lines.append(TextLine(CELL.join(cells)))
    return lines


def _split_cells(raw: str) -> list[str]:
    # A tab, or a run of spaces, separates cells in text exports of tables and layouts (and
    # is all that is left of a dash that a PDF-to-Word conversion lost: "2019  2021").
    parts: list[str] = []
    for chunk in raw.split(CELL):
        parts.extend(_split_wide_spaces(chunk))
    return parts


def _split_wide_spaces(chunk: str) -> list[str]:
    out, start, i = [], 0, 0
    while i < len(chunk):
        if chunk[i] == " ":
            j = i
            while j < len(chunk) and chunk[j] == " ":
                j += 1
            if j - i >= 2:
                out.append(chunk[start:i])
                start = j
            i = j
        else:
            i += 1
    out.append(chunk[start:])
    return out


def text_of(lines: list[TextLine]) -> str:
    """The plain text of lines (cells kept apart by tabs), as stored and shown."""
    return "\n".join(line.text for line in lines)
