"""The PDF and DOCX readers: lines in reading order with their layout hints."""

from __future__ import annotations

from bot.documents.docx_layout import docx_lines
from bot.documents.extract import extract_text
from domain.file_types import sniff
from domain.resumes import CELL, ResumeLimits, TextLine
from tests.conftest import SHARED_DATA
from tests.hostile_files import docx_with_body

LIVECAREER = SHARED_DATA / "resumes_real" / "livecareer" / "ACCOUNTANT" / "10554236.pdf"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def pdf_lines(path: str) -> list[TextLine]:
    data = (SHARED_DATA / path).read_bytes()
    return list(extract_text(data, sniff(data), ResumeLimits()).lines)


def texts(lines: list[TextLine]) -> list[str]:
    return [line.text for line in lines]


def test_words_are_spaced_by_pen_advance_not_by_overlapping_boxes() -> None:
    lines = texts(pdf_lines(str(LIVECAREER.relative_to(SHARED_DATA))))
    assert "Company Name July 2008 to April 2010 Staff Accountant" in lines  # "ff" overhangs
    assert "Company Name July 2011 to November 2012 Accountant" in lines  # a date on one line


def test_a_two_column_table_row_keeps_its_cells_apart() -> None:
    lines = texts(pdf_lines(str(LIVECAREER.relative_to(SHARED_DATA))))
    assert f"Results-oriented{CELL}Accounting operations professional" in lines


def test_a_two_column_page_is_read_column_by_column() -> None:
    lines = texts(pdf_lines("resumes/template_two-column.pdf"))
    assert lines[0] == "JOHN DOE"
    experience, education = lines.index("EXPERIENCE"), lines.index("EDUCATION")
    assert experience < education  # the side column follows the main one, not interleaved
    assert lines[education + 1] == "UC Berkeley | 2019"
    assert f"Senior Software Engineer{CELL}Jan 2023 - Present" in lines  # right-aligned date


def test_headings_are_marked_by_size_and_weight() -> None:
    lines = pdf_lines("resumes/template_two-column.pdf")
    name, heading, body = lines[0], lines[3], lines[4]
    assert name.size > heading.size > body.size
    assert heading.bold
    assert not body.bold


def test_a_hyphen_at_a_line_break_is_kept_for_the_parser() -> None:
    lines = texts(pdf_lines("resumes/alfred_pennyworth_pm.pdf"))
    assert any(line.endswith("Devel-") for line in lines)


def test_link_annotations_become_lines() -> None:
    lines = texts(pdf_lines("resumes/alfred_pennyworth_pm.pdf"))
    assert "https://www.linkedin.com/in/apennyworth" in lines


def test_docx_tabs_and_runs_of_spaces_are_cells_and_breaks_are_lines() -> None:
    body = (
        "<w:p><w:r><w:t>Accountant</w:t><w:tab/><w:t>2012 - 2015</w:t><w:br/>"
        '<w:t xml:space="preserve">2019  2021 Analyst</w:t></w:r></w:p>'
    )
    assert texts(docx_lines(docx_with_body(body))) == [
        f"Accountant{CELL}2012 - 2015",
        f"2019{CELL}2021 Analyst",
    ]


def test_docx_text_boxes_are_read_once() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p></w:txbxContent>"
    body = (
        f'<w:p><w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps">'
        f"<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Anchor text</w:t></w:r></w:p>"
    )
    assert texts(docx_lines(docx_with_body(body))) == ["Anchor text", "Jane Doe"]


def test_docx_bold_runs_mark_a_heading() -> None:
    body = (
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>EXPERIENCE</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Analyst at Acme</w:t></w:r></w:p>"
    )
    heading, line = docx_lines(docx_with_body(body))
    assert heading.bold
    assert not line.bold
