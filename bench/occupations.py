"""Job titles to O*NET occupations: CareerBot's matcher against a character n-gram TF-IDF
over the ESCO labels (mapped to O*NET by the official crosswalk), on labelled titles.

    python bench/occupations.py

The labelled titles are O*NET's *sample of reported titles* (7.8k titles incumbents gave,
each with its occupation code); for this run the matcher's index leaves them out, so every
query is unseen. Each is also tried "messy", the way vacancy titles are written: a level
word, an abbreviation, a contract or place suffix (deterministic for a title). The matcher's
two weights were chosen on one half of the titles; the other half is reported apart.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from domain.taxonomy import bundled_occupation_index, bundled_taxonomy  # noqa: E402
from domain.taxonomy.occupation_titles import read_occupation_titles  # noqa: E402

DATA = ROOT / "domain" / "taxonomy" / "occupation_titles.tsv.gz"
DICE = ROOT.parent / "shared" / "data" / "job_postings" / "dice_com_22k_titles_skills.csv"
REPORTED = ROOT.parent / "shared" / "data" / "taxonomy" / "onet" / "sample_of_reported_titles.tsv"
DIMENSIONS = 2**13
SHORT = {"senior": "Sr.", "manager": "Mgr", "engineer": "Eng", "assistant": "Asst",
         "developer": "Dev", "administrator": "Admin", "representative": "Rep",
         "technician": "Tech", "coordinator": "Coord", "specialist": "Spec"}  # fmt: skip
SUFFIXES = (" - Remote", " (Contract)", " II", " - Full Time", " III", " - Night Shift", "")
PREFIXES = ("Senior ", "Sr. ", "Junior ", "Lead ", "")


def messy(title: str) -> str:
    rng = random.Random(hashlib.md5(title.encode()).digest())
    words = [SHORT.get(w.casefold(), w) if rng.random() < 0.6 else w for w in title.split()]
    return rng.choice(PREFIXES) + " ".join(words) + rng.choice(SUFFIXES)


def held_out_half(title: str) -> bool:
    """The half of the titles the matcher's weights were not tuned on."""
    return hashlib.md5(title.encode()).digest()[0] % 2 == 1


def _ngrams(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    padded = f" {re.sub(r'[^a-z0-9]+', ' ', folded).strip()} "
    return [padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)]


def _vectors(texts: list[str], idf: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    counts = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        for gram in _ngrams(text):
            counts[row, int(hashlib.md5(gram.encode()).hexdigest()[:8], 16) % DIMENSIONS] += 1
    if idf is None:
        df = (counts > 0).sum(axis=0)
        idf = np.log((1 + len(texts)) / (1 + df)).astype(np.float32) + 1
    weighted = np.log1p(counts) * idf
    weighted /= np.linalg.norm(weighted, axis=1, keepdims=True) + 1e-9
    return weighted, idf


def tfidf_baseline(
    labels: list[tuple[str, str]], queries: list[str], k: int = 3
) -> list[list[str]]:
    """Top-k occupation codes per query by cosine to the nearest ESCO label."""
    label_vectors, idf = _vectors([t for _, t in labels])
    codes = np.array([c for c, _ in labels])
    ranked = []
    for start in range(0, len(queries), 512):
        block, _ = _vectors(queries[start : start + 512], idf)
        similarity = block @ label_vectors.T
        for row in similarity:
            order = np.argsort(-row)[:200]
            seen: list[str] = []
            for i in order:
                if codes[i] not in seen:
                    seen.append(codes[i])
                if len(seen) == k:
                    break
            ranked.append(seen)
    return ranked


def accuracy(ranked: list[list[str]], truth: list[str]) -> tuple[float, float]:
    top1 = sum(1 for r, t in zip(ranked, truth, strict=True) if r[:1] == [t]) / len(truth)
    top3 = sum(1 for r, t in zip(ranked, truth, strict=True) if t in r[:3]) / len(truth)
    return top1, top3


def main() -> None:
    text = gzip.decompress(DATA.read_bytes()).decode("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = [line for line in lines if line.startswith("=\t")]
    rows = [line.split("\t") for line in lines if not line.startswith("=\t")]
    with REPORTED.open(encoding="utf-8-sig") as handle:
        next(handle)
        reported = [(c, t.strip()) for c, _, t, *_ in (line.split("\t") for line in handle)]
    unseen = {(c, t.casefold()) for c, t in reported}
    kept = "\n".join(header + ["\t".join(r) for r in rows if (r[0], r[2].casefold()) not in unseen])
    index = read_occupation_titles(kept, bundled_taxonomy().tech_words())
    esco = [(c, t) for c, source, t in rows if source == "esco" and (c, t.casefold()) not in unseen]
    truth = [code for code, _ in reported]
    print(f"{len(reported)} labelled titles; index without them: {kept.count(chr(10))} "
          f"names; baseline over {len(esco)} ESCO labels")  # fmt: skip
    held_out = [held_out_half(t) for _, t in reported]
    print("| titles | CareerBot top-1 | top-3 | TF-IDF char n-grams top-1 | top-3 | ms/title |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, queries in (("as reported", [t for _, t in reported]),
                          ("messy", [messy(t) for _, t in reported])):  # fmt: skip
        started = time.perf_counter()
        ours = [[m.occupation.onet_code for m in index.match(q)] for q in queries]
        per_title = (time.perf_counter() - started) * 1000 / len(queries)
        base = tfidf_baseline(esco, queries)
        for half, keep in (("all", [True] * len(truth)), ("held-out half", held_out)):
            pick = [i for i, k in enumerate(keep) if k]
            o1, o3 = accuracy([ours[i] for i in pick], [truth[i] for i in pick])
            b1, b3 = accuracy([base[i] for i in pick], [truth[i] for i in pick])
            print(f"| {kind}, {half} ({len(pick)}) | {o1:.3f} | {o3:.3f} | {b1:.3f} | {b3:.3f} "
                  f"| {per_title:.2f} |")  # fmt: skip


def unlabelled_titles() -> None:
    """The 22k raw job-board titles of ../shared: how many get a confident occupation, and
    how fast (no labels: a coverage and speed figure only)."""
    with DICE.open(encoding="utf-8", newline="") as handle:
        titles = [row["Designation"] for row in csv.DictReader(handle)]
    index = bundled_occupation_index()
    started = time.perf_counter()
    best = [index.match(t, 1) for t in titles]
    per_title = (time.perf_counter() - started) * 1000 / len(titles)
    confident = sum(1 for m in best if m and m[0].score >= 0.5) / len(titles)
    print(f"{len(titles)} raw job-board titles: {confident:.1%} matched with score >= 0.5; "
          f"{per_title:.2f} ms per title (cache included)")  # fmt: skip


if __name__ == "__main__":
    main()
    unlabelled_titles()
