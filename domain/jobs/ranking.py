"""Ranking jobs for a person: a hybrid of meaning (embeddings), keywords (BM25), skill
overlap (taxonomy-normalised), title fit and seniority — with the person's preferences as
hard filters. Each signal is scaled to 0..1 before weighting, and every match says why."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from domain.jobs.model import SENIORITY_YEARS, Job, RemoteMode
from domain.jobs.occupation_fit import (
    CURRENT_TITLE_WEIGHT,
    PersonOccupation,
    occupation_fit,
    occupation_name,
    person_occupations,
)
from domain.jobs.salary import floor_currency, pay_reason, pays_enough
from domain.profiles import Profile
from domain.resumes import place_names
from domain.taxonomy import bundled_taxonomy
from domain.taxonomy import closeness as closeness_of

ALGORITHM = "hybrid-v1"
GENERIC_SKILL_WORDS = frozenset(
    {"management", "skill", "analysis", "planning", "development", "software", "tool"}
)
# Each signal's share of the score (divided by their sum). The occupation's weight was
# measured on bench/occupation_ranking.py and bench/matching.py (docs/benchmarks.md).
WEIGHTS = {"semantic": 0.25, "lexical": 0.2, "skills": 0.35, "title": 0.2, "occupation": 0.1}
_STOP = {
    "and",
    "or",
    "the",
    "a",
    "an",
    "of",
    "in",
    "for",
    "to",
    "with",
    "at",
    "on",
    "senior",
    "junior",
    "lead",
    "sr",
    "jr",
    "i",
    "ii",
    "iii",
    "principal",
    "staff",
    "head",
}
_WORD = re.compile(r"[a-z0-9+#](?:[a-z0-9+#.]*[a-z0-9+#])?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def job_terms(title: str, skills: tuple[str, ...], description: str) -> Counter[str]:
    """A job's keyword document as term counts (title counted twice)."""
    return Counter(words(f"{title} {title} {' '.join(skills)} {description}"))


_job_terms = lru_cache(maxsize=20_000)(job_terms)  # read what it returns, never change it


SEARCH_TITLE_BOOST = 3  # a word in the title counts as much as three in the text


def search_order(jobs: list[Job], query: list[str]) -> list[Job]:
    """Jobs found by /search, most relevant first: BM25 of the query words over each job's
    title (boosted), skills and description; ties go to the newest."""
    documents = {
        job.id or 0: Counter(
            words(" ".join([job.title] * SEARCH_TITLE_BOOST + job.skills + [job.description]))
        )
        for job in jobs
    }
    scores = Bm25(documents).scores(words(" ".join(query)))
    return sorted(jobs, key=lambda job: (-scores[job.id or 0], -(job.id or 0)))


def title_terms(text: str) -> set[str]:
    return {w for w in words(text) if w not in _STOP and len(w) > 1}


@dataclass(frozen=True, slots=True)
class Preferences:
    """Filters saved with /prefs (stored on the profile)."""

    locations: tuple[str, ...] = ()
    remote: str | None = None
    salary_floor: int | None = None
    keywords: tuple[str, ...] = ()
    salary_currency: str | None = None  # the floor's (given, or of the person's country)
    excluded_companies: tuple[str, ...] = ()

    @classmethod
    def of(cls, profile: Profile) -> Preferences:
        places = tuple(profile.locations)
        currency = floor_currency(profile.salary_currency, countries_of(places))
        return cls(
            places,
            profile.remote,
            profile.salary_floor,
            tuple(profile.keywords),
            currency,
            tuple(norm_words(c) for c in profile.excluded_companies),
        )


