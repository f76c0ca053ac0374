"""The career profile: what CareerBot knows about a person, and how it is edited in chat.

Fields are described as data (`PROFILE_FIELDS`) so that parsing, validation, display and
help text all come from one table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, Field

from domain.errors import InvalidField

MAX_TEXT = 200
MAX_ITEMS = 50
REMOTE_CHOICES = ("remote", "hybrid", "onsite", "any")


class Profile(BaseModel):
    """A person's career profile; filled from a resume or by hand, edited in chat."""

    name: str | None = None
    title: str | None = None
    experience_years: float | None = None
    education: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    personality_traits: list[str] = Field(default_factory=list)
    motivators: list[str] = Field(default_factory=list)
    work_style: str | None = None
    target_roles: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    remote: str | None = None
    salary_floor: int | None = None
    salary_currency: str | None = None  # ISO 4217; None: the currency of their places
    keywords: list[str] = Field(default_factory=list)
    excluded_companies: list[str] = Field(default_factory=list)
    hours_per_week: int | None = None
    constraints: str | None = None
    timezone: str | None = None
    manual_fields: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        """True when nothing but bookkeeping has been filled in."""
        data = self.model_dump(exclude={"manual_fields"})
        return not any(data.values())


def _clean_text(raw: str) -> str:
    text = " ".join(raw.split())
    if not text:
        raise ValueError("it can't be empty")
    if len(text) > MAX_TEXT:
        raise ValueError(f"keep it under {MAX_TEXT} characters")
    return text


def _parse_list(raw: str) -> list[str]:
    items: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[,;\n]", raw):
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            if len(item) > MAX_TEXT:
                raise ValueError(f"each item must be under {MAX_TEXT} characters")
            seen.add(item.casefold())
            items.append(item)
    if not items:
        raise ValueError("give at least one item, separated by commas")
    if len(items) > MAX_ITEMS:
        raise ValueError(f"at most {MAX_ITEMS} items")
    return items


def _parse_skills(raw: str) -> list[str]:
    """A skill list, with names normalised to the taxonomy ("k8s" → "Kubernetes")."""
    from domain.taxonomy import bundled_taxonomy

    return bundled_taxonomy().normalise_list(_parse_list(raw))


