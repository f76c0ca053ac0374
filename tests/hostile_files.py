"""Generated hostile inputs: decompression bombs, DTDs, junk, truncation."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from functools import cache

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_body(body_xml: str, prolog: str = "") -> bytes:
    """A minimal valid DOCX whose document body is `body_xml`."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{_W}"><w:body>{body_xml}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def docx_paragraphs(lines: list[str]) -> bytes:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{_esc(line)}</w:t></w:r></w:p>' for line in lines
    )
    return docx_with_body(body)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_billion_laughs() -> bytes:
    """Entity expansion: a DOCX whose document.xml declares nested entities."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    return docx_with_body(
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog=f"<!DOCTYPE lolz [{entities}]>"
    )


@cache
def docx_zip_bomb(inflated_bytes: int = 2 * 1024**3) -> bytes:
    """A DOCX whose word/document.xml inflates to `inflated_bytes` (default 2 GiB).

    Built by hand in well under a second: one 16 MiB block is deflated once with a full
    flush (which makes its compressed form independent of what came before) and repeated.
    """
    head = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    block = b"A" * (16 * 1024 * 1024)
    repeats = max(1, (inflated_bytes - len(head) - len(tail)) // len(block))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    flushed = zlib.compressobj(9, zlib.DEFLATED, -15)
    repeated = flushed.compress(block) + flushed.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush(zlib.Z_FINISH)
    deflated = first + repeated * repeats + last
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + repeats * len(block) + len(tail)
    parts = [
        ("[Content_Types].xml", _DOCX_TYPES.encode()),
        ("_rels/.rels", _DOCX_RELS.encode()),
    ]
    entries = [(name, _deflate(data), zlib.crc32(data), len(data)) for name, data in parts]
    entries.append(("word/document.xml", deflated, crc, size))
    return _zip(entries)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP archive of already-deflated entries (name, deflated, crc32, inflated size)."""
    out = io.BytesIO()
    central = io.BytesIO()
    for name, deflated, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(deflated), size)
        out.write(b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded)
        out.write(deflated)
        central.write(
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fields
            + struct.pack("<HHHHHI", len(encoded), 0, 0, 0, 0, 0)
            + struct.pack("<I", offset)
            + encoded
        )
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(
        b"PK\x05\x06"
        + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(directory), start, 0)
    )
    return out.getvalue()


@cache
def pdf_with_flate_bomb(inflated_bytes: int = 256 * 1024 * 1024) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated_bytes` of drawing operators."""
    compressor = zlib.compressobj(9)
    pieces = [compressor.compress(b"BT /F1 12 Tf 72 720 Td (Hi) Tj ET\n")]
    chunk = b"0 0 m\n" * (1024 * 1024 // 6 + 1)
    for _ in range(inflated_bytes // len(chunk)):
        pieces.append(compressor.compress(chunk))
    pieces.append(compressor.flush())
    stream = b"".join(pieces)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()
