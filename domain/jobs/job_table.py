"""The catalog as matrices, so many people are scored against every job at once.

Each signal of the ranking (`ranking.rank`) has a matrix form here: the embedding cosine
is a dense product, BM25 over the whole catalog, skill overlap and title overlap are sparse
products, the occupation's fit is a lookup in a closeness table, and the hard filters of
place, work mode and left-out companies are masks. A block of people costs a handful of
matrix products; the best rows come out by `argpartition`. The exact ranking, with its
reasons, then runs on that shortlist only.

Rows are added in job id order and never removed, so "new since job N" is a slice.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse

from domain.jobs.model import SENIORITY_YEARS, Job, RemoteMode
from domain.jobs.occupation_fit import CURRENT_TITLE_WEIGHT, person_occupations
from domain.jobs.ranking import (
    STALE_AFTER,
    WEIGHTS,
    Preferences,
    countries_of,
    job_terms,
    left_out,
    near_skill,
    norm_words,
    remote_regions,
    skill_key,
    title_terms,
    words,
)
from domain.profiles import Profile
from domain.taxonomy import bundled_rates, closeness

BM25_K1, BM25_B = 1.5, 0.75
BLOCK_CELLS = 1 << 21  # people × jobs scores computed at once (8 MB per signal)
ANYWHERE = -2  # a remote job open from any country
_MODES = {RemoteMode.UNKNOWN: 0, RemoteMode.REMOTE: 1, RemoteMode.HYBRID: 2, RemoteMode.ONSITE: 3}


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """What one person is scored by: their profile's signals and the jobs to leave out."""

    profile: Profile
    vector: list[float] | None = None
    resume_text: str = ""
    hidden: frozenset[int] = frozenset()  # job ids never to offer again
    after_id: int = 0  # only jobs with a larger id (a digest: those new since the last)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A shortlisted job with the signals the table measured for it."""

    job_id: int
    score: float  # the table's estimate of the final 0..1 score
    cosine: float
    lexical: float  # BM25 against the whole catalog, scaled to this person's best


class _Vocabulary:
    def __init__(self) -> None:
        self.ids: dict[object, int] = {}

    def id(self, key: object) -> int:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids)
        return found

    def get(self, key: object) -> int:
        return self.ids.get(key, -1)

    def __len__(self) -> int:
        return len(self.ids)


class _Rows:
    """A sparse matrix built row by row: column ids and values per row, kept as arrays once
    built so that adding rows later costs only the new ones."""

    def __init__(self) -> None:
        self._lengths: list[int] = []
        self._indices: list[int] = []
        self._values: list[float] = []
        self._built = (np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(0, np.int64))

    def add(self, counts: dict[int, float]) -> None:
        self._indices.extend(counts)
        self._values.extend(counts.values())
        self._lengths.append(len(counts))

    def matrix(self, columns: int) -> sparse.csr_array:
        values, indices, lengths = self._built
        if self._lengths:
            values = np.concatenate([values, np.asarray(self._values, dtype=np.float32)])
            indices = np.concatenate([indices, np.asarray(self._indices, dtype=np.int32)])
            lengths = np.concatenate([lengths, np.asarray(self._lengths, dtype=np.int64)])
            self._built = values, indices, lengths
            self._lengths, self._indices, self._values = [], [], []
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        shape = (len(lengths), max(columns, 1))
        return sparse.csr_array((values.copy(), indices, indptr), shape=shape)