def _parse_years(raw: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(?:y|yr|yrs|years?)?\s*", raw, re.IGNORECASE)
    if not match:
        raise ValueError("give a number of years, e.g. 4 or 2.5")
    years = float(match.group(1).replace(",", "."))
    if years > 70:
        raise ValueError("that is more than a working life")
    return years


def _parse_hours(raw: str) -> int:
    match = re.search(r"\d+", raw)
    if not match or not 1 <= int(match.group(0)) <= 60:
        raise ValueError("give a number of hours a week between 1 and 60, e.g. 6")
    return int(match.group(0))


@dataclass(frozen=True, slots=True)
class FieldValues:
    """What a field's parser returns when the text sets another field with it."""

    values: dict[str, Any]


_SALARY = re.compile(r"\s*(\D{0,3}?)\s*(\d[\d ,._']*)\s*(k)?\s*([a-z$€£₹¥₪]{0,3})\s*", re.I)


def _parse_salary(raw: str) -> int | FieldValues:
    """A yearly amount ("85000", "85k"), with a currency or not ("€70k", "70k EUR")."""
    from domain.taxonomy import currency_code

    match = _SALARY.fullmatch(raw)
    if not match:
        raise ValueError("give a yearly amount, e.g. 85000, 85k or 70k EUR")
    digits = re.sub(r"[ ,._']", "", match.group(2))
    amount = int(digits) * (1000 if match.group(3) else 1)
    if amount <= 0 or amount > 100_000_000:
        raise ValueError("that amount is out of range")
    written = (match.group(1) or match.group(4)).strip()
    if not written:
        return amount
    currency = currency_code(written)
    if currency is None:
        raise ValueError(f"I don't know the currency {written!r}: use a code like EUR or USD")
    return FieldValues({"salary_floor": amount, "salary_currency": currency})


def _parse_currency(raw: str) -> str:
    from domain.taxonomy import currency_code

    currency = currency_code(raw)
    if currency is None:
        raise ValueError("give a currency code like EUR, USD or GBP")
    return currency


_REMOTE_ALIASES = {
    "remote": "remote",
    "yes": "remote",
    "fully remote": "remote",
    "wfh": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on-site": "onsite",
    "office": "onsite",
    "in office": "onsite",
    "no": "onsite",
    "any": "any",
    "either": "any",
    "don't mind": "any",
    "dont mind": "any",
}


def _parse_remote(raw: str) -> str:
    key = " ".join(raw.casefold().split())
    if key not in _REMOTE_ALIASES:
        raise ValueError("choose one of: " + ", ".join(REMOTE_CHOICES))
    return _REMOTE_ALIASES[key]


def parse_timezone(raw: str) -> str:
    """Return the canonical IANA name for `raw` (case-insensitive), or raise ValueError."""
    name = raw.strip().replace(" ", "_")
    if name.upper() in {"UTC", "GMT", "Z"}:
        return "UTC"
    zones = available_timezones()
    by_fold = {zone.casefold(): zone for zone in zones}
    canonical = by_fold.get(name.casefold())
    if canonical is None:
        # A city alone ("Berlin", "new york") names its zone when exactly one zone ends with it.
        cities = [z for z in zones if z.casefold().endswith("/" + name.casefold())]
        canonical = sorted(cities)[0] if len(cities) == 1 else None
    if canonical is None:
        raise ValueError("use an IANA time zone name such as Europe/Berlin or America/New_York")
    try:
        ZoneInfo(canonical)
    except ZoneInfoNotFoundError as exc:  # pragma: no cover - tzdata mismatch
        raise ValueError(str(exc)) from exc
    return canonical


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one profile field is named, parsed and shown."""

    name: str
    label: str
    parse: Callable[[str], Any]
    example: str
    aliases: tuple[str, ...] = ()


PROFILE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "Name", _clean_text, "Ada Lovelace"),
    FieldSpec("title", "Current title", _clean_text, "Data Analyst", ("role", "position")),
    FieldSpec("experience_years", "Years of experience", _parse_years, "4", ("experience",)),
    FieldSpec("education", "Education", _parse_list, "BSc Mathematics, University of Leeds"),
    FieldSpec("skills", "Skills", _parse_skills, "Python, SQL, Tableau", ("skill",)),
    FieldSpec(
        "personality_traits",
        "Personality traits",
        _parse_list,
        "curious, calm",
        ("traits", "personality"),
    ),
    FieldSpec("motivators", "Motivators", _parse_list, "impact, learning", ("motivation",)),
    FieldSpec("work_style", "Work style", _clean_text, "small teams, async", ("style",)),
    FieldSpec(
        "target_roles",
        "Target roles",
        _parse_list,
        "Product Manager",
        ("target", "targets", "target_role", "goal"),
    ),
    FieldSpec("locations", "Locations", _parse_list, "Berlin, London", ("location", "city")),
    FieldSpec("remote", "Remote preference", _parse_remote, "remote"),
    FieldSpec(
        "salary_floor", "Salary floor (yearly)", _parse_salary, "85000", ("salary", "min_salary")
    ),
    FieldSpec("salary_currency", "Salary currency", _parse_currency, "EUR", ("currency",)),
    FieldSpec("keywords", "Job keywords", _parse_list, "python, climate", ("keyword",)),
    FieldSpec(
        "excluded_companies",
        "Companies to leave out",
        _parse_list,
        "Acme, Initech",
        ("exclude", "excluded", "not_companies"),
    ),
    FieldSpec(
        "hours_per_week", "Hours a week for your career move", _parse_hours, "6", ("hours", "time")
    ),
    FieldSpec(
        "constraints", "Constraints", _clean_text, "can't relocate before June", ("constraint",)
    ),
    FieldSpec("timezone", "Time zone", parse_timezone, "Europe/Berlin", ("tz", "time_zone")),
)

_BY_NAME: dict[str, FieldSpec] = {}
for _spec in PROFILE_FIELDS:
    for _key in (_spec.name, *_spec.aliases):
        _BY_NAME[_key] = _spec


def find_field(name: str) -> FieldSpec:
    """Look a field up by its name or an alias ("tz", "salary", "target role")."""
    key = "_".join(name.casefold().replace("-", " ").split())
    spec = _BY_NAME.get(key)
    if spec is None:
        raise InvalidField(name, "unknown field")
    return spec


def set_field(profile: Profile, field_name: str, raw_value: str) -> Profile:
    """Return a copy of `profile` with one field set from user text, marked as set by hand."""
    spec = find_field(field_name)
    try:
        value = spec.parse(raw_value)
    except ValueError as exc:
        raise InvalidField(spec.name, str(exc)) from exc
    updates = value.values if isinstance(value, FieldValues) else {spec.name: value}
    manual = [f for f in profile.manual_fields if f not in updates] + list(updates)
    return profile.model_copy(update={**updates, "manual_fields": manual})


def clear_field(profile: Profile, field_name: str) -> Profile:
    """Return a copy of `profile` with one field emptied (and no longer marked as manual)."""
    spec = find_field(field_name)
    empty = Profile.model_fields[spec.name].get_default(call_default_factory=True)
    manual = [f for f in profile.manual_fields if f != spec.name]
    return profile.model_copy(update={spec.name: empty, "manual_fields": manual})


def display_value(profile: Profile, spec: FieldSpec) -> str | None:
    """The field's value as text for display, or None when it is empty."""
    value = getattr(profile, spec.name)
    if value is None or value == []:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    if spec.name == "salary_floor":
        return f"{value:,} {profile.salary_currency}" if profile.salary_currency else f"{value:,}"
    return str(value)


_WORK_MODE = re.compile(
    r"\b(fully remote|remote|hybrid|on-?site|in office|office|wfh|anywhere|worldwide)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"\b(ok|okay|fine|only|is|preferred|please|in|near|around|from|work|working|or|and)\b",
    re.IGNORECASE,
)


def parse_location_answer(raw: str) -> tuple[list[str], str | None]:
    """Split an answer like "hybrid in Paris or London" into (["Paris", "London"], "hybrid")."""
    locations: list[str] = []
    remote: str | None = None
    for part in re.split(r"[,;/\n]|\bor\b|\band\b", raw, flags=re.IGNORECASE):
        for mode in _WORK_MODE.findall(part):
            key = mode.casefold()
            remote = "any" if key in {"anywhere", "worldwide"} else _REMOTE_ALIASES[key]
        place = " ".join(_FILLER.sub(" ", _WORK_MODE.sub(" ", part)).split())
        if place:
            locations.extend(_parse_list(place))
    return locations, remote
