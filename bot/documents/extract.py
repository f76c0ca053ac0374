"""Text extraction from PDF, DOCX and TXT bytes. Runs inside the isolated child process.

The result is the document's lines in reading order with layout hints (`TextLine`), read
by `pdf_layout` (PDFium) and `docx_layout`, with mojibake repaired (ftfy). Every failure
is raised as a `ResumeRejected` subclass naming the reason. DOCX files are
checked before any XML is parsed: part count, total unpacked size and compression ratio
(ZIP bombs), and no DTD anywhere (entity expansion).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from typing import Any

import ftfy
import pypdfium2 as pdfium

from bot.documents.docx_layout import docx_lines
from bot.documents.pdf_layout import page_lines
from domain.file_types import FileType, decode_text
from domain.resumes import (
    CELL,
    BrokenFile,
    EmptyDocument,
    EncryptedFile,
    ExtractedText,
    NoTextLayer,
    ResumeLimits,
    TextLine,
    TextTooLong,
    TooManyPages,
    UnsupportedFileType,
    lines_from_text,
    text_of,
)

MAX_ZIP_PARTS = 1_000
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
MAX_PAGE_CONTENT_BYTES = 16 * 1024 * 1024  # a resume page's drawing operators: well under 1 MB
_STRAY = re.compile(r"Â(?=\s|$)|\ufffd")  # mojibake that ftfy cannot undo
_FULLWIDTH_DASH = "ï¼"  # "－" (U+FF0D) read as Windows-1252 with its last byte lost


def extract_text(data: bytes, file_type: FileType, limits: ResumeLimits) -> ExtractedText:
    """The text layer of `data`, read as `file_type` (decided earlier from its bytes)."""
    if file_type is FileType.PDF:
        return _pdf(data, limits)
    if file_type is FileType.DOCX:
        return _docx(data, limits)
    if file_type is FileType.TXT:
        return _txt(data, limits)
    raise UnsupportedFileType(file_type)


def _checked(lines: list[TextLine], pages: int | None, limits: ResumeLimits) -> ExtractedText:
    """Lines cleaned of mojibake ("Masterâ€™s" → "Master's") and checked against the limit."""
    fixed = []
    for line in lines:
        text = _clean(line.text)
        if text.strip(CELL + " "):
            fixed.append(replace(line, text=text) if text != line.text else line)
    extracted = ExtractedText.of_lines(fixed, pages)
    if len(extracted.text) > limits.max_chars:
        raise TextTooLong(limits.max_chars)
    if not extracted.text.strip():
        raise EmptyDocument()
    return extracted


def _clean(text: str) -> str:
    text = ftfy.fix_text(text.replace("\x00", ""), uncurl_quotes=False)
    return _STRAY.sub(" ", text.replace(_FULLWIDTH_DASH, "–")).strip()


def _pdf(data: bytes, limits: ResumeLimits) -> ExtractedText:
    """pypdf checks the file (encryption, page count, content streams inflated within its
    limits: a decompression bomb stops here); PDFium then reads the glyphs with positions."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        password = None
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED or not _empty_user_password(
                    reader
                ):
                    raise EncryptedFile()
            except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
                raise EncryptedFile() from exc
            password = ""
        pages = len(reader.pages)
        if pages > limits.max_pages:
            raise TooManyPages(pages, limits.max_pages)
        for page in reader.pages:
            contents = page.get_contents()
            if contents is not None and len(contents.get_data()) > MAX_PAGE_CONTENT_BYTES:
                raise BrokenFile("page content too large")
        lines = _pdf_lines(data, password, limits) + _link_lines(reader)
        if len("".join(text_of(lines).split())) < 100 and any(
            _has_images(page)
            for number, page in enumerate(reader.pages)
            if sum(len(line.text) for line in lines if line.page == number) < 50
        ):
            raise NoTextLayer()  # a scan: at most a stray caption in the text layer
    except (EncryptedFile, TooManyPages, TextTooLong, NoTextLayer, BrokenFile):
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise EncryptedFile() from exc
    except (
        PyPdfError,
        pdfium.PdfiumError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        OSError,
        RecursionError,
        ZeroDivisionError,
    ) as exc:
        raise BrokenFile(type(exc).__name__) from exc
    return _checked(lines, pages, limits)


