"""Who the resume is about: name, e-mail, phone, profile links and location.

Phone numbers are found and validated with `phonenumbers` (Google's libphonenumber), so a
date range or an ID is not taken for a phone. The name is the line near the top that reads
like a person's name — in the largest type when the file tells sizes — never a title, a
heading, a place or a labelled field ("LinkedIn: Jane Doe" is a link's text, not a name).
"""

from __future__ import annotations

import re

import phonenumbers

from domain.resumes.dates import find_range
from domain.resumes.document import Basics, Location, SocialProfile
from domain.resumes.layout import CELL, TextLine
from domain.resumes.lexicon import company_score, placeholder_kind, title_words
from domain.resumes.places import place_names
from domain.resumes.sections import heading_of, unspaced
from domain.taxonomy import bundled_taxonomy

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(linkedin\.com/in|github\.com|gitlab\.com|behance\.net"
    r"|dribbble\.com)/([\w.-]+)/?",
    re.IGNORECASE,
)
URL = re.compile(r"(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/[\w./?=&%-]*)?", re.IGNORECASE)
_NETWORKS = {
    "linkedin": "LinkedIn",
    "github": "GitHub",
    "gitlab": "GitLab",
    "behance": "Behance",
    "dribbble": "Dribbble",
}
_LABEL = re.compile(r"^[\w /.-]{2,25}:\s*")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÝА-Я][a-zà-ÿа-я'’-]+|[A-ZÀ-ÝА-Я]\.|[A-ZÀ-ÝА-Я'’-]{2,})$")
_PARTICLES = {"van", "von", "de", "der", "da", "di", "del", "la", "le", "bin", "al"}
PHONE_REGIONS = ("US", "GB", "DE", "IL", "RU", "IN", "FR", "CA", "AU")
_DATEISH = re.compile(r"\d{1,2}/\d{2,4}|\b(?:19|20)\d\d\s*[–-]")
NAME_ZONE = 12  # lines from the top where a name may stand
PHONE_ZONE = 6000  # characters from the top, and a third of it from the end (footers)
MAX_PHONE_TRIES = 200  # candidate numbers per region (a page of figures is not a phone book)


def contacts(lines: list[TextLine], basics: Basics) -> None:
    """Fill e-mail, phone and profiles from anywhere in the resume (first found wins)."""
    text = "\n".join(line.text.replace(CELL, "  ") for line in lines)
    email = EMAIL.search(text)
    if email:
        basics.email = email.group(0)
    for match in PROFILE_URL.finditer(text):
        network = _NETWORKS[match.group(1).split(".")[0].casefold()]
        if all(p.network != network for p in basics.profiles):
            host = match.group(1).casefold()
            basics.profiles.append(
                SocialProfile(
                    network=network,
                    username=match.group(2),
                    url=f"https://{host}/{match.group(2)}",
                )
            )
    zone = text
    if len(text) > PHONE_ZONE * 2:
        zone = f"{text[:PHONE_ZONE]}\n{text[-PHONE_ZONE // 3 :]}"
    basics.phone = _phone(zone)
    if basics.url is None:
        for url in URL.finditer(text):
            if not PROFILE_URL.match(url.group(0)):
                basics.url = url.group(0)
                break


def _phone(text: str) -> str | None:
    """The first valid phone number, as written; date ranges ("08/93-02/94", "2013 –
    10/2014") that look like numbers are not phones."""
    for region in PHONE_REGIONS:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.VALID, max_tries=MAX_PHONE_TRIES
        )
        for match in matcher:
            raw = match.raw_string.strip()
            if sum(c.isdigit() for c in raw) < 7 or find_range(raw) or _DATEISH.search(raw):
                continue
            return raw
    return None


def find_name(lines: list[TextLine], header_size: int) -> str | None:
    """The person's name: a name-shaped line near the top, weighed by where it stands (the
    first line, the largest type on the first page, above the headline, before the first
    heading) and by a name parser trained on people's and companies' names."""
    sizes = [line.size for line in lines[:60] if line.page == 0 and line.size]
    largest = max(sizes) if sizes else 0.0
    body = sorted(sizes)[len(sizes) // 2] if sizes else 0.0
    best: tuple[float, str] | None = None
    for index, line in enumerate(lines[:60]):
        for cell in line.cells or [line.text]:
            name = _as_name(unspaced(cell))
            if name is None:
                continue
            score = 0.0
            if index == 0 or all(not other.text.strip(" ,|") for other in lines[:index]):
                score += 2
            if index < header_size:
                score += 1
            if largest and line.size >= largest - 0.1 and largest > body + 1:
                score += 2
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            if _headline_like(following):
                score += 1
            if _parsed_as_person(name):
                score += 1.5
            if index >= NAME_ZONE and score < 2.5:
                continue
            if score >= 2 and (best is None or score > best[0]):
                best = (score, name)
    return best[1] if best else None


def _headline_like(text: str) -> bool:
    text = unspaced(text.replace(CELL, "  ")).strip()
    return 1 <= len(text.split()) <= 6 and title_words().title_score(text) >= 0.6


def _parsed_as_person(name: str) -> bool:
    import probablepeople

    try:
        return bool(probablepeople.tag(name)[1] == "Person")
    except probablepeople.RepeatedLabelError:
        return False


def _as_name(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,|•")
    if not text or _LABEL.match(text) or heading_of(TextLine(text)) is not None:
        return None
    if EMAIL.search(text) or any(c.isdigit() for c in text) or placeholder_kind(text):
        return None
    words = text.split()
    if not 2 <= len(words) <= 4:
        return None
    if not all(_NAME_WORD.match(w) or w.casefold() in _PARTICLES for w in words):
        return None
    title = title_words().title_score(text)
    if title >= 0.75 or company_score(text) > 0 or (title >= 0.5 and not _parsed_as_person(text)):
        return None
    if place_names().is_place(text) or bundled_taxonomy().find_in_text(text):
        return None
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in words)


def home_location(header: list[TextLine]) -> Location | None:
    """Where the person lives: a place among the pieces of the lines above the first
    heading ("maria@example.org | +49 151 2345 6789 | Berlin, Germany")."""
    places = place_names()
    for line in header[:8]:
        for piece in re.split(rf"{CELL}|\s+[|•·–—]\s+|\s{{2,}}", line.text):
            piece = piece.strip(" ,;")
            if piece and not EMAIL.search(piece) and places.is_place(piece):
                parts = [p.strip() for p in piece.split(",") if p.strip()]
                location = Location(city=parts[0])
                if len(parts) > 1:
                    location.region = parts[1] if len(parts) > 2 else None
                    location.countryCode = places.country_code(parts[-1])
                    if location.countryCode is None:
                        location.region = parts[1]
                return location
    return None
