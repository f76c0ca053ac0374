"""Benchmark: the offline embedding models — speed, memory, and how well they match real
resumes to real job descriptions (against a TF-IDF baseline run in the same script).

    python bench/embeddings.py [--data ../shared/data]

Relevance labels (which job descriptions fit which resume) were assigned by hand from the
documents' content and live below; they are used by this benchmark only.
"""

from __future__ import annotations

import argparse
import math
import platform
import re
import resource
import statistics
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

from bot.documents.extract import extract_text
from domain.file_types import sniff
from domain.resumes import ResumeLimits, parse_resume
from domain.taxonomy import bundled_taxonomy

BACKEND = {"backend_developer", "senior_software_developer", "job_desc_full_stack_engineer"}
RELEVANT: dict[str, set[str]] = {
    "alfred_pennyworth_pm": {
        "job_desc_product_manager",
        "senior_product_manager",
        "it_project_manager",
        "lead_technical_program_manager",
    },
    "barry_allen_fe": {
        "job_desc_front_end_engineer",
        "html_developer",
        "web_developer",
        "web_dev_job",
    },
    "bruce_wayne_fullstack": {
        "job_desc_full_stack_engineer",
        "web_developer",
        "backend_developer",
        "senior_software_developer",
    },
    "harvey_dent_mle": {"data_scientist", "revenue_reporting_data_analyst"},
    "john_doe": {
        "job_desc_java_developer",
        "job_desc_full_stack_engineer",
        "senior_software_developer",
        "backend_developer",
    },
    "template_single-column": BACKEND,
    "template_two-column": BACKEND,
    "template_modern-single-column": BACKEND,
    "template_modern-two-column": BACKEND,
}


def read(path: Path) -> str:
    data = path.read_bytes()
    return extract_text(data, sniff(data), ResumeLimits()).text


def resume_summary(text: str) -> str:
    """What we embed for a resume: title, skills and summary (MiniLM reads 256 tokens)."""
    doc = parse_resume(text, bundled_taxonomy(), date.today())
    parts = [
        doc.basics.label or "",
        ", ".join(doc.skill_names()[:30]),
        doc.basics.summary or "",
        " ".join(w.position or "" for w in doc.work),
    ]
    return ". ".join(p for p in parts if p)


def tfidf_scores(queries: list[str], documents: list[str]) -> np.ndarray:
    tokenize: Callable[[str], list[str]] = lambda t: re.findall(r"[a-z0-9+#.]+", t.casefold())  # noqa: E731
    docs = [Counter(tokenize(d)) for d in documents]
    df = Counter(term for d in docs for term in d)
    idf = {t: math.log((1 + len(docs)) / (1 + n)) + 1 for t, n in df.items()}

    def vec(counts: Counter[str]) -> dict[str, float]:
        v = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    dvecs = [vec(d) for d in docs]
    scores = np.zeros((len(queries), len(documents)))
    for i, q in enumerate(queries):
        qv = vec(Counter(tokenize(q)))
        for j, dv in enumerate(dvecs):
            scores[i, j] = sum(x * dv.get(t, 0.0) for t, x in qv.items())
    return scores


def quality(scores: np.ndarray, resumes: list[str], jobs: list[str]) -> dict[str, float]:
    p_at_3, ndcg, mrr = [], [], []
    for i, resume in enumerate(resumes):
        order = [jobs[j] for j in np.argsort(-scores[i])]
        relevant = RELEVANT[resume]
        hits = [1.0 if job in relevant else 0.0 for job in order]
        p_at_3.append(sum(hits[:3]) / 3)
        dcg = sum(h / math.log2(k + 2) for k, h in enumerate(hits[:5]))
        ideal = sum(1 / math.log2(k + 2) for k in range(min(5, len(relevant))))
        ndcg.append(dcg / ideal)
        mrr.append(1 / (hits.index(1.0) + 1))
    return {
        "P@3": statistics.mean(p_at_3),
        "nDCG@5": statistics.mean(ndcg),
        "MRR": statistics.mean(mrr),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    resume_files = sorted((args.data / "resumes").glob("*.pdf"))
    job_files = sorted((args.data / "job_descriptions").iterdir())
    resumes = [p.stem for p in resume_files]
    jobs = [p.stem for p in job_files]
    resume_texts = [read(p) for p in resume_files]
    job_texts = [read(p) for p in job_files]
    resume_queries = [resume_summary(t) for t in resume_texts]
    job_docs = [t[:1500] for t in job_texts]

    print(
        f"machine: {platform.machine()}, CPython {platform.python_version()}, {platform.platform()}"
    )
    print(f"{len(resumes)} resumes x {len(jobs)} job descriptions\n")
    print(f"{'method':34} {'P@3':>6} {'nDCG@5':>7} {'MRR':>6}")
    rows = [
        ("TF-IDF (full texts)", tfidf_scores(resume_texts, job_texts)),
        ("TF-IDF (summary vs first 1500 ch)", tfidf_scores(resume_queries, job_docs)),
    ]

    from bot.ai.embedders import MiniLMEmbedder, WordLlamaEmbedder

    speed: dict[str, tuple[float, float, float, float]] = {}
    for name, factory in (("MiniLM-L6 int8", MiniLMEmbedder), ("WordLlama 256", WordLlamaEmbedder)):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        model = factory()
        load = time.perf_counter() - start
        q = np.array(model.embed_sync(resume_queries))
        d = np.array(model.embed_sync(job_docs))
        rows.append((name, q @ d.T))
        long_texts = [t[:1200] for t in (job_texts + resume_texts) * 4]  # ~256 tokens each
        short_texts = [q[:160] for q in resume_queries * 12]  # a title and a few skills
        rates = []
        for sample in (long_texts, short_texts):
            start = time.perf_counter()
            model.embed_sync(sample)
            rates.append(len(sample) / (time.perf_counter() - start))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        speed[name] = (load, rates[0], rates[1], after - before)
    for name, scores in rows:
        m = quality(scores, resumes, jobs)
        print(f"{name:34} {m['P@3']:6.3f} {m['nDCG@5']:7.3f} {m['MRR']:6.3f}")
    print(
        f"\n{'model':16} {'load s':>7} {'256-token texts/s':>18} {'short texts/s':>14} "
        f"{'peak RSS added MB':>18}"
    )
    for name, (load, long_rate, short_rate, mem) in speed.items():
        print(f"{name:16} {load:7.2f} {long_rate:18.1f} {short_rate:14.1f} {mem:18.0f}")


if __name__ == "__main__":
    main()
