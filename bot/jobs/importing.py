"""`careerbot jobs import FILE` and `careerbot jobs sync`: records → jobs → the catalog,
with a progress bar, bad rows reported and skipped, good rows landing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from domain.jobs import (
    ImportReport,
    InvalidJobRecord,
    Job,
    JobCatalog,
    RecordProblem,
    job_from_record,
    read_records,
)
from domain.taxonomy import SkillTaxonomy

MAX_FILE_BYTES = 200 * 1024 * 1024
BATCH = 200
Progress = Callable[[int], None]


@dataclass
class ImportOutcome:
    """What an import did: counts, and every rejected row with its reason."""

    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RecordProblem] = field(default_factory=list)

    def add(self, report: ImportReport) -> None:
        self.inserted += report.inserted
        self.updated += report.updated
        self.unchanged += report.unchanged


def jobs_from_records(
    records: Iterable[tuple[int, Any]],
    source: str,
    taxonomy: SkillTaxonomy,
    outcome: ImportOutcome,
) -> Iterable[Job]:
    for number, record in records:
        outcome.read += 1
        if isinstance(record, InvalidJobRecord):
            outcome.problems.append(RecordProblem(number, str(record)))
            continue
        try:
            yield job_from_record(record, source, taxonomy)
        except InvalidJobRecord as exc:
            outcome.problems.append(RecordProblem(number, str(exc)))


async def import_jobs(
    jobs: Iterable[Job],
    catalog: JobCatalog,
    outcome: ImportOutcome,
    progress: Progress | None = None,
) -> ImportOutcome:
    batch: list[Job] = []

    async def flush() -> None:
        if batch:
            outcome.add(await catalog.import_jobs(batch))
            if progress is not None:
                progress(len(batch))
            batch.clear()

    for job in jobs:
        batch.append(job)
        if len(batch) >= BATCH:
            await flush()
    await flush()
    return outcome


def _read(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidJobRecord(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
    return path.read_text(encoding="utf-8-sig", errors="replace")


async def import_file(
    path: Path,
    catalog: JobCatalog,
    taxonomy: SkillTaxonomy,
    progress: Progress | None = None,
    source: str | None = None,
) -> ImportOutcome:
    """Import a JSON, JSON Lines or CSV file (see domain/job_import.py for the columns)."""
    text = await asyncio.to_thread(_read, path)
    outcome = ImportOutcome()
    records = read_records(text, path.name)
    jobs = jobs_from_records(records, source or f"file:{path.stem}", taxonomy, outcome)
    return await import_jobs(jobs, catalog, outcome, progress)