class JobTable:
    """Every job's features as arrays, and the vectorised scoring of people against them.
    `dimensions` is the embedding size; with `vectors=False` (pgvector keeps them in the
    database) cosines come with the query instead."""

    def __init__(self, dimensions: int, vectors: bool = True) -> None:
        self.ids = np.zeros(0, dtype=np.int64)
        self.vectors = np.zeros((0, dimensions), dtype=np.float32) if vectors else None
        self._pending_vectors: list[np.ndarray] = []
        self._terms, self._skills, self._titles = _Vocabulary(), _Vocabulary(), _Vocabulary()
        self._codes, self._places, self._companies = _Vocabulary(), _Vocabulary(), _Vocabulary()
        self._currencies = _Vocabulary()
        self._term_rows, self._skill_rows, self._title_rows = _Rows(), _Rows(), _Rows()
        self._columns: dict[str, list[float]] = {
            name: []
            for name in (
                "length", "skill_count", "title_count", "code", "years", "junior",
                "posted", "city", "region", "country", "mode", "remote_region", "company",
                "pay", "pay_currency",
            )
        }  # fmt: skip
        self._ids: list[int] = []
        self._skill_words: dict[str, set[int]] = {}  # stem → skill columns containing it
        self._matrices: dict[str, sparse.csr_array] | None = None
        self._arrays: dict[str, np.ndarray] = {}
        self._transposed: dict[str, sparse.csr_array] = {}
        self._closeness: dict[str, np.ndarray] = {}
        self._near_skills: dict[frozenset[str], np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, jobs: list[Job], vectors: np.ndarray | None = None) -> None:
        """Append jobs (ids above every row's) with their vectors (zeros where none)."""
        if not jobs:
            return
        columns = self._columns
        for job in jobs:
            terms = job_terms(job.title, tuple(job.skills), job.description)
            self._term_rows.add({self._terms.id(t): float(n) for t, n in terms.items()})
            columns["length"].append(float(terms.total()))
            keys = Counter(skill_key(s) for s in job.skills)
            for key in keys:
                if key not in self._skills.ids:
                    for stem in key:
                        self._skill_words.setdefault(stem, set()).add(self._skills.id(key))
                    self._near_skills.clear()
            self._skill_rows.add({self._skills.id(k): float(n) for k, n in keys.items()})
            columns["skill_count"].append(float(len(job.skills)))
            mine = title_terms(job.title)
            self._title_rows.add({self._titles.id(t): 1.0 for t in mine})
            columns["title_count"].append(float(len(mine)))
            code = -1 if job.onet_code is None else self._codes.id(job.onet_code)
            columns["code"].append(code)
            level = job.seniority()
            columns["years"].append(SENIORITY_YEARS[level])
            columns["junior"].append(float(level in ("intern", "junior")))
            columns["posted"].append(
                math.nan if job.posted_on is None else float(job.posted_on.toordinal())
            )
            for name in ("city", "region", "country"):
                value = norm_words(getattr(job, name) or "")
                columns[name].append(self._places.id(value) if value else -1)
            columns["mode"].append(_MODES[job.remote])
            regions = remote_regions(job)
            columns["remote_region"].append(
                -1 if not regions else ANYWHERE if regions == ["*"] else self._places.id(regions[0])
            )
            columns["company"].append(self._companies.id(norm_words(job.company)))
            pay = job.yearly_salary_max()
            columns["pay"].append(math.nan if pay is None else float(pay))
            currency = job.salary_currency
            columns["pay_currency"].append(
                -1 if currency is None else self._currencies.id(currency)
            )
            self._ids.append(job.id or 0)
        if self.vectors is not None:
            dims = self.vectors.shape[1]
            block = np.zeros((len(jobs), dims), dtype=np.float32) if vectors is None else vectors
            self._pending_vectors.append(block.astype(np.float32, copy=False))
        self._matrices = None

    def best(
        self,
        queries: list[PersonQuery],
        limit: int,
        today: date | None = None,
        cosines: list[dict[int, float]] | None = None,
    ) -> list[list[Candidate]]:
        """Each person's `limit` best jobs by the table's score, best first, with the hard
        filters of place, work mode and left-out companies applied and their hidden jobs
        left out. `cosines` (job id → cosine, per query) stand in for the vectors when the
        table holds none."""
        self.build()
        out: list[list[Candidate]] = [[] for _ in queries]
        if not len(self.ids) or not queries:
            return out
        prepared = [self._prepare(q) for q in queries]
        order = sorted(range(len(queries)), key=lambda n: prepared[n].start)
        step = max(1, BLOCK_CELLS // max(1, len(self.ids) - prepared[order[0]].start))
        for begin in range(0, len(order), step):
            chunk = order[begin : begin + step]
            first = min(prepared[n].start for n in chunk)
            scores, lexical, cosine = self._score(
                [prepared[n] for n in chunk], first, today,
                None if cosines is None else [cosines[n] for n in chunk],
            )  # fmt: skip
            k = min(limit, scores.shape[1])
            if k <= 0:
                continue
            top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
            for row, n in enumerate(chunk):
                picked = top[row][np.isfinite(scores[row, top[row]])]
                picked = picked[np.argsort(-scores[row, picked], kind="stable")]
                out[n] = [
                    Candidate(
                        int(self.ids[first + i]),
                        float(scores[row, i]),
                        float(cosine[row, i]),
                        float(lexical[row, i]),
                    )
                    for i in picked
                ]
        return out

    # The scoring, one block of people at a time.

    def _score(
        self,
        people: list[_Prepared],
        first: int,
        today: date | None,
        cosines: list[dict[int, float]] | None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        m, a = self._matrices, self._arrays
        assert m is not None
        size = len(self.ids) - first
        if self.vectors is not None:
            wanted = np.zeros((len(people), self.vectors.shape[1]), dtype=np.float32)
            for n, person in enumerate(people):
                if person.vector is not None:
                    wanted[n] = person.vector
            cosine = wanted @ self.vectors[first:].T
        else:
            cosine = np.zeros((len(people), size), dtype=np.float32)
            for n, known in enumerate(cosines or []):
                rows = self._rows_of(frozenset(known)) - first
                keep = rows >= 0
                values = np.fromiter(known.values(), dtype=np.float32, count=len(known))
                order = np.argsort(np.fromiter(known, dtype=np.int64, count=len(known)))
                cosine[n, rows[keep]] = values[order][keep]
        semantic = np.clip((cosine - 0.1) / 0.6, 0.0, 1.0)

        lexical = self._product("terms", [p.lexical for p in people], first)
        skills = self._product("skills", [p.skills for p in people], first)
        counts = a["skill_count"][first:][None, :] * np.array([[p.skill_total] for p in people])
        skills = np.minimum(1.0, skills / np.sqrt(np.maximum(counts, 1.0)))
        skills[counts == 0] = 0.0

        title = np.zeros((len(people), size), dtype=np.float32)
        targets = [(n, t) for n, p in enumerate(people) for t in p.targets]
        if targets:
            shared = self._product("titles", [t.terms for _, t in targets], first)
            sizes = np.array([[t.size] for _, t in targets], dtype=np.float32)
            union = sizes + a["title_count"][first:][None, :] - shared
            fit = np.where(union > 0, shared / np.maximum(union, 1.0), 0.0)
            fit *= np.array([[t.weight] for _, t in targets], dtype=np.float32)
            for (n, _), line in zip(targets, fit, strict=True):
                np.maximum(title[n], line, out=title[n])

        codes = a["code"][first:].astype(np.int64)
        known_code = codes >= 0
        occupation = np.zeros((len(people), size), dtype=np.float32)
        for n, person in enumerate(people):
            if person.occupations is not None and len(person.occupations):
                occupation[n, known_code] = person.occupations[codes[known_code]]

        mask = np.stack([self._allowed(p, first) for p in people])
        lexical = np.where(mask, lexical, 0.0)
        top_lexical = lexical.max(axis=1, keepdims=True, initial=0.0)
        lexical = lexical / np.where(top_lexical > 0, top_lexical, 1.0)

        w = WEIGHTS
        raw = (
            w["semantic"] * semantic + w["lexical"] * lexical + w["skills"] * skills
            + w["title"] * title + w["occupation"] * occupation
        )  # fmt: skip
        total = sum(w.values())
        raw /= np.where(known_code, total, total - w["occupation"])[None, :]
        raw *= self._seniority(people, first) * self._freshness(first, today)[None, :]
        return np.where(mask, raw, -np.inf), lexical, cosine

    def _product(self, matrix: str, rows: list[dict[int, float]], first: int) -> np.ndarray:
        """People's sparse rows times the jobs' (from row `first`), as a dense block."""
        assert self._matrices is not None
        jobs = self._matrices[matrix]
        wanted = _Rows()
        for row in rows:
            wanted.add(row)
        if first == 0:  # the whole catalog: its columns, transposed once per build
            others = self._transposed.get(matrix)
            if others is None:
                others = self._transposed[matrix] = jobs.T.tocsr()
        else:  # only the newest rows: transposing them is cheap
            others = jobs[first:].T
        product = wanted.matrix(jobs.shape[1]) @ others
        return np.asarray(product.toarray(), dtype=np.float32)

    def _allowed(self, person: _Prepared, first: int) -> np.ndarray:
        """The hard filters `ranking.passes` applies, for every row from `first` (keywords
        are checked on the shortlist)."""
        a = self._arrays
        mode = a["mode"][first:]
        remote = mode == _MODES[RemoteMode.REMOTE]
        allowed = np.ones(len(mode), dtype=bool)
        allowed[: person.start - first] = False  # not new enough for this person
        hidden = person.hidden_rows - first
        allowed[hidden[hidden >= 0]] = False
        if person.companies.size:
            allowed &= ~np.isin(a["company"][first:], person.companies)
        places = person.places
        in_place = (
            np.isin(a["city"][first:], places)
            | np.isin(a["region"][first:], places)
            | np.isin(a["country"][first:], places)
            if person.has_places
            else np.ones(len(mode), dtype=bool)
        )
        if person.countries is not None:
            region = a["remote_region"][first:]
            open_here = (region == ANYWHERE) | np.isin(region, person.countries)
            allowed &= ~remote | open_here
        if person.mode == "remote":
            allowed &= remote | (mode == _MODES[RemoteMode.UNKNOWN])
        elif person.mode == "onsite":
            allowed &= in_place & ~remote
        else:
            allowed &= in_place | remote
        if person.pay_floors is not None:
            pay, currency = a["pay"][first:], a["pay_currency"][first:].astype(np.int64)
            allowed &= np.isnan(pay) | (pay >= person.pay_floors[currency])
        return allowed

    def _seniority(self, people: list[_Prepared], first: int) -> np.ndarray:
        a = self._arrays
        years = np.array([[math.nan if p.years is None else p.years] for p in people])
        gap = a["years"][first:][None, :] - years
        junior = a["junior"][first:][None, :] > 0
        factor = np.select([gap > 4, gap > 2, (gap < -8) & junior], [0.7, 0.85, 0.8], default=1.0)
        return np.where(np.isnan(years), 1.0, factor).astype(np.float32)

    def _freshness(self, first: int, today: date | None) -> np.ndarray:
        posted = self._arrays["posted"][first:]
        if today is None:
            return np.ones(len(posted), dtype=np.float32)
        age = today.toordinal() - posted
        factor = np.ones(len(posted), dtype=np.float32)
        for days, value in reversed(STALE_AFTER):  # the oldest band last: it wins
            factor[age > days] = value
        return factor

    # Building the matrices and each person's query rows.

    def build(self) -> None:
        """Make the matrices of what was added (`best` does it when needed)."""
        if self._matrices is not None:
            return
        self.ids = np.asarray(self._ids, dtype=np.int64)
        if self.vectors is not None and self._pending_vectors:
            self.vectors = np.vstack([self.vectors, *self._pending_vectors])
            self._pending_vectors = []
        self._arrays = {
            name: np.concatenate([self._arrays.get(name, np.zeros(0, np.float32)), values])
            for name, values in (
                (n, np.asarray(v, dtype=np.float32)) for n, v in self._columns.items()
            )
        }
        for values in self._columns.values():
            values.clear()
        terms = self._term_rows.matrix(len(self._terms))
        lengths = self._arrays["length"]
        average = float(lengths.mean()) if len(lengths) else 1.0
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(average, 1e-9))
        tf = terms.data
        terms.data = (tf * (BM25_K1 + 1) / (tf + np.repeat(norm, np.diff(terms.indptr)))).astype(
            np.float32
        )
        df = np.bincount(terms.indices, minlength=terms.shape[1])
        n = len(lengths)
        self._idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        self._matrices = {
            "terms": terms,
            "skills": self._skill_rows.matrix(len(self._skills)),
            "titles": self._title_rows.matrix(len(self._titles)),
        }
        self._transposed = {}
        self._closeness.clear()

    def _prepare(self, query: PersonQuery) -> _Prepared:
        profile = query.profile
        prefs = Preferences.of(profile)
        targets = [*profile.target_roles, *([profile.title] if profile.title else [])]
        query_terms = set(words(" ".join([*targets, *profile.skills, query.resume_text])))
        lexical = {
            col: float(self._idf[col]) for t in query_terms if (col := self._terms.get(t)) >= 0
        }
        mine = {skill_key(s) for s in profile.skills}
        held: set[int] = set()
        for key in mine:
            held.update(self._near_columns(key).tolist())
        weighted = []
        for n, role in enumerate(targets):
            terms = title_terms(role)
            weight = (
                1.0
                if n < len(profile.target_roles) or not profile.target_roles
                else (CURRENT_TITLE_WEIGHT)
            )
            known = {col: 1.0 for t in terms if (col := self._titles.get(t)) >= 0}
            weighted.append(_Target(known, len(terms), weight))
        occupations = None
        person = person_occupations(profile)
        if person and len(self._codes):
            occupations = np.zeros(len(self._codes), dtype=np.float32)
            for occupation in person:
                row = occupation.weight * self._closeness_row(occupation.onet_code)
                np.maximum(occupations, row, out=occupations)
        countries = countries_of(prefs.locations)
        places = [self._places.get(norm_words(p)) for p in prefs.locations]
        excluded = prefs.excluded_companies
        companies = (
            [i for name, i in self._companies.ids.items() if left_out(str(name), excluded)]
            if excluded
            else []
        )
        countries_known = [c for c in (self._places.get(c) for c in countries) if c >= 0]
        return _Prepared(
            pay_floors=self._pay_floors(prefs),
            start=int(np.searchsorted(self.ids, query.after_id, side="right")),
            hidden_rows=self._rows_of(query.hidden),
            vector=query.vector,
            lexical=lexical,
            skills=dict.fromkeys(held, 1.0),
            skill_total=float(len(mine)),
            targets=weighted,
            occupations=occupations,
            years=profile.experience_years,
            mode=prefs.remote or "any",
            has_places=bool(prefs.locations),
            places=np.array([p for p in places if p >= 0], dtype=np.float32),
            countries=np.array(countries_known, dtype=np.float32) if countries else None,
            companies=np.array(companies, dtype=np.float32),
        )

    def _pay_floors(self, prefs: Preferences) -> np.ndarray | None:
        """The person's salary floor in each currency jobs are paid in (the last entry for
        jobs that do not say theirs), as `salary.pays_enough` compares them."""
        floor, mine = prefs.salary_floor, prefs.salary_currency
        if not floor:
            return None
        floors = np.full(len(self._currencies) + 1, float(floor), dtype=np.float32)
        for currency, n in self._currencies.ids.items():
            if mine is not None and currency != mine:
                converted = bundled_rates().convert(floor, mine, str(currency))
                floors[n] = floor if converted is None else converted
        return floors

    def _near_columns(self, key: frozenset[str]) -> np.ndarray:
        """The catalog's skill columns a person with skill `key` has (`ranking._SkillCheck`)."""
        found = self._near_skills.get(key)
        if found is None:
            columns = {c for stem in key for c in self._skill_words.get(stem, ())}
            keys = {i: k for k, i in self._skills.ids.items() if i in columns}
            found = np.array(
                sorted(i for i, k in keys.items() if k == key or near_skill(k, key)),  # type: ignore[arg-type]
                dtype=np.int64,
            )
            self._near_skills[key] = found
        return found

    def _closeness_row(self, code: str) -> np.ndarray:
        found = self._closeness.get(code)
        if found is None or len(found) != len(self._codes):
            found = np.array([closeness(code, str(c)) for c in self._codes.ids], dtype=np.float32)
            self._closeness[code] = found
        return found

    def _rows_of(self, job_ids: frozenset[int]) -> np.ndarray:
        if not job_ids:
            return np.zeros(0, dtype=np.int64)
        wanted = np.fromiter(job_ids, dtype=np.int64, count=len(job_ids))
        wanted.sort()
        rows = np.searchsorted(self.ids, wanted)
        rows = np.minimum(rows, len(self.ids) - 1)
        return np.where(self.ids[rows] == wanted, rows, -1)


@dataclass(frozen=True, slots=True)
class _Target:
    terms: dict[int, float]
    size: int
    weight: float


@dataclass(frozen=True, slots=True)
class _Prepared:
    pay_floors: np.ndarray | None  # by job currency; None for no floor
    start: int  # the first row new enough
    hidden_rows: np.ndarray
    vector: list[float] | None
    lexical: dict[int, float]
    skills: dict[int, float]
    skill_total: float
    targets: list[_Target]
    occupations: np.ndarray | None
    years: float | None
    mode: str
    has_places: bool
    places: np.ndarray
    countries: np.ndarray | None
    companies: np.ndarray
