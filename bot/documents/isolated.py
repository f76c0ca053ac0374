"""Runs text extraction in a child process with a wall-clock timeout and a memory limit.

A decompression bomb, an endless PDF or a ZIP bomb inside a DOCX costs one failed upload:
the child is killed (time) or fails to allocate (memory), and the bot carries on. Children
are forked from a `forkserver` that has the parsing libraries preloaded, so starting one
takes milliseconds, and a semaphore bounds how many run at once.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import resource
from multiprocessing.connection import Connection

from bot.documents.extract import extract_text
from domain.file_types import FileType
from domain.resumes import (
    BrokenFile,
    ExtractedText,
    ParsingTimedOut,
    ParsingTooExpensive,
    ResumeLimits,
    ResumeRejected,
)

# Every child re-imports the parent's main module (multiprocessing does, for pickling), and
# `careerbot`'s main imports the whole bot: preloading it in the server makes that a no-op
# (measured: 650 ms → 12 ms per child; docs/benchmarks.md).
_PRELOAD = [
    "bot.cli",
    "bot.documents.extract",
    "pypdf",
    "pypdfium2",
    "ftfy",
    "numpy",
    "docx",
    "lxml.etree",
]


def _child(
    conn: Connection, data: bytes, file_type: FileType, limits: ResumeLimits, memory_bytes: int
) -> None:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported, not logged
    try:
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        outcome: tuple[str, object] = ("ok", extract_text(data, file_type, limits))
    except ResumeRejected as exc:
        outcome = ("rejected", exc)
    except MemoryError:
        outcome = ("memory", None)
    except BaseException as exc:  # the child reports everything; the parent decides
        outcome = ("broken", type(exc).__name__)
    try:
        conn.send(outcome)
    except (MemoryError, OSError):
        pass
    finally:
        conn.close()


class IsolatedExtractor:
    """The `TextExtractor` the bot uses: every file is read in its own child process."""

    def __init__(self, timeout_seconds: float, memory_mb: int, concurrency: int = 2) -> None:
        self.timeout_seconds = timeout_seconds
        self.memory_bytes = memory_mb * 1024 * 1024
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(_PRELOAD)
        self._slots = asyncio.Semaphore(concurrency)

    async def extract(
        self, data: bytes, file_type: FileType, limits: ResumeLimits
    ) -> ExtractedText:
        async with self._slots:
            return await asyncio.to_thread(self._run, data, file_type, limits)

    def _run(self, data: bytes, file_type: FileType, limits: ResumeLimits) -> ExtractedText:
        receiver, sender = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_child,
            args=(sender, data, file_type, limits, self.memory_bytes),
            daemon=True,
        )
        process.start()
        sender.close()
        try:
            if not receiver.poll(self.timeout_seconds):
                raise ParsingTimedOut(self.timeout_seconds)
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                raise ParsingTooExpensive() from None  # killed, most likely out of memory
        finally:
            if process.is_alive():
                process.kill()
            process.join(5)
            receiver.close()
        if kind == "ok":
            assert isinstance(payload, ExtractedText)
            return payload
        if kind == "rejected":
            assert isinstance(payload, ResumeRejected)
            raise payload
        if kind == "memory":
            raise ParsingTooExpensive()
        raise BrokenFile(str(payload))
