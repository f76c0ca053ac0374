"""Job titles to O*NET occupations, over every name the bundled taxonomy knows for each
occupation (O*NET titles, alternate and reported titles, ESCO labels through the official
crosswalk: see scripts/build_occupation_titles.py).

A title is normalised (case, accents, plural forms, common abbreviations such as "Sr." or
"Mgr", and the words that say level or contract rather than occupation), then scored against
each known name by the rarity-weighted share of words they have in common in both
directions: a known name found whole inside a noisy title scores high, as does a title
fully explained by a longer name. Each occupation scores as its best name.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from domain.taxonomy.skills import bundled_taxonomy

# A title's parts ("Java Developer" of "Java Developer (mid level) - FT - great culture",
# "Warehouse Associate" of "Hiring: Warehouse Associate") are scored too, a little below the
# whole title; pay ("$18/hr", "120k") is not part of it.
LEAD_SEGMENT = re.compile(r"\s[-–|:]\s|[(\[\]),;|/:]|\s[-–]|[-–]\s")
PART_FACTOR = 0.97
MAX_PARTS = 5
PAY = re.compile(
    r"[$€£]\s?\d[\d,.]*\s*[km]?(?:\s*(?:/|per|an?)\s*(?:hr|hour|h|yr|year|annum))?"
    r"|\b\d[\d,.]*\s*[km]?\s*(?:/|per)\s*(?:hr|hour|h|yr|year|annum)\b",
    re.IGNORECASE,
)
CLEAR_MATCH = 0.5  # a best score below this: the title does not clearly name an occupation
TOOL_WEIGHT = 0.25  # of a technology word's usual weight in a title
MAX_MATCHES = 10
CLOSE_BONUS = 0.05  # per log(1 + names scoring near the best) of an occupation
SOURCE_WEIGHT = {"onet": 1.0, "alt": 0.98, "reported": 0.98, "esco": 0.96}

# Normalisation, not a title list: how people shorten the words titles are made of.
ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "devs": "developer",
    "acct": "accountant",
    "acctg": "accounting",
    "admin": "administrator",
    "asst": "assistant",
    "assoc": "associate",
    "coord": "coordinator",
    "rep": "representative",
    "reps": "representative",
    "tech": "technician",
    "exec": "executive",
    "spec": "specialist",
    "dir": "director",
    "supv": "supervisor",
    "supvr": "supervisor",
    "sw": "software",
    "swe": "software engineer",
    "hr": "human resources",
    "qa": "quality assurance",
    "ops": "operations",
    "sys": "systems",
    "svc": "service",
    "svcs": "services",
    "mktg": "marketing",
    "acc": "accountant",
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "cna": "certified nursing assistant",
    "vp": "vice president",
    "avp": "assistant vice president",
    "svp": "senior vice president",
}
JOINED = {
    ("dev", "ops"): "devops",
    ("front", "end"): "frontend",
    ("back", "end"): "backend",
    ("full", "stack"): "fullstack",
}
# Words that never name an occupation: level and small words, left out of titles and names.
NOT_OCCUPATION = {
    "senior", "junior", "mid", "level", "entry", "experienced", "i", "ii", "iii", "iv", "v",
    "1", "2", "3", "4", "5", "the", "a", "an", "of", "and", "for", "in", "to", "with", "at",
    "or", "m", "f", "d", "w", "x",
}  # fmt: skip
# Words that say rank ("Lead", "Staff") or the terms of a vacancy (contract, schedule, place
# of work) but also belong to occupations' names ("Lead Teacher", "Shift Supervisor",
# "Contract Manager"): kept in the known names, and in a title only when fewer than two
# other words remain ("Shift Supervisor", but not "Forklift Operator 2nd shift"). A title of
# rank words alone ("Principal") keeps them.
RANKS = {"lead", "principal", "staff", "head"}
TERMS = {
    "full", "part", "time", "fulltime", "parttime", "ft", "pt", "contract", "contractor",
    "temp", "temporary", "permanent", "remote", "hybrid", "onsite", "site", "w2", "c2c",
    "urgent", "hiring", "immediate", "needed", "opening", "shift", "1st", "2nd", "3rd",
    "night", "weekend", "day", "days", "nights",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Occupation:
    """An O*NET occupation; `esco_uri` is the ESCO occupation the official crosswalk maps it
    to (its exact match, else its first close match)."""

    onet_code: str
    name: str
    esco_uri: str | None


@dataclass(frozen=True, slots=True)
class OccupationMatch:
    occupation: Occupation
    score: float  # 0..1
    matched_title: str  # the known name it matched


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ops")):
        return word[:-1]
    return word


def title_words(title: str) -> list[str]:
    """The words of a vacancy title that name an occupation, normalised."""
    words = _name_words(title)
    essential = [w for w in words if w not in RANKS and w not in TERMS]
    if len(essential) >= 2:
        return essential
    return words if essential else [w for w in words if w in RANKS]


def _name_words(title: str) -> list[str]:
    """The words of a known occupation name, normalised (level and small words left out)."""
    raw = re.findall(r"[a-z0-9+#]+", _fold(title).replace("&", " and "))
    words: list[str] = []
    i = 0
    while i < len(raw):
        pair = (raw[i], raw[i + 1]) if i + 1 < len(raw) else None
        if pair in JOINED:
            words.append(JOINED[pair])
            i += 2
            continue
        words.extend(ABBREVIATIONS.get(raw[i], raw[i]).split())
        i += 1
    return [_singular(w) for w in words if w not in NOT_OCCUPATION]


class OccupationIndex:
    """Known occupation names, indexed by word for fast scoring. `tools` are words that name
    a technology rather than an occupation ("SAP", "Java", "SharePoint"): in "SAP Business
    Analyst" the occupation is in the other words, so they weigh less."""

    def __init__(
        self,
        occupations: dict[str, Occupation],
        titles: Iterable[tuple[str, str, str]],
        tools: frozenset[str] = frozenset(),
    ) -> None:
        self.occupations = occupations
        self._names: list[tuple[str, str, frozenset[str], float]] = []  # code, title, words, w
        postings: dict[str, list[int]] = defaultdict(list)
        # Names with the same words ("Software Engineer", "software engineers") are one name,
        # with the best source's weight.
        named: dict[tuple[str, frozenset[str]], tuple[str, float]] = {}
        for code, source, title in titles:
            words = frozenset(_name_words(title))
            weight = SOURCE_WEIGHT.get(source, 0.9)
            if words and code in occupations and weight > named.get((code, words), ("", 0.0))[1]:
                named[(code, words)] = (title, weight)
        for (code, words), (title, weight) in named.items():
            for word in words:
                postings[word].append(len(self._names))
            self._names.append((code, title, words, weight))
        total = len(self._names)
        # A tool word keeps its weight where an occupation's own title uses it.
        own = {w for o in occupations.values() for w in _name_words(o.name)}
        self._tools = {t for tool in tools for t in _name_words(tool)} - own
        self._idf = {
            w: math.log(1 + total / len(ids)) * (TOOL_WEIGHT if w in self._tools else 1.0)
            for w, ids in postings.items()
        }
        self._postings = dict(postings)
        self._unknown_idf = math.log(1 + total)
        self._name_weight = [sum(self._idf[w] for w in words) for _, _, words, _ in self._names]

    def match(self, title: str, k: int = 3) -> list[OccupationMatch]:
        """The `k` (at most 10) occupations `title` most likely names, best first (none if
        no word of it names an occupation)."""
        return list(self._match(title)[:k])

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per process, titles repeat a lot
    def _match(self, title: str) -> tuple[OccupationMatch, ...]:
        best: dict[str, tuple[float, int, int]] = {}  # code -> score, name, close names
        title = PAY.sub(" ", title)
        parts = [p for p in LEAD_SEGMENT.split(title) if p.strip()][:MAX_PARTS]
        tries = [(title, 1.0)] + ([(p, PART_FACTOR) for p in parts] if len(parts) > 1 else [])
        for part, factor in tries:
            for code, score, name, close in self._scores(part):
                score *= factor
                if score > best.get(code, (0.0, -1, 0))[0]:
                    best[code] = (score, name, close)
        # Of two equal scores, the occupation more of whose names fit is the likelier one.
        final = {
            code: (min(1.0, score * (1 + CLOSE_BONUS * math.log1p(close))), score, name)
            for code, (score, name, close) in best.items()
        }
        ranked = sorted(final.items(), key=lambda item: (-item[1][0], -item[1][1]))[:MAX_MATCHES]
        return tuple(
            OccupationMatch(self.occupations[code], round(score, 4), self._names[name][1])
            for code, (score, _, name) in ranked
        )

    def _unknown(self, word: str) -> float:
        return self._unknown_idf * (TOOL_WEIGHT if word in self._tools else 1.0)

    def _scores(self, title: str) -> list[tuple[str, float, int, int]]:
        """(code, best score, its name, names scoring near it) per occupation."""
        words = set(title_words(title))
        if not words:
            return []
        query_weight = sum(self._idf.get(w, self._unknown(w)) for w in words)
        shared: dict[int, float] = defaultdict(float)
        for word in words:
            for name in self._postings.get(word, ()):
                shared[name] += self._idf[word]
        per_code: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for name, common in shared.items():
            code, _, _, weight = self._names[name]
            of_name = common / self._name_weight[name]
            of_query = common / query_weight
            per_code[code].append((weight * of_name * of_query, name))
        found = []
        for code, scored in per_code.items():
            top, name = max(scored)
            found.append((code, top, name, sum(1 for s, _ in scored if s >= 0.95 * top)))
        return found