def passes(job: Job, prefs: Preferences) -> bool:
    """Hard filters: companies left out, place and work mode, salary floor, keywords (any of
    them). A remote job that names a country is open in that country only: not remote for
    someone elsewhere."""
    if prefs.excluded_companies and left_out(job.company, prefs.excluded_companies):
        return False
    in_place = not prefs.locations or any(
        norm_words(place)
        in {norm_words(job.city or ""), norm_words(job.country or ""), norm_words(job.region or "")}
        for place in prefs.locations
    )
    if job.remote is RemoteMode.REMOTE and not _open_to(job, countries_of(prefs.locations)):
        return False
    mode = prefs.remote or "any"
    if mode == "remote":
        place_ok = job.remote in (RemoteMode.REMOTE, RemoteMode.UNKNOWN)
    elif mode == "onsite":
        place_ok = in_place and job.remote is not RemoteMode.REMOTE
    else:  # hybrid or any: in one of the places, or fully remote
        place_ok = in_place or job.remote is RemoteMode.REMOTE
    if not place_ok:
        return False
    if not pays_enough(job, prefs.salary_floor, prefs.salary_currency):
        return False
    if prefs.keywords:
        text = job.search_text().casefold()
        return any(k.casefold() in text for k in prefs.keywords)
    return True


@lru_cache(maxsize=1024)
def countries_of(places: tuple[str, ...]) -> frozenset[str]:
    """The countries (ISO alpha-2) the user's places lie in."""
    names = place_names()
    return frozenset(code for place in places for code in names.countries_of(place))


def job_country(job: Job) -> str | None:
    """The country (ISO alpha-2) a posting's place lies in, read from its whole location
    ("Atlanta" + "GA" is the US, not Gabon)."""
    return _place_country(", ".join(p for p in (job.city, job.region, job.country) if p))


@lru_cache(maxsize=8192)
def _place_country(place: str) -> str | None:
    return next(iter(place_names().countries_of(place)), None)


def remote_regions(job: Job) -> list[str]:
    """Where a remote job can be done from: its country when the posting names one (the
    feeds carry no other restriction), else anywhere ("*"); nowhere else for other jobs."""
    if job.remote is not RemoteMode.REMOTE:
        return []
    country = job_country(job)
    return [country] if country else ["*"]


def _open_to(job: Job, countries: frozenset[str]) -> bool:
    regions = remote_regions(job)
    return not countries or "*" in regions or bool(countries.intersection(regions))


def left_out(company: str, excluded: tuple[str, ...]) -> bool:
    """Whether the company is one the person left out: "Acme" leaves out "Acme Corp" and
    "ACME Inc.", not "Acmeware"."""
    name = f" {norm_words(company)} "
    return any(f" {ex} " in name for ex in excluded if ex)


def norm_words(text: str) -> str:
    return " ".join(words(text))


class Bm25:
    """BM25 over a set of candidate documents (fitted per query; small and exact)."""

    def __init__(
        self, documents: dict[int, Counter[str]], k1: float = 1.5, b: float = 0.75
    ) -> None:
        self._docs = documents
        self._lengths = {i: counts.total() for i, counts in documents.items()}
        self._avg = (sum(self._lengths.values()) / len(documents)) if documents else 1.0
        df: Counter[str] = Counter()
        for counts in self._docs.values():
            df.update(counts.keys())
        n = len(documents)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self._k1, self._b = k1, b

    def scores(self, query: list[str]) -> dict[int, float]:
        terms = set(query)
        out = {}
        for doc_id, counts in self._docs.items():
            length_norm = self._k1 * (1 - self._b + self._b * self._lengths[doc_id] / self._avg)
            out[doc_id] = sum(
                self._idf[t] * counts[t] * (self._k1 + 1) / (counts[t] + length_norm)
                for t in terms
                if t in counts
            )
        return out


@dataclass(frozen=True, slots=True)
class Match:
    """A job with its 0–100 score and 1–3 reasons."""

    job: Job
    score: int
    reasons: tuple[str, ...]


STALE_AFTER = ((90, 0.8), (30, 0.9))  # (older than N days, score factor)
SHOW_SCORE = 25  # a match scoring less is shown only when it is near the best one
NEAR_BEST = 0.4


