"""Text extraction on real awkward PDFs and generated hostile files (in this process)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter

from bot.documents.extract import extract_text
from domain.file_types import FileType, sniff
from domain.resumes import (
    BrokenFile,
    EmptyDocument,
    EncryptedFile,
    NoTextLayer,
    ResumeLimits,
    ResumeRejected,
    TextTooLong,
    TooManyPages,
    UnsupportedFileType,
)
from tests.conftest import SHARED_DATA
from tests.hostile_files import (
    docx_billion_laughs,
    docx_paragraphs,
    docx_zip_bomb,
    pdf_with_flate_bomb,
)

LIMITS = ResumeLimits()
EDGE = SHARED_DATA / "edge_pdfs"


def extract(data: bytes, limits: ResumeLimits = LIMITS) -> str:
    return extract_text(data, sniff(data), limits).text


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("pypdf_r4-aes-user-password.pdf", EncryptedFile),
        ("pypdf_r6-user-password.pdf", EncryptedFile),
        ("pypdf_imagemagick-CCITTFaxDecode.pdf", NoTextLayer),
        ("pypdf_imagemagick-images.pdf", NoTextLayer),
    ],
)
def test_unreadable_edge_pdfs(name: str, error: type[ResumeRejected]) -> None:
    with pytest.raises(error):
        extract((EDGE / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pypdf_r2-empty-password.pdf", "pdf encryption test"),
        ("pypdf_crazyones.pdf", "crazy ones"),
        ("pypdf_issue-297.pdf", "test example"),  # broken xref, recovered
        ("pypdf_multilang.pdf", "Привет, мир"),
        ("pypdf_missing_info.pdf", "without /Info"),
        ("pypdf_Seige_of_Vicksburg_Sample_OCR.pdf", "Vicksburg"),
    ],
)
def test_readable_edge_pdfs(name: str, expected: str) -> None:
    assert expected in extract((EDGE / name).read_bytes())


def test_real_docx_job_description_reads_in_order() -> None:
    text = extract((SHARED_DATA / "job_descriptions" / "backend_developer.docx").read_bytes())
    assert (
        text.index("Backend") < text.index("Responsibilities")
        if "Responsibilities" in text
        else True
    )
    assert len(text.split()) > 300


def test_docx_table_rows_of_short_cells_are_lines_of_cells() -> None:
    from tests.hostile_files import docx_with_body

    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = f"<w:tbl><w:tr>{cell.format('Accountant')}{cell.format('2012 - 2015')}</w:tr></w:tbl>"
    assert extract(docx_with_body(table)).splitlines() == ["Accountant\t2012 - 2015"]


def test_docx_layout_tables_are_read_cell_by_cell() -> None:
    from tests.hostile_files import docx_with_body

    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    left, right = cell.format("Skills", "Python"), cell.format("Experience", "Analyst")
    table = f"<w:tbl><w:tr>{left}{right}</w:tr></w:tbl>"
    assert extract(docx_with_body(table)).splitlines() == [
        "Skills",
        "Python",
        "Experience",
        "Analyst",
    ]


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    with pytest.raises(BrokenFile, match="unpacks to more than"):
        extract(docx_zip_bomb())


def test_docx_with_dtd_is_refused() -> None:
    with pytest.raises(BrokenFile, match="DTD"):
        extract(docx_billion_laughs())


def test_pdf_flate_bomb_is_refused() -> None:
    with pytest.raises(BrokenFile):
        extract(pdf_with_flate_bomb())


def test_truncated_pdf_is_broken() -> None:
    data = (SHARED_DATA / "resumes" / "john_doe.pdf").read_bytes()
    with pytest.raises(BrokenFile):
        extract(data[: len(data) // 2])


def test_too_many_pages() -> None:
    writer = PdfWriter()
    for _ in range(25):
        writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(TooManyPages) as info:
        extract(buffer.getvalue())
    assert (info.value.pages, info.value.limit) == (25, 20)


def test_text_over_the_limit() -> None:
    with pytest.raises(TextTooLong):
        extract(b"word " * 30_000)
    with pytest.raises(TextTooLong):
        extract(docx_paragraphs(["word " * 1000] * 30))


def test_empty_and_blank_documents() -> None:
    with pytest.raises(EmptyDocument):
        extract(b"")
    with pytest.raises(EmptyDocument):
        extract(b" \n\t \n")
    with pytest.raises(EmptyDocument):
        extract(docx_paragraphs([]))


def test_only_readable_types_are_extracted() -> None:
    with pytest.raises(UnsupportedFileType):
        extract_text(b"\x89PNG\r\n\x1a\n", FileType.IMAGE, LIMITS)
