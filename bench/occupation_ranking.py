"""Benchmark: real resumes ranked against the 1,016 O*NET occupations imported as jobs.

    python bench/occupation_ranking.py [--data ../shared/data] [--embedder minilm|none]

The whole product path: a fresh SQLite database, the occupations imported with
`JobCatalog.import_jobs` (title, the O*NET description, company "O*NET"), each resume
uploaded as a chat upload does (answering "it is my resume" if asked), then `/matches`'s
first page of five (`JobMatcher.matches`). A top-5 job is relevant when its O*NET code lies
in the resume's occupation group (below, by resume category). The baseline, in the same
run: TF-IDF of the resume's extracted text against each occupation's title and
description.

Resumes: the 166 distinct texts of `resumes_text/` (25 categories), every second
LiveCareer PDF (ACCOUNTANT, ENGINEERING) and the 35 Word CVs of software developers.
Printed: per set and overall, the share of the top 5 in the right group ("P@5"), whether
the first result is in it ("top-1"), and NDCG@5 with binary relevance.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import math
import re
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bot.app import open_app
from bot.config import load_config
from domain.jobs import ProfileTooThin, job_from_record
from domain.jobs.ranking import WEIGHTS
from domain.resumes import ResumeRejected
from domain.taxonomy import bundled_taxonomy
from handlers.chat.services import Services

ROOT = Path(__file__).resolve().parent.parent
# Each category's occupation group: O*NET code prefixes (SOC major, minor or detailed).
COMPUTING = ("15-12", "15-2051", "11-3021")
ENGINEERS = ("17-2", "17-3", "11-9041")
GROUPS: dict[str, tuple[str, ...]] = {
    "Java Developer": COMPUTING,
    "Python Developer": COMPUTING,
    "DotNet Developer": COMPUTING,
    "SAP Developer": COMPUTING,
    "Blockchain": COMPUTING,
    "ETL Developer": COMPUTING,
    "Hadoop": COMPUTING,
    "Database": COMPUTING,
    "Data Science": (*COMPUTING, "15-2041", "15-2031"),
    "Testing": COMPUTING,
    "Automation Testing": COMPUTING,
    "DevOps Engineer": COMPUTING,
    "Network Security Engineer": COMPUTING,
    "Web Designing": (*COMPUTING, "27-1024", "27-1021"),
    "HR": ("11-3111", "11-3121", "11-3131", "13-1071", "13-1075", "13-1141", "13-1151",
           "43-4161"),
    "Sales": ("41-", "11-2021", "11-2022", "13-1161"),
    "Mechanical Engineer": ENGINEERS,
    "Electrical Engineering": (*ENGINEERS, "49-2", "47-2111"),
    "Civil Engineer": (*ENGINEERS, "11-9021"),
    "Operations Manager": ("11-1021", "11-3", "13-1081", "13-1082", "11-9199"),
    "PMO": ("13-1082", "11-3021", "11-1021", "13-1111", "15-1299", "11-9199"),
    "Business Analyst": ("13-1111", "15-1211", "13-1161", "15-2031", "13-2051", "13-1199"),
    "Arts": ("27-", "25-1121", "25-2", "25-3", "25-9", "39-9"),
    "Health and fitness": ("39-9031", "29-", "27-2022", "27-2023", "25-1193", "21-1091",
                           "21-1094"),
    "Advocate": ("23-",),
    "ACCOUNTANT": ("13-2", "43-3", "11-3031"),
    "ENGINEERING": (*ENGINEERS, "15-12", "11-3021", "11-3051"),
    "Software developer (Word CV)": COMPUTING,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Upload:
    set_name: str
    category: str
    file_name: str
    data: bytes


def uploads(data: Path) -> list[Upload]:
    found: list[Upload] = []
    seen: set[str] = set()
    with (data / "resumes_text" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = row["Resume"].strip()
            if text in seen:
                continue
            seen.add(text)
            found.append(Upload("resumes_text", row["Category"], "resume.txt", text.encode()))
    for category in ("ACCOUNTANT", "ENGINEERING"):
        files = sorted((data / "resumes_real" / "livecareer" / category).glob("*.pdf"))
        for path in files[::2]:
            found.append(Upload("livecareer", category, path.name, path.read_bytes()))
    for path in sorted((data / "resumes_real" / "vacancy_cvs").glob("*.docx")):
        found.append(
            Upload("vacancy_cvs", "Software developer (Word CV)", path.name, path.read_bytes())
        )
    return found


def occupation_records(data: Path) -> list[dict[str, str]]:
    with (data / "taxonomy" / "onet" / "occupation_data.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [
        {
            "id": row["O*NET-SOC Code"],
            "title": row["Title"],
            "company": "O*NET",
            "description": row["Description"],
        }
        for row in rows
    ]


_TOKEN = re.compile(r"[a-z0-9+#]+")


def tfidf_top(queries: list[str], documents: list[str], k: int) -> list[list[int]]:
    """The k best documents per query by TF-IDF cosine (sublinear tf, smoothed idf)."""
    docs = [Counter(_TOKEN.findall(d.casefold())) for d in documents]
    vocabulary = {t: n for n, t in enumerate(sorted({t for d in docs for t in d}))}
    df = np.zeros(len(vocabulary))
    for d in docs:
        for t in d:
            df[vocabulary[t]] += 1
    idf = np.log((1 + len(docs)) / (1 + df)) + 1

    def vector(counts: Counter[str]) -> tuple[np.ndarray, float]:
        v = np.zeros(len(vocabulary))
        norm = 0.0
        for t, c in counts.items():
            weight = (1 + math.log(c)) * (idf[vocabulary[t]] if t in vocabulary else 1.0)
            norm += weight * weight
            if t in vocabulary:
                v[vocabulary[t]] = weight
        return v, math.sqrt(norm) or 1.0

    matrix = np.array([v / n for v, n in map(vector, docs)])
    tops = []
    for q in queries:
        v, n = vector(Counter(_TOKEN.findall(q.casefold())))
        scores = matrix @ (v / n)
        tops.append([int(i) for i in np.argsort(-scores, kind="stable")[:k]])
    return tops


def in_group(code: str | None, category: str) -> bool:
    return code is not None and code.startswith(GROUPS[category])


def figures(hits: list[list[bool]]) -> dict[str, float]:
    ideal = sum(1 / math.log2(k + 2) for k in range(5))
    return {
        "P@5": statistics.mean(sum(h[:5]) / 5 for h in hits),
        "top-1": statistics.mean(float(bool(h and h[0])) for h in hits),
        "NDCG@5": statistics.mean(
            sum(1 / math.log2(k + 2) for k, hit in enumerate(h[:5]) if hit) / ideal for h in hits
        ),
    }


async def run(data: Path, embedder: str, grid: list[dict[str, float]]) -> None:
    folder = Path(tempfile.mkdtemp())
    env = {
        "CAREERBOT_DATA_DIR": str(folder),
        "CAREERBOT_JOBS__DEMO_CATALOG": "false",
        "CAREERBOT_AI__EMBEDDER": "wordllama" if embedder == "wordllama" else "minilm",
    }
    config = load_config(ROOT / "config.yaml", env)
    records = occupation_records(data)
    taxonomy = bundled_taxonomy()
    jobs = [job_from_record(r, "onet", taxonomy) for r in records]
    started = time.perf_counter()
    async with open_app(config) as app:
        services = _without_embedder(app.services) if embedder == "none" else app.services
        await services.catalog.import_jobs(jobs)
        imported = time.perf_counter() - started
        users: list[tuple[int, Upload]] = []
        texts = []
        refused = 0
        started = time.perf_counter()
        all_uploads = uploads(data)
        for n, upload in enumerate(all_uploads):
            async with app.uow() as uow:
                user = await uow.users.add(f"bench-{n}", app.clock.now())
                await uow.commit()
            try:
                result = await services.intake.ingest(
                    user.id, upload.file_name, upload.data, as_resume=True
                )
            except ResumeRejected:
                refused += 1
                continue
            users.append((user.id, upload))
            texts.append(result.resume.text)
        uploaded = time.perf_counter() - started
        runs: list[tuple[str, dict[str, list[list[bool]]]]] = []
        for weights in grid:
            WEIGHTS.update(weights)
            ours: dict[str, list[list[bool]]] = defaultdict(list)
            started = time.perf_counter()
            for user_id, upload in users:
                try:
                    shown = await services.matcher.matches(user_id, 1)
                except ProfileTooThin:  # nothing to match on: nothing relevant shown
                    shown = []
                hits = [in_group(m.job.onet_code, upload.category) for m in shown]
                ours[upload.set_name].append(hits)
            ranked = time.perf_counter() - started
            label = " ".join(f"{k[:3]}={v:g}" for k, v in WEIGHTS.items())
            runs.append((label, ours))
    documents = [f"{r['title']}. {r['description']}" for r in records]
    codes = [r["id"] for r in records]
    theirs: dict[str, list[list[bool]]] = defaultdict(list)
    for top, (_, upload) in zip(tfidf_top(texts, documents, 5), users, strict=True):
        theirs[upload.set_name].append([in_group(codes[i], upload.category) for i in top])
    print(
        f"{len(all_uploads)} uploads ({refused} refused), {len(records)} occupations as jobs; "
        f"import {imported:.1f} s, upload {1000 * uploaded / len(all_uploads):.0f} ms and "
        f"/matches {1000 * ranked / len(users):.0f} ms per resume; embedder: {embedder}"
    )
    print(f"{'set':14} {'n':>4}  {'method':10} {'P@5':>6} {'top-1':>6} {'NDCG@5':>7}")
    sets = sorted(theirs)
    for label, ours in runs:
        if len(runs) > 1:
            print(f"weights: {label}")
        for set_name in [*sets, "all"]:
            chosen = sets if set_name == "all" else [set_name]
            for method, by_set in (("TF-IDF", theirs), ("CareerBot", ours)):
                rows = [h for s in chosen for h in by_set[s]]
                f = figures(rows)
                print(
                    f"{set_name:14} {len(rows):>4}  {method:10} {f['P@5']:6.3f} "
                    f"{f['top-1']:6.3f} {f['NDCG@5']:7.3f}"
                )


def weight_grid(spec: list[str]) -> list[dict[str, float]]:
    """`--weights semantic=0.2,occupation=0.3 ...`: each argument one setting to try."""
    if not spec:
        return [dict(WEIGHTS)]
    return [
        {**WEIGHTS, **{k: float(v) for k, v in (p.split("=") for p in arg.split(","))}}
        for arg in spec
    ]


def _without_embedder(services: Services) -> Services:
    return replace(
        services,
        catalog=replace(services.catalog, indexer=None),
        matcher=replace(services.matcher, indexer=None),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--embedder", choices=["minilm", "wordllama", "none"], default="minilm")
    parser.add_argument("--weights", nargs="*", default=[], help="settings to compare")
    args = parser.parse_args()
    asyncio.run(run(args.data.resolve(), args.embedder, weight_grid(args.weights)))


if __name__ == "__main__":
    main()
