"""Structuring resume text: with a language model when one is configured, checked against
the text and backed by the offline parser; with the offline parser alone otherwise."""

from __future__ import annotations

import logging
import re
from datetime import date

from domain.ai import AIError
from domain.ai_gateway import AIGateway, Prompt
from domain.resume_dates import years_between
from domain.resume_document import ResumeDocument, SkillEntry
from domain.resume_parser import parse_resume
from domain.skills import SkillTaxonomy

log = logging.getLogger(__name__)
OFFLINE = "offline"

SYSTEM = (
    "You are a careful resume parser. You turn resume text into JSON Resume data. Copy names, "
    "employers, job titles, schools, degrees and dates exactly as they are written. Never "
    "guess, complete or invent anything: leave a field out when the resume does not state it. "
    "Dates are partial ISO strings: YYYY or YYYY-MM. A current position has no endDate and "
    "current=true."
)
INSTRUCTIONS = "Extract the resume below into the JSON structure."


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


class ResumeStructurer:
    """Text → `ResumeDocument`, and which engine read it (a model name, or "offline")."""

    def __init__(self, gateway: AIGateway | None, taxonomy: SkillTaxonomy) -> None:
        self._gateway = gateway
        self._taxonomy = taxonomy

    async def structure(
        self, text: str, user_id: int | None, today: date
    ) -> tuple[ResumeDocument, str]:
        offline = parse_resume(text, self._taxonomy, today)
        if self._gateway is None or not self._gateway.available:
            return offline, OFFLINE
        prompt = Prompt(system=SYSTEM, instructions=INSTRUCTIONS, material={"resume": text})
        try:
            extracted = await self._gateway.structured(
                "extraction", user_id, prompt, ResumeDocument
            )
        except AIError as exc:
            log.info("model extraction failed, using the offline parser: %s", exc)
            return offline, OFFLINE
        return self._grounded(extracted, offline, text, today), self._gateway.model_for(
            "extraction"
        )

    def _grounded(
        self, model: ResumeDocument, offline: ResumeDocument, text: str, today: date
    ) -> ResumeDocument:
        """Keep only what the resume text supports; fill gaps from the offline parse."""
        source = _norm(text)

        def found(value: str | None) -> bool:
            return bool(value) and _norm(value or "") in source

        basics = model.basics
        if not found(basics.name):
            basics.name = offline.basics.name
        if not found(basics.label):
            basics.label = offline.basics.label
        if not found(basics.email):
            basics.email = offline.basics.email
        work = [w for w in model.work if found(w.position) and (not w.name or found(w.name))]
        education = [e for e in model.education if found(e.institution)]
        document = model.model_copy(
            update={
                "basics": basics,
                "work": work or offline.work,
                "education": education or offline.education,
            }
        )
        listed = [s.name for s in model.skills if found(s.name)] + offline.skill_names()
        document.skills = [SkillEntry(name=n) for n in self._taxonomy.normalise_list(listed)]
        ranges = [
            (w.startDate, None if w.current else w.endDate) for w in document.work if w.startDate
        ]
        document.years_of_experience = (
            years_between([(s, e) for s, e in ranges if s], today)
            if ranges
            else offline.years_of_experience
        )
        return document
