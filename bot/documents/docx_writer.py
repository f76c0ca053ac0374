"""Formatted DOCX files from plain resume text (python-docx)."""

from __future__ import annotations

import io
import re

import docx
from docx.shared import Pt

_SECTION = re.compile(r"^[A-Z][A-Z &/]{2,40}$")


class DocxWriter:
    """The `DocumentWriter` port: headings, bullets and body text in a clean layout."""

    def resume_docx(self, text: str, heading: str) -> bytes:
        document = docx.Document()
        style = document.styles["Normal"]
        style.font.name = "Calibri"
        style.font.size = Pt(10.5)
        document.core_properties.title = heading[:200]
        lines = [line.rstrip() for line in text.splitlines()]
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        for n, line in enumerate(lines):
            stripped = line.strip()
            if not stripped:
                continue
            if n == first:
                document.add_heading(stripped, level=0)
            elif _SECTION.match(stripped):
                document.add_heading(stripped.title(), level=1)
            elif stripped.startswith(("•", "- ", "* ")):
                document.add_paragraph(stripped.lstrip("•-* ").strip(), style="List Bullet")
            elif " — " in stripped and len(stripped) < 160:
                run = document.add_paragraph().add_run(stripped)
                run.bold = True
            else:
                document.add_paragraph(stripped)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
