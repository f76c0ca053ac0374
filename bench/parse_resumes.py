"""Benchmark: how long reading an uploaded resume takes, and how much memory it needs.

    python bench/parse_resumes.py [--rounds 5] [--data ../shared/data]

For every PDF and DOCX in shared/data/resumes and shared/data/job_descriptions, runs the
whole upload path minus the database: the isolated extractor (a forkserver child with the
production limits) and the offline parser. Prints per-file median and p95 wall time and the
memory high-water mark of the parsing children and of this process.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import resource
import statistics
import time
from datetime import date
from pathlib import Path

from bot.documents.isolated import IsolatedExtractor
from domain.file_types import sniff
from domain.resumes import ResumeLimits, parse_resume
from domain.skills import bundled_taxonomy


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def run(data_dir: Path, rounds: int) -> None:
    extractor = IsolatedExtractor(timeout_seconds=20, memory_mb=768, concurrency=1)
    taxonomy = bundled_taxonomy()
    files = sorted((data_dir / "resumes").glob("*.pdf")) + sorted(
        (data_dir / "job_descriptions").glob("*.*")
    )
    await extractor.extract(files[0].read_bytes(), sniff(files[0].read_bytes()), ResumeLimits())
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.platform()}"
    )
    print(f"{'file':42} {'median ms':>10} {'p95 ms':>8}")
    all_times: list[float] = []
    for path in files:
        data = path.read_bytes()
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            extracted = await extractor.extract(data, sniff(data), ResumeLimits())
            parse_resume(extracted.text, taxonomy, date.today())
            times.append((time.perf_counter() - start) * 1000)
        all_times += times
        print(f"{path.name:42} {statistics.median(times):10.1f} {p95(times):8.1f}")
    print(f"{'ALL FILES':42} {statistics.median(all_times):10.1f} {p95(all_times):8.1f}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: parsing children {children:.0f} MB, bot process {me:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    asyncio.run(run(args.data, args.rounds))


if __name__ == "__main__":
    main()