def worth_showing(matches: list[Match]) -> list[Match]:
    """The matches worth a person's time, best first: those scoring at least SHOW_SCORE,
    or at least NEAR_BEST of the best score (a thin profile scores low everywhere).
    Unrelated jobs are not padding."""
    floor = min(SHOW_SCORE, NEAR_BEST * matches[0].score) if matches else 0
    return [m for m in matches if m.score >= floor]


def semantic_scale(cosine: float) -> float:
    """MiniLM cosines between a profile and a job mostly sit in 0.1..0.7: map that to 0..1."""
    return min(1.0, max(0.0, (cosine - 0.1) / 0.6))


def rank(
    profile: Profile,
    jobs: list[Job],
    cosines: dict[int, float],
    resume_text: str = "",
    today: date | None = None,
    lexical: dict[int, float] | None = None,
) -> list[Match]:
    """Score `jobs` (already filtered) for `profile`; best first, ties broken by job id.
    The active resume's text, when there is one, joins the keyword query; with `today`,
    postings older than a month count a little less. `lexical` is each job's BM25 score
    against the whole catalog, scaled to the person's best (`JobTable` measures it);
    without it BM25 is fitted to `jobs` alone."""
    if not jobs:
        return []
    mine = {skill_key(s) for s in profile.skills}
    has = _SkillCheck(mine)
    targets = [*profile.target_roles, *([profile.title] if profile.title else [])]
    # The roles the person wants come before the one they have: their current title counts
    # less when they named targets.
    target_terms = [
        (title_terms(t), 1.0 if n < len(profile.target_roles) or not profile.target_roles
         else CURRENT_TITLE_WEIGHT, t)
        for n, t in enumerate(targets)
    ]  # fmt: skip
    if lexical is None:
        query = words(" ".join([*targets, *profile.skills, resume_text]))
        bm25 = Bm25(
            {job.id or 0: _job_terms(job.title, tuple(job.skills), job.description) for job in jobs}
        )
        fitted_here = bm25.scores(query)
        top = max(fitted_here.values(), default=0.0) or 1.0
        lexical = {job_id: score / top for job_id, score in fitted_here.items()}
    occupations = person_occupations(profile)
    without_occupation = {**WEIGHTS, "occupation": 0.0}
    currency = Preferences.of(profile).salary_currency
    matches = []
    for job in jobs:
        job_id = job.id or 0
        have = [s for s in job.skills if has(s)]
        missing = [s for s in job.skills if s not in have]
        # Cosine of the two skill sets: long lists neither dilute nor inflate the overlap.
        # (At most 1: with near matches one skill of theirs can cover several of the job's.)
        skills = min(1.0, len(have) / math.sqrt(len(job.skills) * len(mine))) if have else 0.0
        terms = title_terms(job.title)
        fits = [
            (weight * len(terms & t) / len(terms | t), name)
            for t, weight, name in target_terms
            if terms | t
        ]
        title, fitted = max(fits, key=lambda fit: fit[0], default=(0.0, ""))  # first on ties
        occupation, through = occupation_fit(occupations, job.onet_code)
        signals = {
            "semantic": semantic_scale(cosines.get(job_id, 0.0)),
            "lexical": lexical.get(job_id, 0.0),
            "skills": skills,
            "title": title,
            "occupation": occupation,
        }
        # A job whose occupation is unknown is judged on the other signals alone.
        weights = WEIGHTS if job.onet_code is not None else without_occupation
        raw = sum(weights[k] * v for k, v in signals.items()) / sum(weights.values())
        raw *= _seniority_factor(job, profile.experience_years) * _freshness(job, today)
        reasons = _reasons(job, have, missing, title, fitted, profile, currency)
        reasons = _with_occupation(reasons, job, through)
        matches.append(Match(job, round(100 * raw), reasons))
    matches.sort(key=lambda m: (-m.score, m.job.id or 0))
    return matches


@lru_cache(maxsize=8192)
def skill_key(skill: str) -> frozenset[str]:
    """A skill as a set of word stems, after the taxonomy's aliases: "Budget Management",
    "budgeting" and "Budget" all become {"budget", …}; "MS Excel" becomes {"excel"}."""
    name = bundled_taxonomy().canonical(skill) or skill
    return frozenset(_stem(w) for w in words(name))


