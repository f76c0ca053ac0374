"""The bundled skills taxonomy: canonical skill names, their aliases, and finding them in text.

Matching works on tokens, not on one giant regex: the text is split into tokens that keep
the punctuation skills use ("C++", "C#", ".NET", "Node.js", "CI/CD"), and every run of up
to `MAX_ALIAS_TOKENS` tokens is looked up in a dictionary. Aliases marked strict in the data
("Go", "R", "AI", all-caps acronyms) only match with their exact case, so "go to market" is
not the Go language and "San Francisco" is not a storage network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

MAX_ALIAS_TOKENS = 6
_TOKEN = re.compile(r"\.?[A-Za-z0-9][A-Za-z0-9.+#/&'-]*[A-Za-z0-9+#]|\.?[A-Za-z0-9][+#]*")


@dataclass(frozen=True, slots=True)
class Skill:
    """A canonical skill. `kind` is "tech" (tools, methods) or "soft" (professional skills)."""

    name: str
    kind: str


def tokenize(text: str) -> list[str]:
    """Split text into skill-shaped tokens ("Node.js", "C++", "CI/CD" stay whole)."""
    tokens = []
    for token in _TOKEN.findall(text):
        token = token.rstrip(".-/'&")
        if token:
            tokens.append(token)
    return tokens


class SkillTaxonomy:
    """Looks skills up by any alias, and finds them in free text."""

    def __init__(self, rows: list[tuple[str, str, list[str]]]) -> None:
        self._skills: dict[str, Skill] = {}
        self._folded: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        for name, kind, aliases in rows:
            canonical = name.lstrip("=")
            self._skills[canonical] = Skill(canonical, kind)
            for alias in [name, *aliases]:
                self._add_alias(alias, canonical)

    def _add_alias(self, alias: str, canonical: str) -> None:
        strict = alias.startswith("=")
        tokens = tuple(tokenize(alias.lstrip("=")))
        if not tokens or len(tokens) > MAX_ALIAS_TOKENS:
            return
        if strict:
            self._exact.setdefault(tokens, canonical)
        else:
            self._folded.setdefault(tuple(t.casefold() for t in tokens), canonical)

    def tech_words(self) -> frozenset[str]:
        """The one-word names and aliases of tools and technologies, case-folded."""
        return frozenset(
            alias[0].casefold()
            for alias, name in [*self._folded.items(), *self._exact.items()]
            if len(alias) == 1 and self._skills[name].kind == "tech"
        )

    def __len__(self) -> int:
        return len(self._skills)

    def get(self, name: str) -> Skill | None:
        """The skill with this canonical name."""
        return self._skills.get(name)

    def canonical(self, phrase: str) -> str | None:
        """The canonical name of a whole phrase ("k8s" → "Kubernetes"), or None."""
        tokens = tuple(tokenize(phrase))
        return self._lookup(tokens) if tokens else None

    def _lookup(self, tokens: tuple[str, ...]) -> str | None:
        exact = self._exact.get(tokens)
        if exact is not None:
            return exact
        return self._folded.get(tuple(t.casefold() for t in tokens))

    def find_in_text(self, text: str) -> list[str]:
        """Canonical names of every skill mentioned in `text`, in order of first mention."""
        tokens = tokenize(text)
        found: dict[str, None] = {}
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_ALIAS_TOKENS, len(tokens) - i), 0, -1):
                name = self._lookup(tuple(tokens[i : i + size]))
                if name is not None:
                    found.setdefault(name)
                    i += size
                    break
            else:
                if "/" in tokens[i]:
                    for part in tokens[i].split("/"):
                        name = self._lookup((part,)) if part else None
                        if name is not None:
                            found.setdefault(name)
                i += 1
        return list(found)

    def normalise_list(self, items: list[str]) -> list[str]:
        """Canonical names for a list of skill phrases; unknown phrases are kept as written."""
        result: dict[str, None] = {}
        for item in items:
            cleaned = " ".join(item.split()).strip(" .;:-•")
            if not cleaned:
                continue
            name = self.canonical(cleaned)
            if name is not None:
                result.setdefault(name)
                continue
            mentioned = self.find_in_text(cleaned)
            if mentioned:
                for found in mentioned:
                    result.setdefault(found)
            elif len(cleaned) <= 40 and len(cleaned.split()) <= 4:
                result.setdefault(cleaned)
        return list(result)


@cache
def bundled_taxonomy() -> SkillTaxonomy:
    """The taxonomy shipped in domain/taxonomy/skills.tsv (read once, on first use)."""
    text = resources.files("domain.taxonomy").joinpath("skills.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, aliases = [*line.split("\t"), "", ""][:3]
        rows.append((name, kind, [a for a in aliases.split("|") if a]))
    return SkillTaxonomy(rows)
