"""Build domain/taxonomy/title_words.tsv: the words job titles are made of, from every title
O*NET and ESCO know — O*NET 29 occupation titles, alternate titles and reported titles, and
ESCO occupations with their alternative labels (about 90,000 titles).

For each word: in how many titles it appears, and in how many it is the last word (the
title's head: "Accountant", "Technician", "Manager"). The resume parser uses this to tell
"Staff Accountant" (a title) from "Enterprise Resource Planning Office" (a unit) or
"Sole Proprietorship" (an employer), instead of a hand-made list of role words.

    python scripts/build_title_lexicon.py ../shared/data/taxonomy
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")
MIN_TITLES = 2  # a word seen in one title only is noise (a proper name, a typo)


def titles(root: Path) -> set[str]:
    found: set[str] = set()
    onet = root / "onet"
    with (onet / "occupation_data.tsv").open(encoding="utf-8") as f:
        found |= {row["Title"] for row in csv.DictReader(f, delimiter="\t")}
    with (onet / "alternate_titles.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            found.add(row["Alternate Title"])
            if row.get("Short Title"):
                found.add(row["Short Title"])
    with (onet / "sample_of_reported_titles.tsv").open(encoding="utf-8") as f:
        found |= {row["Reported Job Title"] for row in csv.DictReader(f, delimiter="\t")}
    csv.field_size_limit(10_000_000)
    with (root / "esco" / "occupations_en.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            found.add(row["preferredLabel"])
            found |= {label for label in (row.get("altLabels") or "").splitlines() if label}
    return {" ".join(t.split()) for t in found if t and t.strip()}


def head(tokens: list[str]) -> str | None:
    return tokens[-1] if tokens else None


def main(taxonomy_dir: str) -> None:
    every = titles(Path(taxonomy_dir))
    in_titles: Counter[str] = Counter()
    as_head: Counter[str] = Counter()
    for title in every:
        # "Accountant (CPA)", "Clerk, Accounts Payable": the head is the word before
        # a bracket or a comma.
        main_part = re.split(r"[(,/]", title.casefold())[0]
        tokens = TOKEN.findall(title.casefold())
        in_titles.update(set(tokens))
        last = head(TOKEN.findall(main_part))
        if last:
            as_head[last] += 1
    out = Path(__file__).resolve().parents[1] / "domain" / "taxonomy" / "title_words.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write(
            "# Words of job titles: O*NET 29 (CC BY 4.0, USDOL/ETA) occupation, alternate and\n"
        )
        f.write("# reported titles, and ESCO occupation labels (ESCO, European Commission); see\n")
        f.write("# ATTRIBUTION.md. Built by scripts/build_title_lexicon.py from\n")
        f.write(f"# {len(every)} titles. Columns: word, titles containing it, titles it ends.\n")
        for word, count in sorted(in_titles.items()):
            if count >= MIN_TITLES:
                f.write(f"{word}\t{count}\t{as_head[word]}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/taxonomy")
