"""Deciding a file's type from its bytes."""

from __future__ import annotations

import io
import zipfile

import pytest

from domain.file_types import FileType, decode_text, sniff
from tests.hostile_files import docx_paragraphs


def zipped(name: str, content: bytes = b"x") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", FileType.PDF),
        (b"\xef\xbb\xbfjunk before header %PDF-1.4", FileType.PDF),
        (docx_paragraphs(["Ann Example"]), FileType.DOCX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, FileType.LEGACY_DOC),
        (b"{\\rtf1\\ansi hello}", FileType.RTF),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, FileType.IMAGE),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, FileType.IMAGE),
        (zipped("xl/workbook.xml"), FileType.SPREADSHEET),
        (zipped("ppt/presentation.xml"), FileType.PRESENTATION),
        (zipped("mimetype", b"application/vnd.oasis.opendocument.text"), FileType.ODT),
        (zipped("notes.txt"), FileType.ARCHIVE),
        (b"PK\x03\x04 truncated zip", FileType.ARCHIVE),
        (b"Ann Example\nData Analyst\n", FileType.TXT),
        ("Zoë Ångström — Ingénieure".encode(), FileType.TXT),
        ("Zoë".encode("utf-16"), FileType.TXT),
        (bytes(range(256)) * 10, FileType.UNKNOWN),
        (b"", FileType.TXT),
    ],
)
def test_sniff(data: bytes, expected: FileType) -> None:
    assert sniff(data) is expected


def test_only_pdf_docx_txt_are_readable() -> None:
    assert {t for t in FileType if t.readable} == {FileType.PDF, FileType.DOCX, FileType.TXT}


def test_decode_text_falls_back_to_cp1252_and_rejects_binary() -> None:
    assert decode_text("café".encode("cp1252")) == "café"
    assert decode_text(b"\x00\x01\x02binary") is None
