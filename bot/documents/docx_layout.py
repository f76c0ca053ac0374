"""A Word document's lines in reading order, with heading hints (python-docx's XML tree).

What a reader sees, in order: the page header (where many CVs put the name and contacts),
then the body — paragraphs, table rows (cells joined as cells of one line), text boxes
(read after the paragraph that anchors them; Word stores each box twice, as a drawing and as
a VML fallback, and only one copy is read) — then the footer. A tab or a run of spaces
becomes a cell break; a line break inside a paragraph starts a new line.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from domain.resumes import CELL, TextLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TEXTBOX = f"{_W}txbxContent"
_SKIPPED = {f"{_MC}Fallback", f"{_W}del", f"{_W}instrText"}  # VML twin, deletions, field codes


def docx_lines(data: bytes) -> list[TextLine]:
    """The lines of a DOCX file (already checked for ZIP bombs and DTDs)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    styles = _StyleHints(document)
    lines: list[TextLine] = []
    for section in document.sections[:1]:
        lines += _block_lines(section.header._element, styles)
    lines += _block_lines(document.element.body, styles)
    for section in document.sections[:1]:
        lines += _block_lines(section.footer._element, styles)
    return lines


def _block_lines(container: Any, styles: _StyleHints) -> list[TextLine]:
    lines: list[TextLine] = []
    for block in container.iterchildren():
        if block.tag == f"{_W}p":
            lines += _paragraph_lines(block, styles)
        elif block.tag == f"{_W}tbl":
            lines += _table_lines(block, styles)
        elif block.tag == f"{_W}sdt":  # content controls wrap ordinary blocks
            content = block.find(f"{_W}sdtContent")
            if content is not None:
                lines += _block_lines(content, styles)
    return lines


def _table_lines(table: Any, styles: _StyleHints) -> list[TextLine]:
    """A table row is one line of cells when each cell holds one line; a layout table
    (a two-column CV built as a table) has cells of many lines, read cell by cell."""
    lines: list[TextLine] = []
    for row in table.iterchildren(f"{_W}tr"):
        cells = [_block_lines(cell, styles) for cell in row.iterchildren(f"{_W}tc")]
        cells = [cell for cell in cells if cell]
        if cells and all(len(cell) == 1 for cell in cells):
            first = cells[0][0]
            text = CELL.join(cell[0].text for cell in cells)
            lines.append(TextLine(text, size=first.size, bold=first.bold))
        else:
            for cell in cells:
                lines += cell
    return lines


def _paragraph_lines(paragraph: Any, styles: _StyleHints) -> list[TextLine]:
    size, bold = styles.of_paragraph(paragraph)
    pieces: list[list[str]] = [[]]
    boxes: list[Any] = []
    bold_chars = total_chars = 0
    for node in _walk(paragraph):
        tag = node.tag
        if tag == _TEXTBOX:
            boxes.append(node)
        elif tag == f"{_W}t":
            text = node.text or ""
            pieces[-1].append(text)
            run_bold = styles.run_bold(node.getparent(), bold)
            total_chars += len(text.strip())
            bold_chars += len(text.strip()) if run_bold else 0
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            pieces[-1].append(CELL)
        elif tag in (f"{_W}br", f"{_W}cr"):
            pieces.append([])
        elif tag == f"{_W}noBreakHyphen":
            pieces[-1].append("-")
        elif tag == f"{_W}sym":
            pieces[-1].append(" ")
    is_bold = total_chars > 0 and bold_chars > 0.6 * total_chars
    lines = []
    for piece in pieces:
        text = _cells("".join(piece))
        if text:
            lines.append(TextLine(text, size=size, bold=is_bold))
    for box in boxes:
        lines += _block_lines(box, styles)
    return lines


def _walk(node: Any) -> Iterator[Any]:
    """The paragraph's descendants in document order, not entering text boxes (yielded
    themselves, to be read on their own) or skipped parts."""
    for child in node.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        yield child
        if tag != _TEXTBOX:
            yield from _walk(child)


def _cells(text: str) -> str:
    """Cells split at tabs and at runs of two or more spaces; whitespace inside collapsed."""
    cells = []
    for chunk in text.split(CELL):
        cells += [" ".join(part.split()) for part in chunk.split("  ")]
    return CELL.join(cell for cell in cells if cell)


class _StyleHints:
    """Font size and boldness of paragraphs and runs, following the style chain."""

    def __init__(self, document: Any) -> None:
        self._by_id: dict[str, tuple[float, bool]] = {}
        for style in document.styles:
            if getattr(style, "type", None) is None or not hasattr(style, "font"):
                continue
            self._by_id[style.style_id] = _style_font(style)
        default = self._by_id.get("Normal", (0.0, False))
        self._default = default

    def of_paragraph(self, paragraph: Any) -> tuple[float, bool]:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is None:
            return self._default
        return self._by_id.get(style.get(f"{_W}val") or "", self._default)

    def run_bold(self, run: Any, paragraph_bold: bool) -> bool:
        if run is None:
            return paragraph_bold
        flag = run.find(f"{_W}rPr/{_W}b")
        if flag is None:
            return paragraph_bold
        return (flag.get(f"{_W}val") or "true").casefold() not in ("0", "false", "off")


def _style_font(style: Any) -> tuple[float, bool]:
    size, bold = None, None
    current, depth = style, 0
    while current is not None and depth < 10 and (size is None or bold is None):
        font = current.font
        if size is None and font.size is not None:
            size = font.size.pt
        if bold is None and font.bold is not None:
            bold = bool(font.bold)
        current, depth = current.base_style, depth + 1
    return (float(size or 0.0), bool(bold))
