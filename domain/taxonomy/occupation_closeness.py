"""How close two O*NET occupations are, 0..1: the same one, one O*NET lists as related
(by its tier), or one in the same SOC group (broad, minor, major).

SOC codes nest: "15-1252.00" is in broad group 15-125, minor group 15-12 and major group 15;
".01" and ".00" codes share one SOC occupation. O*NET's related-occupation lists (bundled,
`related_occupations.tsv.gz`) name each occupation's 20 nearest, in three tiers.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from functools import cache, lru_cache
from importlib import resources

TIER_CLOSENESS = {"Primary-Short": 0.8, "Primary-Long": 0.65, "Supplemental": 0.5}
# (length of the shared code prefix, closeness): the SOC occupation, broad, minor, major group.
GROUP_CLOSENESS = ((7, 0.9), (6, 0.6), (5, 0.4), (2, 0.15))


@cache
def _related() -> dict[str, dict[str, float]]:
    data = resources.files("domain.taxonomy").joinpath("related_occupations.tsv.gz").read_bytes()
    related: dict[str, dict[str, float]] = defaultdict(dict)
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, other, tier = line.split("\t")
            weight = TIER_CLOSENESS[tier]
            # Related one way is related both ways, at the closer of the two tiers.
            related[code][other] = max(weight, related[code].get(other, 0.0))
            related[other][code] = max(weight, related[other].get(code, 0.0))
    return dict(related)


def closeness(first: str, second: str) -> float:
    """1 for the same occupation, down to 0 for occupations in different major groups."""
    if first == second:
        return 1.0
    group = next((c for n, c in GROUP_CLOSENESS if first[:n] == second[:n]), 0.0)
    return max(group, _related().get(first, {}).get(second, 0.0))


@lru_cache(maxsize=4096)
def close_to(code: str, minimum: float) -> dict[str, float]:
    """The bundled occupations at least `minimum` close to `code` (itself included), each
    with its closeness."""
    from domain.taxonomy.occupation_titles import bundled_occupations

    return {
        other: near
        for other in bundled_occupations()
        if (near := closeness(code, other)) >= minimum
    }
