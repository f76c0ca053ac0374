"""Build domain/taxonomy/occupation_titles.tsv.gz: every way of naming an O*NET occupation
that the bundled taxonomy knows, for matching job titles to occupations.

Run from the repository root with the shared data beside it:

    python scripts/build_occupation_titles.py ../shared/data/taxonomy

Rows: O*NET-SOC code, source, title. Sources: `onet` (the occupation's own title), `alt`
(O*NET alternate and short titles), `reported` (O*NET sample of reported titles), `esco`
(ESCO preferred and alternative labels of the ESCO occupations the official ESCO–O*NET
crosswalk maps to that code as an exact or close match). A header lists each occupation's
name and its ESCO URI: the exact match, else the first close match, else none.

Also domain/taxonomy/related_occupations.tsv.gz: O*NET's related occupations, one row per
pair (code, related code, tier: Primary-Short, Primary-Long or Supplemental).
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "domain" / "taxonomy" / "occupation_titles.tsv.gz"
RELATED_OUT = OUT.with_name("related_occupations.tsv.gz")
CROSSWALK_KINDS = {"exactMatch", "closeMatch"}


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _crosswalk(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = handle.read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("O*NET Id,"))
    return list(csv.DictReader(lines[start:]))


def main(taxonomy: str) -> None:
    root = Path(taxonomy)
    names = {r["O*NET-SOC Code"]: r["Title"] for r in _tsv(root / "onet" / "occupation_data.tsv")}
    titles: dict[str, dict[str, str]] = defaultdict(dict)  # code -> title -> source
    for code, name in names.items():
        titles[code][name] = "onet"
    for row in _tsv(root / "onet" / "alternate_titles.tsv"):
        for title in (row["Alternate Title"], row["Short Title"]):
            if title.strip() and row["O*NET-SOC Code"] in names:
                titles[row["O*NET-SOC Code"]].setdefault(title.strip(), "alt")
    for row in _tsv(root / "onet" / "sample_of_reported_titles.tsv"):
        if row["O*NET-SOC Code"] in names:
            titles[row["O*NET-SOC Code"]].setdefault(row["Reported Job Title"].strip(), "reported")
    esco_labels: dict[str, list[str]] = {}
    with (root / "esco" / "occupations_en.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            alt = [a.strip() for a in row["altLabels"].splitlines() if a.strip()]
            esco_labels[row["conceptUri"]] = [row["preferredLabel"], *alt]
    exact_uri: dict[str, str] = {}  # the exact match, else the first close one
    close_uri: dict[str, str] = {}
    for row in _crosswalk(root / "crosswalk" / "esco_onet.csv"):
        code, uri, kind = row["O*NET Id"], row["ESCO or ISCO URI"], row["Type of Match"]
        if code not in names or kind not in CROSSWALK_KINDS or uri not in esco_labels:
            continue
        (exact_uri if kind == "exactMatch" else close_uri).setdefault(code, uri)
        for label in esco_labels[uri]:
            titles[code].setdefault(label, "esco")
    for code, uri in close_uri.items():
        exact_uri.setdefault(code, uri)
    # mtime=0: the same sources give the same bytes, so a rebuild shows no spurious change.
    with (
        gzip.GzipFile(OUT, "wb", mtime=0) as raw,
        io.TextIOWrapper(raw, "utf-8", newline="\n") as out,
    ):
        out.write(
            "# O*NET 28.x/29.0 (onetcenter.org, USDOL/ETA, CC BY 4.0) and ESCO v1.1 "
            "(European Commission) via the official ESCO-O*NET crosswalk\n"
        )
        for code in sorted(names):
            out.write(f"=\t{code}\t{names[code]}\t{exact_uri.get(code, '')}\n")
        for code in sorted(titles):
            for title, source in sorted(titles[code].items()):
                out.write(f"{code}\t{source}\t{title}\n")
    related = _tsv(root / "onet" / "related_occupations.tsv")
    with (
        gzip.GzipFile(RELATED_OUT, "wb", mtime=0) as raw,
        io.TextIOWrapper(raw, "utf-8", newline="\n") as out,
    ):
        out.write("# O*NET 29.0 related occupations (onetcenter.org, USDOL/ETA, CC BY 4.0)\n")
        for row in sorted(related, key=lambda r: (r["O*NET-SOC Code"], int(r["Index"]))):
            if row["O*NET-SOC Code"] in names and row["Related O*NET-SOC Code"] in names:
                out.write(
                    f"{row['O*NET-SOC Code']}\t{row['Related O*NET-SOC Code']}\t"
                    f"{row['Relatedness Tier']}\n"
                )
    count = sum(len(t) for t in titles.values())
    print(f"{len(names)} occupations, {count} titles, {len(exact_uri)} with an ESCO URI -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
