"""Text extraction from PDF, DOCX and TXT bytes. Runs inside the isolated child process.

Every failure is raised as a `ResumeRejected` subclass naming the reason. DOCX files are
checked before any XML is parsed: part count, total unpacked size and compression ratio
(ZIP bombs), and no DTD anywhere (entity expansion).
"""

from __future__ import annotations

import io
import re
import zipfile

from domain.file_types import FileType, decode_text
from domain.resume_errors import (
    BrokenFile,
    EmptyDocument,
    EncryptedFile,
    NoTextLayer,
    TextTooLong,
    TooManyPages,
    UnsupportedFileType,
)
from domain.resumes import ExtractedText, ResumeLimits

MAX_ZIP_PARTS = 1_000
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def extract_text(data: bytes, file_type: FileType, limits: ResumeLimits) -> ExtractedText:
    """The text layer of `data`, read as `file_type` (decided earlier from its bytes)."""
    if file_type is FileType.PDF:
        return _pdf(data, limits)
    if file_type is FileType.DOCX:
        return _docx(data, limits)
    if file_type is FileType.TXT:
        return _txt(data, limits)
    raise UnsupportedFileType(file_type)


def _checked(text: str, limits: ResumeLimits) -> str:
    text = text.replace("\x00", "")
    if len(text) > limits.max_chars:
        raise TextTooLong(limits.max_chars)
    return text


def _pdf(data: bytes, limits: ResumeLimits) -> ExtractedText:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED or not _empty_user_password(
                    reader
                ):
                    raise EncryptedFile()
            except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
                raise EncryptedFile() from exc
        pages = len(reader.pages)
        if pages > limits.max_pages:
            raise TooManyPages(pages, limits.max_pages)
        texts: list[str] = []
        total = 0
        has_images = False
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > limits.max_chars * 2:  # well past the limit even after clean-up
                raise TextTooLong(limits.max_chars)
            texts.append(text)
            if len(text.strip()) < 50:
                has_images = has_images or _has_images(page)
    except (EncryptedFile, TooManyPages, TextTooLong):
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise EncryptedFile() from exc
    except (
        PyPdfError,
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
    full = "\n".join(texts)
    if len("".join(full.split())) < 100 and has_images:
        raise NoTextLayer()  # a scan: at most a stray caption in the text layer
    if not full.strip():
        raise EmptyDocument()
    return ExtractedText(text=_checked(full, limits), pages=pages)


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
    text = _docx_text(data)
    if not text.strip():
        raise EmptyDocument()
    return ExtractedText(text=_checked(text, limits), pages=pages)


def _docx_pages(archive: zipfile.ZipFile) -> int | None:
    try:
        app = archive.read("docProps/app.xml")[:65536]
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    match = re.search(rb"<Pages>(\d+)</Pages>", app)
    return int(match.group(1)) if match else None


def _docx_text(data: bytes) -> str:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise BrokenFile(type(exc).__name__) from exc
    lines: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append(_paragraph_text(block))
        elif block.tag == qn("w:tbl"):
            # Layout tables (two-column resumes): read row by row, cell by cell.
            for cell_paragraph in block.iter(qn("w:p")):
                lines.append(_paragraph_text(cell_paragraph))
    return "\n".join(line for line in lines if line.strip())


def _paragraph_text(paragraph: object) -> str:
    from docx.oxml.ns import qn

    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):  # type: ignore[attr-defined]
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            parts.append(" " if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _txt(data: bytes, limits: ResumeLimits) -> ExtractedText:
    text = decode_text(data)
    if text is None:
        raise UnsupportedFileType(FileType.UNKNOWN)
    if not text.strip():
        raise EmptyDocument()
    return ExtractedText(text=_checked(text, limits), pages=None)