def _stem(word: str) -> str:
    for suffix, keep in (("ing", 4), ("ies", 3), ("s", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


class _SkillCheck:
    """Whether a person has a job's skill: one of theirs is the same, or one names the other
    whole with one generic word around it ("budget" ~ "budget management"). Answers are
    remembered for the ranking of one person."""

    def __init__(self, mine: set[frozenset[str]]) -> None:
        self._mine = mine
        self._by_word: dict[str, list[frozenset[str]]] = {}
        for key in mine:
            for word in key:
                self._by_word.setdefault(word, []).append(key)
        self._known: dict[str, bool] = {}

    def __call__(self, skill: str) -> bool:
        found = self._known.get(skill)
        if found is None:
            key = skill_key(skill)
            found = key in self._mine or any(
                near_skill(key, other) for word in key for other in self._by_word.get(word, ())
            )
            self._known[skill] = found
        return found


GENERIC_STEMS = frozenset(_stem(w) for w in GENERIC_SKILL_WORDS)


def near_skill(a: frozenset[str], b: frozenset[str]) -> bool:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    extra = large - small
    return (
        small <= large
        and len(extra) <= 1
        and extra <= GENERIC_STEMS
        and bool(small - GENERIC_STEMS)
    )


def _with_occupation(
    reasons: tuple[str, ...], job: Job, through: PersonOccupation | None
) -> tuple[str, ...]:
    """The occupation's reason, when the job's occupation is the person's or close to it and
    no title reason already says as much."""
    if through is None or job.onet_code is None or any("title" in r for r in reasons):
        return reasons
    near = closeness_of(through.onet_code, job.onet_code)
    whose = "the occupation you want" if through.target else "your occupation"
    if near == 1.0:
        line = f"{whose}: {occupation_name(job.onet_code)}"
    elif near >= 0.6:
        line = f"close to {whose} ({occupation_name(through.onet_code)})"
    else:
        return reasons
    kept = [r for r in reasons if r != "related to your profile"]
    return tuple([*kept[:1], line, *kept[1:]][:3])


def _freshness(job: Job, today: date | None) -> float:
    """Old postings are often filled: 1 in the first month, then less."""
    if today is None or job.posted_on is None:
        return 1.0
    age = (today - job.posted_on).days
    return next((factor for days, factor in STALE_AFTER if age > days), 1.0)


def _seniority_factor(job: Job, years: float | None) -> float:
    if years is None:
        return 1.0
    gap = SENIORITY_YEARS[job.seniority()] - years
    if gap > 4:
        return 0.7  # far too senior for now
    if gap > 2:
        return 0.85
    if gap < -8 and job.seniority() in ("intern", "junior"):
        return 0.8  # far too junior
    return 1.0


def _reasons(
    job: Job,
    have: list[str],
    missing: list[str],
    title: float,
    fitted: str,
    profile: Profile,
    currency: str | None,
) -> tuple[str, ...]:
    reasons = []
    if have:
        line = "you have " + ", ".join(have[:4])
        if missing:
            line += "; missing: " + ", ".join(missing[:3])
        reasons.append(line)
    elif missing:
        reasons.append("skills asked for: " + ", ".join(missing[:4]))
    if title >= 0.5 and fitted in profile.target_roles:
        reasons.append(f"the title fits your target ({fitted})")
    elif title >= 0.5 and fitted:
        reasons.append(f"the title is like your current one ({fitted})")
    if profile.salary_floor and (pay := pay_reason(job, currency)):
        reasons.append(pay)  # they asked for a floor: what it pays comes before where
    if job.remote is RemoteMode.REMOTE and profile.remote in ("remote", "any", "hybrid"):
        reasons.append("fully remote")
    elif (
        profile.locations
        and job.city
        and any(norm_words(p) == norm_words(job.city) for p in profile.locations)
    ):
        reasons.append(f"in {job.city}")
    return tuple(reasons[:3]) or ("related to your profile",)