def read_occupation_titles(text: str, tools: frozenset[str] = frozenset()) -> OccupationIndex:
    occupations: dict[str, Occupation] = {}
    titles: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        first, second, third, *rest = line.split("\t")
        if first == "=":
            uri = rest[0] if rest and rest[0] else None
            occupations[second] = Occupation(second, third, uri)
        else:
            titles.append((first, second, third))
    return OccupationIndex(occupations, titles, tools)


@cache
def _bundled_text() -> str:
    data = resources.files("domain.taxonomy").joinpath("occupation_titles.tsv.gz").read_bytes()
    return gzip.decompress(data).decode("utf-8")


@cache
def bundled_occupation_index() -> OccupationIndex:
    """The index over the bundled O*NET and ESCO names (built once per process, ~1 s)."""
    return read_occupation_titles(_bundled_text(), bundled_taxonomy().tech_words())


@cache
def bundled_occupations() -> dict[str, Occupation]:
    """The O*NET occupations by code, without building the index (~0.1 s)."""
    found = {}
    for line in _bundled_text().splitlines():
        if line.startswith("=\t"):
            _, code, name, uri = line.split("\t")
            found[code] = Occupation(code, name, uri or None)
    return found


def occupation_of(title: str) -> Occupation | None:
    """The occupation `title` clearly names, if one does."""
    found = bundled_occupation_index().match(title, 1)
    return found[0].occupation if found and found[0].score >= CLEAR_MATCH else None
