"""The isolated extractor: real child processes, timeouts and memory limits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot.documents.isolated import IsolatedExtractor
from domain.file_types import FileType
from domain.resumes import (
    BrokenFile,
    EncryptedFile,
    ExtractedText,
    ParsingTimedOut,
    ParsingTooExpensive,
    ResumeLimits,
)
from tests.conftest import SHARED_DATA
from tests.hostile_files import docx_zip_bomb, pdf_with_flate_bomb

LIMITS = ResumeLimits()
RESUME = (SHARED_DATA / "resumes" / "bruce_wayne_fullstack.pdf").read_bytes()
SLOW = (SHARED_DATA / "edge_pdfs" / "pypdf_Seige_of_Vicksburg_Sample_OCR.pdf").read_bytes()


async def test_reads_a_resume_in_a_child_process() -> None:
    extracted = await IsolatedExtractor(30, 768).extract(RESUME, FileType.PDF, LIMITS)
    assert extracted.pages == 2
    assert "Bruce Wayne" in extracted.text


async def test_named_errors_cross_the_process_boundary() -> None:
    encrypted = (SHARED_DATA / "edge_pdfs" / "pypdf_r4-aes-user-password.pdf").read_bytes()
    with pytest.raises(EncryptedFile):
        await IsolatedExtractor(30, 768).extract(encrypted, FileType.PDF, LIMITS)


async def test_timeout_kills_the_child_and_the_next_file_still_works() -> None:
    extractor = IsolatedExtractor(timeout_seconds=0.05, memory_mb=768)
    with pytest.raises(ParsingTimedOut) as info:
        await extractor.extract(SLOW, FileType.PDF, LIMITS)
    assert info.value.seconds == 0.05
    extractor.timeout_seconds = 30
    assert "Bruce Wayne" in (await extractor.extract(RESUME, FileType.PDF, LIMITS)).text


async def test_memory_limit_stops_a_greedy_parse() -> None:
    # pypdf would stop inflating this stream at its own 75 MB limit; with 64 MB of address
    # space the child runs out first, which is what protects us from what pypdf misses.
    extractor = IsolatedExtractor(timeout_seconds=30, memory_mb=64)
    with pytest.raises(ParsingTooExpensive):
        await extractor.extract(pdf_with_flate_bomb(), FileType.PDF, LIMITS)
    extractor.memory_bytes = 768 * 1024 * 1024
    assert "Bruce Wayne" in (await extractor.extract(RESUME, FileType.PDF, LIMITS)).text


@pytest.mark.parametrize("bomb", [pdf_with_flate_bomb, docx_zip_bomb])
async def test_bombs_cost_one_failed_upload(bomb: Callable[[], bytes]) -> None:
    extractor = IsolatedExtractor(timeout_seconds=30, memory_mb=768)
    data = bomb()
    kind = FileType.PDF if data.startswith(b"%PDF") else FileType.DOCX
    results = await asyncio.gather(
        extractor.extract(data, kind, LIMITS),
        extractor.extract(RESUME, FileType.PDF, LIMITS),
        return_exceptions=True,
    )
    assert isinstance(results[0], BrokenFile | ParsingTooExpensive | ParsingTimedOut)
    assert isinstance(results[1], ExtractedText)
    assert "Bruce Wayne" in results[1].text
