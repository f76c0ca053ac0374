"""`careerbot occupations match`: the best three O*NET occupations for each job title."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from domain.taxonomy import OccupationMatch, bundled_occupation_index


def match_titles(titles: Iterable[str], jsonl: bool, out: TextIO = sys.stdout) -> int:
    """Print the matches of each title in the order given ("-" reads one title a line from
    standard input). Exit code 0; a title that names no occupation gets no matches."""
    index = bundled_occupation_index()
    for title in _expanded(titles):
        matches = index.match(title, 3)
        if jsonl:
            line = {"title": title, "matches": [_as_json(m) for m in matches]}
            print(json.dumps(line, ensure_ascii=False), file=out, flush=True)
            continue
        print(title, file=out)
        if not matches:
            print("  (no occupation found in this title)", file=out)
        for n, m in enumerate(matches, start=1):
            print(
                f"  {n}. {m.occupation.name} ({m.occupation.onet_code}) · {m.score:.2f}"
                f" · as “{m.matched_title}”",
                file=out,
            )
    return 0


def _expanded(titles: Iterable[str]) -> Iterable[str]:
    for title in titles:
        if title == "-":
            yield from (line.strip() for line in sys.stdin if line.strip())
        else:
            yield title


def _as_json(match: OccupationMatch) -> dict[str, object]:
    return {
        "onet_code": match.occupation.onet_code,
        "esco_uri": match.occupation.esco_uri,
        "name": match.occupation.name,
        "score": match.score,
    }
