"""A posting's pay against the person's salary floor, in the person's currency.

The floor's currency is the one the person gave (`/prefs salary 70k EUR`), else the
currency of the country of their first place. A posting paid in another currency is
converted at the bundled ECB reference rates (dated); one whose currency is unknown, or
that cannot be converted, is compared as written.
"""

from __future__ import annotations

from domain.jobs.model import Job
from domain.taxonomy import bundled_rates, currency_of_country


def floor_currency(currency: str | None, countries: frozenset[str]) -> str | None:
    """The currency a salary floor is in: the one given, else that of the person's
    country (when their places lie in one)."""
    if currency is not None:
        return currency
    found = {c for country in countries if (c := currency_of_country(country))}
    return found.pop() if len(found) == 1 else None


def yearly_top_in(job: Job, currency: str | None) -> tuple[float | None, bool]:
    """The top of the job's yearly pay in `currency`, and whether it was converted."""
    top = job.yearly_salary_max()
    source = job.salary_currency
    if top is None or currency is None or source is None or source == currency:
        return top, False
    converted = bundled_rates().convert(top, source, currency)
    return (top, False) if converted is None else (converted, True)


def pays_enough(job: Job, floor: int | None, currency: str | None) -> bool:
    """Whether the job can pay the floor; a job that does not say its pay is kept."""
    top, _ = yearly_top_in(job, currency)
    return not floor or top is None or top >= floor


def pay_reason(job: Job, currency: str | None) -> str | None:
    """ "pays up to 95,000 USD a year", with the conversion said when there was one."""
    top, converted = yearly_top_in(job, currency)
    if top is None:
        return None
    own = job.yearly_salary_max()
    written = f"{own:,} {job.salary_currency or ''}".rstrip()
    if not converted:
        return f"pays up to {written} a year"
    day = bundled_rates().day
    return (
        f"pays up to {written} a year (≈ {round(top, -2):,.0f} {currency} at the ECB rate "
        f"of {day:%d %b %Y})"
    )
