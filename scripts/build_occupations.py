"""Build domain/taxonomy/occupations.tsv from O*NET: each occupation's title and the skills
(canonical names of the bundled skills taxonomy) its technology list names — the most
distinctive first (O*NET's Hot Technologies ahead of the rest): tools nearly every
occupation lists (office suites, e-mail) are left out,
as are ones fewer than five occupations use. Used by the offline career planner for roles
outside its curated list.

    python scripts/build_occupations.py ../shared/data/taxonomy
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.taxonomy import bundled_taxonomy

MAX_SKILLS = 12


def main(taxonomy_dir: str) -> None:
    root = Path(taxonomy_dir) / "onet"
    taxonomy = bundled_taxonomy()
    titles: dict[str, str] = {}
    with (root / "occupation_data.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            titles[row["O*NET-SOC Code"]] = row["Title"]
    occupations_using: dict[str, set[str]] = defaultdict(set)
    per_code: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    with (root / "technology_skills.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = taxonomy.canonical(row["Example"])
            if name is None:
                continue
            occupations_using[name].add(row["O*NET-SOC Code"])
            per_code[row["O*NET-SOC Code"]].append((row["Hot Technology"] == "Y", name))
    out = Path(__file__).resolve().parents[1] / "domain" / "taxonomy" / "occupations.tsv"
    written = 0
    with out.open("w", encoding="utf-8") as f:
        f.write("# O*NET 28 occupations (CC BY 4.0, USDOL/ETA) with the skills of the bundled\n")
        f.write("# taxonomy that their technology lists name; see ATTRIBUTION.md. Built by\n")
        f.write("# scripts/build_occupations.py. Columns: title, skills (| separated).\n")
        for code, title in sorted(titles.items(), key=lambda item: item[1]):
            usable = {
                (hot, name)
                for hot, name in per_code.get(code, [])
                if 5 <= len(occupations_using[name]) <= 0.25 * len(titles)
            }
            # Hot Technologies (what employers ask for now) first, the most distinctive first.
            ranked = sorted(
                usable, key=lambda hs: (not hs[0], len(occupations_using[hs[1]]), hs[1])
            )
            skills = list(dict.fromkeys(name for _, name in ranked))[:MAX_SKILLS]
            if skills:
                f.write(f"{title}\t{'|'.join(skills)}\n")
                written += 1
    print(f"wrote {written} occupations to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/taxonomy")
