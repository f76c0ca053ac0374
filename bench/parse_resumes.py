"""Benchmark: how long an uploaded resume takes to read, and how much memory it needs.

    python bench/parse_resumes.py [--rounds 3] [--data ../shared/data]

Every real resume in shared/data (the LiveCareer PDFs, the Word CVs, the Resume-Matcher
PDFs) goes through the upload path minus the database: `ResumeIntake.read` with the
production isolation (a forkserver child per file with the time and memory limits), the
offline parser and the job-ad check. Prints median and p95 wall time per file, by kind and
for 1–2 page PDFs, and the memory high-water mark of the parsing children and of this
process. Then the parser alone on hostile text (one 100k-character word, pages of years
and phone-like figures, a wall of title words): the time each takes.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import resource
import statistics
import time
from pathlib import Path

from bot.documents.isolated import IsolatedExtractor
from domain.clock import SystemClock
from domain.resumes import ResumeIntake, ResumeLimits, ResumeStructurer, parse_resume
from domain.taxonomy import bundled_taxonomy


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def files(data: Path) -> dict[str, list[Path]]:
    real = data / "resumes_real"
    return {
        "LiveCareer PDF": sorted((real / "livecareer").glob("*/*.pdf")),
        "Word CV (DOCX)": sorted((real / "vacancy_cvs").glob("*.docx")),
        "designed PDF": sorted((data / "resumes").glob("*.pdf")),
    }


async def run(data: Path, rounds: int) -> None:
    extractor = IsolatedExtractor(timeout_seconds=20, memory_mb=768, concurrency=1)
    structurer = ResumeStructurer(None, bundled_taxonomy())
    intake = ResumeIntake(None, None, extractor, structurer, SystemClock(), ResumeLimits())  # type: ignore[arg-type]
    groups = files(data)
    warm = groups["designed PDF"][0].read_bytes()
    await intake.read(None, warm)  # start the forkserver, load the lexicons
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.platform()}"
    )
    print(f"{'kind':24} {'files':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    short_pdfs: list[float] = []
    everything: list[float] = []
    for kind, paths in groups.items():
        times: list[float] = []
        for path in paths:
            raw = path.read_bytes()
            for _ in range(rounds):
                start = time.perf_counter()
                read = await intake.read(None, raw)
                elapsed = (time.perf_counter() - start) * 1000
                times.append(elapsed)
                if path.suffix == ".pdf" and (read.extracted.pages or 0) <= 2:
                    short_pdfs.append(elapsed)
        everything += times
        print(
            f"{kind:24} {len(paths):5} {statistics.median(times):10.1f} {p95(times):8.1f} "
            f"{max(times):8.1f}"
        )
    print(
        f"{'1-2 page PDFs':24} {'':5} {statistics.median(short_pdfs):10.1f} "
        f"{p95(short_pdfs):8.1f} {max(short_pdfs):8.1f}"
    )
    print(
        f"{'ALL FILES':24} {sum(map(len, groups.values())):5} "
        f"{statistics.median(everything):10.1f} {p95(everything):8.1f} {max(everything):8.1f}"
    )
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: parsing children {children:.0f} MB, bot process {me:.0f} MB")
    hostile()


HOSTILE = {
    "one 100k-character word": "a" * 100_000,
    "20k years": "2019 " * 20_000,
    "10k phone-like figures": "555-0100 " * 10_000,
    "10k title words": ("Manager " * 50 + "\n") * 200,
}


def hostile() -> None:
    taxonomy = bundled_taxonomy()
    today = SystemClock().now().date()
    print(f"{'hostile text':24} {'chars':>7} {'ms':>8}")
    for name, text in HOSTILE.items():
        start = time.perf_counter()
        parse_resume(text, taxonomy, today)
        print(f"{name:24} {len(text):7} {(time.perf_counter() - start) * 1000:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    asyncio.run(run(args.data, args.rounds))


if __name__ == "__main__":
    main()
