"""A demo job catalog, generated (not copied): a few hundred varied, plausible postings
across many occupations, so /matches works out of the box. Deterministic for a seed. The
ingredients (roles, cities, company words, benefits) are in demo_catalog.json."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from importlib import resources
from typing import Any

from domain.jobs.model import Job, RemoteMode

DEMO_SOURCE = "demo"


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    skills: tuple[str, ...]
    extras: tuple[str, ...]
    duties: tuple[str, ...]
    salary: int  # mid-level yearly base in EUR


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    currency: str


_DATA: dict[str, Any] = json.loads(
    resources.files("domain.jobs").joinpath("demo_catalog.json").read_text("utf-8")
)
ROLES: tuple[Role, ...] = tuple(
    Role(r["title"], tuple(r["skills"]), tuple(r["extras"]), tuple(r["duties"]), r["salary"])
    for r in _DATA["roles"]
)
CITIES: tuple[City, ...] = tuple(City(*c) for c in _DATA["cities"])
_RATE: dict[str, float] = _DATA["rates"]
_PREFIX, _STEM, _KIND = (tuple(_DATA["company_words"][k]) for k in ("prefix", "stem", "kind"))
_BENEFITS: tuple[str, ...] = tuple(_DATA["benefits"])
_LEVELS = (("Junior ", 0.75, "1+"), ("", 1.0, "3+"), ("Senior ", 1.3, "5+"), ("Lead ", 1.5, "8+"))


def _company(rng: random.Random) -> str:
    return f"{rng.choice(_PREFIX)}{rng.choice(_STEM)} {rng.choice(_KIND)}"


def demo_jobs(count: int = 300, seed: int = 7) -> list[Job]:
    """`count` generated postings. The same seed always gives the same catalog."""
    rng = random.Random(seed)
    jobs = []
    for n in range(count):
        role = ROLES[n % len(ROLES)]
        prefix, factor, years = rng.choices(_LEVELS, weights=(2, 4, 3, 1))[0]
        if (
            role.title.startswith(("Registered", "Primary", "Billing", "IT Support"))
            and prefix == "Lead "
        ):
            prefix, factor, years = "Senior ", 1.3, "5+"
        place = rng.choice(CITIES)
        city, country, currency = place.name, place.country, place.currency
        remote = rng.choices(list(RemoteMode)[:3], weights=(3, 4, 4))[0]
        if role.title in ("Registered Nurse", "Primary School Teacher"):
            remote = RemoteMode.ONSITE
        base = role.salary * factor * _RATE[currency] * rng.uniform(0.9, 1.15)
        low, high = int(round(base * 0.9, -3)), int(round(base * 1.15, -3))
        company = _company(rng)
        title = f"{prefix}{role.title}"
        extras = rng.sample(role.extras, k=min(2, len(role.extras)))
        duties = rng.sample(role.duties, k=len(role.duties))
        benefits = rng.sample(_BENEFITS, k=3)
        description = "\n".join(
            [
                f"{company} is hiring a {title} in {city}"
                + (" (remote possible)" if remote is RemoteMode.REMOTE else "")
                + f". You will {duties[0]}.",
                "What you'll do:",
                *[f"• {d[0].upper()}{d[1:]}" for d in duties],
                "What you bring:",
                f"• {years} years of experience as a {role.title.casefold()} or similar",
                f"• {', '.join(role.skills[:-1])} and {role.skills[-1]}",
                f"Nice to have: {', '.join(extras)}.",
                f"We offer {benefits[0]}, {benefits[1]} and {benefits[2]}.",
            ]
        )
        jobs.append(
            Job(
                source=DEMO_SOURCE,
                external_id=f"demo-{seed}-{n}",
                title=title,
                company=company,
                description=description,
                city=city,
                country=country,
                remote=remote,
                employment_type=rng.choices(
                    ["full-time", "part-time", "contract"], weights=(8, 1, 1)
                )[0],
                salary_min=low if rng.random() < 0.8 else None,
                salary_max=high if rng.random() < 0.8 else None,
                salary_currency=currency,
                salary_interval="year",
                url=f"https://jobs.example.com/{company.casefold().replace(' ', '-')}/{n}",
                skills=[*role.skills, *extras],
            )
        )
    return jobs
