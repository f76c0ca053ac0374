"""The offline resume parser: a document's lines → a JSON Resume–shaped document.

It reads the way a recruiter does: sections by their headings, positions and schools as
dated entries whatever order their lines come in, skills as written, the headline from the
top of the page. It never invents: a field it cannot find stays empty, and the bot asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from domain.resumes.contacts import contacts, find_name, home_location
from domain.resumes.dates import find_range, find_single, years_between
from domain.resumes.document import (
    Basics,
    Certificate,
    Language,
    Project,
    ResumeDocument,
    SkillEntry,
    Work,
)
from domain.resumes.education import education
from domain.resumes.entries import BULLET
from domain.resumes.layout import CELL, TextLine, lines_from_text
from domain.resumes.lexicon import title_words
from domain.resumes.positions import FoundPositions, positions
from domain.resumes.sections import (
    CERTIFICATIONS,
    EDUCATION,
    EXPERIENCE,
    LANGUAGES,
    OTHER,
    PROJECTS,
    SKILLS,
    SUMMARY,
    Sections,
    split_sections,
    unspaced,
)
from domain.resumes.skill_items import labelled_items, listed_items, mentioned
from domain.taxonomy import SkillTaxonomy

_TARGET = re.compile(
    r"\blooking for (?:a |an |the )?(?:new )?(.+?)\s+(?:position|role|job|opportunit)",
    re.IGNORECASE,
)
_HEADLINE_TAIL = re.compile(
    r"\s+(?:with|who|specializ\w*|experienced in|having|seeking|looking)\b.*$|\s*[,|(–—].*$"
    r"|\s+-\s+.*$",
    re.IGNORECASE,
)
MIN_HEADLINE_SCORE = 0.45


def parse_resume(
    source: str | Sequence[TextLine], taxonomy: SkillTaxonomy, today: date
) -> ResumeDocument:
    """Structure a resume. `source` is its lines with layout hints, or plain text; `today`
    closes "present" ranges for the years of experience."""
    lines = lines_from_text(source) if isinstance(source, str) else list(source)
    sections = split_sections(lines)
    anonymised = any("Company Name" in line.text for line in lines)
    work, claimed = _work(sections, anonymised)
    basics = Basics(name=find_name(lines, len(sections.header)))
    contacts(lines, basics)
    basics.location = home_location(sections.header)
    basics.label = _headline(sections, basics.name) or next(
        (w.position for w in work if w.current and w.position), None
    )
    summary = sections.lines(SUMMARY)
    if summary:
        basics.summary = " ".join(line.text.replace(CELL, " ") for line in summary)
    schools = [e for s in sections.of_kind(EDUCATION) for e in education(s.lines, claimed)]
    document = ResumeDocument(
        basics=basics,
        work=work,
        education=schools,
        projects=_projects(sections.lines(PROJECTS)),
        languages=_languages(sections.lines(LANGUAGES)),
        certificates=_certificates(sections.lines(CERTIFICATIONS)),
    )
    document.skills = _skills(sections, lines, document, taxonomy)
    document.years_of_experience = experience_years(work, today)
    return document


def _work(sections: Sections, anonymised: bool) -> tuple[list[Work], frozenset[str]]:
    """Positions of the experience sections; then those standing under an education
    heading, and — when there is no experience section to read — those before the first
    heading or under other headings (read strictly: clear titles with dates only). Also
    the texts of the lines outside experience sections that positions were read from."""
    found: list[Work] = []
    claimed: set[str] = set()

    def add(result: FoundPositions, outside: bool) -> None:
        for job in result.works:
            if not any(_same_position(job, seen) for seen in found):
                found.append(job)
        if outside:
            claimed.update(result.texts)

    for section in sections.of_kind(EXPERIENCE):
        add(positions(section.lines, anonymised=anonymised), outside=False)
    for section in sections.of_kind(EDUCATION):
        add(positions(section.lines, anonymised=anonymised, strict=True), outside=True)
    if not found:
        add(positions(sections.header, anonymised=anonymised, strict=True), outside=True)
        for section in sections.of_kind(OTHER):
            add(positions(section.lines, anonymised=anonymised, strict=True), outside=True)
    return found, frozenset(claimed)


def _same_position(a: Work, b: Work) -> bool:
    """The same position printed twice (under "Experience" and again "Work History")."""
    return (a.startDate, a.endDate, a.current) == (b.startDate, b.endDate, b.current) and (
        (a.position or "").casefold() == (b.position or "").casefold()
    )


def experience_years(work: list[Work], today: date) -> float | None:
    """Years covered by dated positions, overlaps counted once; a current position runs
    to today; a position with a start and no end that is not current is left out."""
    ranges: list[tuple[str, str | None]] = [
        (job.startDate, None if job.current else job.endDate)
        for job in work
        if job.startDate and (job.current or job.endDate)
    ]
    return years_between(ranges, today) if ranges else None


def _headline(sections: Sections, name: str | None) -> str | None:
    """The title line at the top: a line that is a title by itself ("PROJECT ACCOUNTANT",
    "D A T A  A N A L Y S T"), else a title that opens a line ("Full-Stack Developer with
    3+ years of experience") or is named as the target ("Looking for the Senior Software
    Engineer position")."""
    top = sections.header[:8] + [line for s in sections.of_kind(SUMMARY) for line in s.lines[:2]]
    cells = [
        unspaced(cell).strip()
        for line in top
        for cell in line.cells
        if not name or unspaced(cell).strip().casefold() != name.casefold()
    ]
    for text in cells:
        if _is_headline(text, whole=True):
            return _shown(text)
    for text in cells:
        target = _TARGET.search(text)
        for phrase in ([target.group(1)] if target else []) + [_HEADLINE_TAIL.sub("", text)]:
            phrase = phrase.strip(" .:")
            if _is_headline(phrase, whole=False):
                return _shown(phrase)
    return None


def _is_headline(text: str, *, whole: bool) -> bool:
    """A title: title words ending in a title's head ("Accountant", "Developer")."""
    lexicon = title_words()
    words = re.findall(r"[A-Za-z][\w+#.-]*", text)
    if not 1 <= len(words) <= (6 if whole else 7) or len(words) < len(text.split()) - 1:
        return False
    if lexicon.head_weight(words[-1].casefold().strip(".")) < 0.8:
        return False
    threshold = 0.6 if whole else MIN_HEADLINE_SCORE + 0.1
    return lexicon.title_score(text) >= threshold


def _shown(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 4 else text


def _skills(
    sections: Sections, lines: list[TextLine], document: ResumeDocument, taxonomy: SkillTaxonomy
) -> list[SkillEntry]:
    items = listed_items(sections.lines(SKILLS), taxonomy) + labelled_items(lines, taxonomy)
    entries: list[SkillEntry] = []
    seen: set[str] = set()
    for item in items:
        name = item.name or item.written
        key = name.casefold()
        if key in seen:
            entry = next(e for e in entries if e.name.casefold() == key)
            if item.written not in entry.keywords:
                entry.keywords.append(item.written)
            continue
        seen.add(key)
        entries.append(SkillEntry(name=name, keywords=[item.written]))
    beside = [line.text for s in sections.sections if s.beside == SKILLS for line in s.lines]
    text = "\n".join(
        [document.basics.summary or "", *beside]
        + [h for job in document.work for h in [job.position or "", *job.highlights]]
        + [p.description or "" for p in document.projects]
        + [h for p in document.projects for h in p.highlights]
    )
    for name in mentioned(text, taxonomy):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            entries.append(SkillEntry(name=name))
    return entries


def _projects(lines: list[TextLine]) -> list[Project]:
    projects: list[Project] = []
    for line in lines:
        text = line.text.replace(CELL, " ").strip()
        dates = find_range(text) or find_single(text)
        title = text
        if dates is not None:
            title = (text[: dates.span[0]] + " " + text[dates.span[1] :]).strip(" ,|•·—–-")
        starts_project = (
            not BULLET.match(text)
            and len(title) <= 70
            and not title.endswith(".")
            and title[:1].isupper()
            and (
                not projects
                or dates is not None
                or projects[-1].description is not None
                or bool(projects[-1].highlights)
            )
        )
        if starts_project and title:
            start = (dates.start or dates.end) if dates else None
            projects.append(Project(name=title, startDate=start))
        elif projects:
            project = projects[-1]
            if BULLET.match(text):
                project.highlights.append(BULLET.sub("", text))
            elif project.highlights:
                project.highlights[-1] += " " + text
            else:
                project.description = (
                    f"{project.description} {text}" if project.description else text
                )
    return projects


def _languages(lines: list[TextLine]) -> list[Language]:
    languages: list[Language] = []
    for item in re.split(rf"[,;\n•{CELL}]", "\n".join(line.text for line in lines)):
        item = BULLET.sub("", item).strip()
        match = re.match(r"^([A-Za-zÀ-ÿ ]+?)\s*(?:[(:–—-]\s*([^)]+)\)?)?$", item)
        if item and match and len(match.group(1).split()) <= 3:
            languages.append(Language(language=match.group(1).strip(), fluency=match.group(2)))
    return languages


def _certificates(lines: list[TextLine]) -> list[Certificate]:
    certificates: list[Certificate] = []
    for line in lines:
        text = BULLET.sub("", line.text.replace(CELL, " ")).strip()
        if not text:
            continue
        found = find_single(text)
        name = text
        if found is not None:
            name = (text[: found.span[0]] + text[found.span[1] :]).strip(" ,|•·—–-()")
        if name:
            certificates.append(Certificate(name=name, date=found.end if found else None))
    return certificates
