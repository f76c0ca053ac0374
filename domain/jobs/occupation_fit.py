"""The occupations a person is in or aims at, and how close a job's occupation is to them.

A person's occupations come from their target roles (the roles they want) and their current
title, each read by the same title matcher job import uses; a job's is the one stored with
it on import (`Job.onet_code`). Closeness follows O*NET: the same occupation, a related one,
or one in the same SOC group.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from domain.profiles import Profile
from domain.taxonomy import bundled_occupation_index, bundled_occupations, close_to, closeness

CURRENT_TITLE_WEIGHT = 0.7  # of a target role's
RUNNER_UP = 0.75  # a title's other readings count when they score this share of its best
CANDIDATE_CLOSENESS = 0.5  # jobs at least this close are candidates for the ranking


@dataclass(frozen=True, slots=True)
class PersonOccupation:
    onet_code: str
    weight: float  # 0..1: how surely the person is in (or aims at) it
    role: str  # the target role or title it was read from
    target: bool  # read from a target role, not the current title


def person_occupations(profile: Profile) -> tuple[PersonOccupation, ...]:
    """The occupations the profile's target roles and title name, best first."""
    roles = [(role, 1.0, True) for role in profile.target_roles]
    if profile.title:
        roles.append((profile.title, CURRENT_TITLE_WEIGHT if roles else 1.0, False))
    best: dict[str, PersonOccupation] = {}
    for role, weight, target in roles:
        for code, score in _readings(role):
            found = PersonOccupation(code, weight * score, role, target)
            if found.weight > (best[code].weight if code in best else 0.0):
                best[code] = found
    return tuple(sorted(best.values(), key=lambda o: -o.weight))


@lru_cache(maxsize=4096)
def _readings(role: str) -> tuple[tuple[str, float], ...]:
    matches = bundled_occupation_index().match(role, 3)
    if not matches:
        return ()
    top = matches[0].score
    return tuple((m.occupation.onet_code, m.score) for m in matches if m.score >= RUNNER_UP * top)


def occupation_fit(
    person: tuple[PersonOccupation, ...], onet_code: str | None
) -> tuple[float, PersonOccupation | None]:
    """How well a job in occupation `onet_code` fits the person (0..1), and through which of
    their occupations."""
    if onet_code is None:
        return 0.0, None
    fits = [(o.weight * closeness(o.onet_code, onet_code), o) for o in person]
    return max(fits, key=lambda fit: fit[0], default=(0.0, None))


def wanted_occupations(person: tuple[PersonOccupation, ...]) -> dict[str, float]:
    """Every occupation close enough to the person's to make its jobs candidates, with the
    fit a job in it would get."""
    wanted: dict[str, float] = {}
    for occupation in person:
        for code, near in close_to(occupation.onet_code, CANDIDATE_CLOSENESS).items():
            wanted[code] = max(wanted.get(code, 0.0), occupation.weight * near)
    return wanted


def occupation_name(onet_code: str) -> str | None:
    found = bundled_occupations().get(onet_code)
    return found.name if found else None
