"""What a file really is, decided from its bytes (never from its name or claimed MIME type)."""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum


class FileType(StrEnum):
    """Kinds of upload CareerBot recognises. Only PDF, DOCX and TXT are read."""

    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"
    LEGACY_DOC = "doc"
    RTF = "rtf"
    ODT = "odt"
    SPREADSHEET = "spreadsheet"
    PRESENTATION = "presentation"
    IMAGE = "image"
    ARCHIVE = "archive"
    UNKNOWN = "unknown"

    @property
    def readable(self) -> bool:
        return self in (FileType.PDF, FileType.DOCX, FileType.TXT)


_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
)


def sniff(data: bytes) -> FileType:
    """Identify `data` by its magic numbers (and, for ZIP containers, by their parts)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return FileType.PDF
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return FileType.LEGACY_DOC
    if data.startswith(b"{\\rtf"):
        return FileType.RTF
    if (
        data.startswith(_IMAGE_MAGIC)
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or (data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"))
    ):
        return FileType.IMAGE
    if data.startswith((b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")):
        return FileType.ARCHIVE
    if looks_like_text(data):
        return FileType.TXT
    return FileType.UNKNOWN


def _sniff_zip(data: bytes) -> FileType:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return FileType.ARCHIVE
    if "word/document.xml" in names:
        return FileType.DOCX
    if b"opendocument.text" in mimetype:
        return FileType.ODT
    if any(n.startswith("xl/") for n in names) or b"spreadsheet" in mimetype:
        return FileType.SPREADSHEET
    if any(n.startswith("ppt/") for n in names) or b"presentation" in mimetype:
        return FileType.PRESENTATION
    return FileType.ARCHIVE


def decode_text(data: bytes) -> str | None:
    """Decode plain text (UTF-8/UTF-16 with BOM, UTF-8, or Windows-1252); None if binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _printable(data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _printable(data.decode("utf-16", errors="replace"))
    if b"\x00" in data[:8192]:
        return None
    try:
        return _printable(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _printable(data.decode("cp1252", errors="replace"))


def _printable(text: str) -> str | None:
    sample = text[:8192]
    if not sample:
        return text
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f") + sample.count("\ufffd")
    return text if control / len(sample) < 0.02 else None


def looks_like_text(data: bytes) -> bool:
    return decode_text(data[:65536]) is not None
