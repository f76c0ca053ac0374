"""Structuring resume text: with a language model when one is configured, checked against
the text and backed by the offline parser; with the offline parser alone otherwise.

What the model returns is kept only where the document says it: every name, title,
employer, school and degree must appear in the text, every date must be one the text writes
(as any of its forms: "06/2019", "June 2019", "2019"), and a highlight with a number the
text does not contain is dropped. Anything else comes from the offline parse.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from domain.ai import AIError, AIGateway, Prompt
from domain.resumes.dates import find_range, find_single
from domain.resumes.document import Education, ResumeDocument, SkillEntry, Work
from domain.resumes.layout import TextLine, lines_from_text, text_of
from domain.resumes.parser import experience_years, parse_resume
from domain.taxonomy import SkillTaxonomy

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
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


class ResumeStructurer:
    """Lines → `ResumeDocument`, and which engine read it (a model name, or "offline")."""

    def __init__(self, gateway: AIGateway | None, taxonomy: SkillTaxonomy) -> None:
        self._gateway = gateway
        self._taxonomy = taxonomy

    async def structure(
        self, source: str | list[TextLine], user_id: int | None, today: date
    ) -> tuple[ResumeDocument, str]:
        lines = lines_from_text(source) if isinstance(source, str) else source
        offline = parse_resume(lines, self._taxonomy, today)
        if self._gateway is None or not self._gateway.available:
            return offline, OFFLINE
        text = text_of(lines)
        prompt = Prompt(system=SYSTEM, instructions=INSTRUCTIONS, material={"resume": text})
        try:
            extracted = await self._gateway.structured(
                "extraction", user_id, prompt, ResumeDocument
            )
        except AIError as exc:
            log.info("model extraction failed, using the offline parser: %s", exc)
            return offline, OFFLINE
        grounded = _Grounding(text).document(extracted, offline, self._taxonomy, today)
        return grounded, self._gateway.model_for("extraction")


class _Grounding:
    """What the document's text supports."""

    def __init__(self, text: str) -> None:
        self._source = _norm(text)
        self._dates: set[str] = set()
        for line in text.splitlines():
            for found in (find_range(line), find_single(line)):
                if found is not None:
                    self._dates |= {d for d in (found.start, found.end) if d}
        self._dates |= {d[:4] for d in self._dates}
        self._numbers = {n.replace(",", "") for n in _NUMBER.findall(text)}

    def found(self, value: str | None) -> bool:
        return bool(value) and f" {_norm(value or '')} " in f" {self._source} "

    def date_ok(self, value: str | None) -> bool:
        return value is None or value in self._dates

    def numbers_ok(self, text: str) -> bool:
        return all(n.replace(",", "") in self._numbers for n in _NUMBER.findall(text))

    def work(self, job: Work) -> Work | None:
        if not self.found(job.position) or (job.name and not self.found(job.name)):
            return None
        if not self.date_ok(job.startDate) or not self.date_ok(job.endDate):
            return None
        job.location = job.location if self.found(job.location) else None
        job.highlights = [h for h in job.highlights if self.numbers_ok(h)]
        return job

    def education(self, entry: Education) -> Education | None:
        if not self.found(entry.institution) or not self.date_ok(entry.endDate):
            return None
        if entry.studyType and not self.found(entry.studyType):
            entry.studyType = None
        if entry.area and not self.found(entry.area):
            entry.area = None
        entry.startDate = entry.startDate if self.date_ok(entry.startDate) else None
        return entry

    def document(
        self,
        model: ResumeDocument,
        offline: ResumeDocument,
        taxonomy: SkillTaxonomy,
        today: date,
    ) -> ResumeDocument:
        """Keep only what the resume text supports; fill gaps from the offline parse."""
        basics = model.basics
        for field in ("name", "label", "email", "phone"):
            if not self.found(getattr(basics, field)):
                setattr(basics, field, getattr(offline.basics, field))
        basics.summary = offline.basics.summary
        basics.profiles = offline.basics.profiles
        work = [w for w in (self.work(job) for job in model.work) if w is not None]
        schools = [e for e in (self.education(e) for e in model.education) if e is not None]
        document = model.model_copy(
            update={
                "basics": basics,
                "work": work or offline.work,
                "education": schools or offline.education,
                "projects": offline.projects,
                "certificates": offline.certificates,
            }
        )
        listed = [s for s in model.skills if self.found(s.name)]
        names = {s.name.casefold() for s in offline.skills}
        document.skills = list(offline.skills) + [
            SkillEntry(name=taxonomy.canonical(s.name) or s.name, keywords=[s.name])
            for s in listed
            if (taxonomy.canonical(s.name) or s.name).casefold() not in names
        ]
        document.years_of_experience = experience_years(document.work, today)
        return document