def _link_lines(reader: Any) -> list[TextLine]:
    """Web links of the document's link annotations ("in" and "GitHub" icons often hide
    the profile URL there), one line each, after the text of the page they are on."""
    seen: dict[str, int] = {}
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = action.get("/URI")
            if isinstance(uri, str) and uri.startswith(("http://", "https://")):
                seen.setdefault(uri, number)
    return [TextLine(uri, page=number) for uri, number in seen.items()]


def _pdf_lines(data: bytes, password: str | None, limits: ResumeLimits) -> list[TextLine]:
    document = pdfium.PdfDocument(data, password=password)
    try:
        lines: list[TextLine] = []
        total = 0
        for number in range(len(document)):
            page = document[number]
            try:
                page_text = page_lines(page, number)
            finally:
                page.close()
            total += sum(len(line.text) for line in page_text)
            if total > limits.max_chars * 2:  # well past the limit even after clean-up
                raise TextTooLong(limits.max_chars)
            lines += page_text
        return lines
    finally:
        document.close()


def _empty_user_password(reader: object) -> bool:
    """Does the empty string open the document as its *reader* would?

    pypdf tries the owner password first, so a file with a real user password and an empty
    owner password also "decrypts" with "" — but its author asked readers for a password.
    pypdf has no public call for the user password alone; its algorithms are used directly.
    """
    from pypdf._encryption import AlgV4, AlgV5

    enc = reader._encryption  # type: ignore[attr-defined]
    if enc.V <= 4:
        key = AlgV4.verify_user_password(
            b"",
            enc.R,
            enc.Length,
            enc.values.O,
            enc.values.U,
            enc.P,
            enc.id1_entry,
            enc.EncryptMetadata,
        )
    else:
        key = AlgV5.verify_user_password(enc.R, b"", enc.values.U, enc.values.UE)
    return bool(key)


def _has_images(page: object) -> bool:
    try:
        resources = page["/Resources"]  # type: ignore[index]
        xobjects = resources.get("/XObject") or {}
        return any(xobjects[name].get("/Subtype") == "/Image" for name in xobjects)
    except Exception:  # a damaged resource dictionary: treat as no images
        return False


def _docx(data: bytes, limits: ResumeLimits) -> ExtractedText:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BrokenFile("not a valid ZIP container") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_PARTS:
            raise BrokenFile("too many parts")
        if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise BrokenFile("unpacks to more than 64 MB")
        for info in infos:
            if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise BrokenFile("suspicious compression ratio")
        try:
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        if _DTD.search(part.read(4096)):
                            raise BrokenFile("XML with a DTD is not accepted")
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise BrokenFile("damaged ZIP part") from exc
        pages = _docx_pages(archive)
    if pages is not None and pages > limits.max_pages:
        raise TooManyPages(pages, limits.max_pages)
    try:
        lines = docx_lines(data)
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise BrokenFile(type(exc).__name__) from exc
    return _checked(lines, pages, limits)


def _docx_pages(archive: zipfile.ZipFile) -> int | None:
    try:
        app = archive.read("docProps/app.xml")[:65536]
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    match = re.search(rb"<Pages>(\d+)</Pages>", app)
    return int(match.group(1)) if match else None


def _txt(data: bytes, limits: ResumeLimits) -> ExtractedText:
    text = decode_text(data)
    if text is None:
        raise UnsupportedFileType(FileType.UNKNOWN)
    if len(text) > limits.max_chars * 2:
        raise TextTooLong(limits.max_chars)
    return _checked(lines_from_text(text), None, limits)
