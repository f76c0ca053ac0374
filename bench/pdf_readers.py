"""Benchmark: pypdfium2 (the product's PDF reader) against pdfplumber, for quality and speed.

    pip install pdfplumber   # not a dependency of the product
    python bench/pdf_readers.py [--data ../shared/data]

Both readers turn every page into lines with the same hints (words joined by gaps, wide gaps
as cell breaks, font size, bold); the same parser reads them; the labelled PDFs of
resumes_real/gold.jsonl are scored with ../shared/tools/score_parse.py. Speed is the reading
alone (no parsing), in this process, over every PDF of resumes_real and resumes.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdfium2 as pdfium

from bot.documents.pdf_layout import page_lines
from domain.resumes import CELL, TextLine, parse_resume
from domain.taxonomy import bundled_taxonomy

Reader = Callable[[Path], list[TextLine]]


def with_pdfium(path: Path) -> list[TextLine]:
    document = pdfium.PdfDocument(path)
    try:
        return [line for n, page in enumerate(document) for line in page_lines(page, n)]
    finally:
        document.close()


def with_pdfplumber(path: Path) -> list[TextLine]:
    import pdfplumber

    lines: list[TextLine] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
            rows: list[list[dict[str, Any]]] = []
            for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
                if rows and abs(rows[-1][0]["top"] - word["top"]) < 0.5 * word["size"]:
                    rows[-1].append(word)
                else:
                    rows.append([word])
            for row in rows:
                row.sort(key=lambda w: w["x0"])
                size = statistics.median(w["size"] for w in row)
                text = row[0]["text"]
                for before, word in itertools.pairwise(row):
                    text += (CELL if word["x0"] - before["x1"] > 1.6 * size else " ") + word["text"]
                bold = sum("bold" in w["fontname"].casefold() for w in row) > 0.6 * len(row)
                lines.append(TextLine(text, size=size, bold=bold, indent=row[0]["x0"], page=number))
    return lines


def scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_parse", data.parent / "tools" / "score_parse.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quality(data: Path, reader: Reader) -> dict[str, float]:
    real = data / "resumes_real"
    gold_lines = [json.loads(line) for line in (real / "gold.jsonl").read_text().splitlines()]
    pdfs = [g for g in gold_lines if g["file"].endswith(".pdf")]
    taxonomy = bundled_taxonomy()
    with tempfile.TemporaryDirectory() as folder:
        gold, pred = Path(folder) / "gold.jsonl", Path(folder) / "pred.jsonl"
        gold.write_text("\n".join(json.dumps(g) for g in pdfs))
        rows = []
        for g in pdfs:
            document = parse_resume(reader(real / g["file"]), taxonomy, date(2026, 12, 2))
            rows.append(
                {
                    "file": g["file"],
                    "resume": document.json_resume(),
                    "years_experience": document.years_of_experience,
                }
            )
        pred.write_text("\n".join(json.dumps(r) for r in rows))
        score = scorer(data)
        truth = score.load(str(gold))
        got = score.align(truth, score.load(str(pred)))
        matched = predicted = expected = edu_tp = edu_p = edu_g = 0
        for name, g in truth.items():
            p = got[name]
            matched += len(score.match_work(g["work"], p["work"]))
            predicted += len(p["work"])
            expected += len(g["work"])
            edu_tp += len(score.match_edu(g["education"], p["education"]))
            edu_p += len(p["education"])
            edu_g += len(g["education"])
    return {
        "positions F1": score.prf(matched, predicted, expected)[2],
        "education F1": score.prf(edu_tp, edu_p, edu_g)[2],
    }


def speed(data: Path, reader: Reader) -> tuple[float, float]:
    paths = sorted((data / "resumes_real" / "livecareer").glob("*/*.pdf"))[::4]
    paths += sorted((data / "resumes").glob("*.pdf"))
    times = []
    for path in paths:
        start = time.perf_counter()
        reader(path)
        times.append((time.perf_counter() - start) * 1000)
    ordered = sorted(times)
    return statistics.median(times), ordered[round(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    print(
        f"{'reader':12} {'positions F1':>13} {'education F1':>13} {'median ms':>10} {'p95 ms':>8}"
    )
    for name, reader in (("pypdfium2", with_pdfium), ("pdfplumber", with_pdfplumber)):
        scores = quality(args.data, reader)
        median, p95 = speed(args.data, reader)
        print(
            f"{name:12} {scores['positions F1']:13.3f} {scores['education F1']:13.3f} "
            f"{median:10.1f} {p95:8.1f}"
        )


if __name__ == "__main__":
    main()
