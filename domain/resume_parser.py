"""The offline resume parser: plain text → a JSON Resume–shaped document.

Heuristics tuned on real layouts (single and two columns, bullets or paragraphs, dates
before or after the title). It never invents: a field it cannot find stays empty, and the
bot asks the user about it.
"""

from __future__ import annotations

import re
from datetime import date

from domain.resume_dates import DateRange, find_range, find_single, years_between
from domain.resume_document import (
    Basics,
    Certificate,
    Education,
    Language,
    Location,
    Project,
    ResumeDocument,
    SkillEntry,
    SocialProfile,
    Work,
)
from domain.resume_text import Sections, clean_lines, split_sections
from domain.skills import SkillTaxonomy

ROLE_WORDS = re.compile(
    r"\b(engineer|developer|manager|analyst|designer|scientist|consultant|lead|director|intern"
    r"|teacher|specialist|officer|coordinator|assistant|architect|administrator|programmer"
    r"|associate|head|vp|president|founder|owner|accountant|nurse|technician|representative"
    r"|executive|advisor|adviser|researcher|editor|writer|marketer|strategist|recruiter"
    r"|instructor|tutor|lecturer|professor|chef|cook|clerk|cashier|agent|supervisor|operator"
    r"|driver|mechanic|electrician|therapist|physician|pharmacist|attorney|lawyer|paralegal"
    r"|producer|artist|photographer|student|graduate|trainee|apprentice|fellow|stack|devops"
    r"|sre|cto|ceo|cfo|coo|pm|qa|tester|support|owner|partner|principal|staff)\b",
    re.IGNORECASE,
)
DEGREE = re.compile(
    r"\b(bachelor|master|doctor|ph\.?\s?d|mba|b\.?\s?sc|m\.?\s?sc|b\.?\s?a\b|m\.?\s?a\b|b\.?\s?s\b"
    r"|m\.?\s?s\b|b\.?\s?tech|m\.?\s?tech|b\.?\s?eng|m\.?\s?eng|b\.?\s?e\b|associate|diploma"
    r"|certificate|high school|a-levels|abitur|licen[cs]e|degree)",
    re.IGNORECASE,
)
INSTITUTION = re.compile(
    r"\b(university|college|institute|school|academy|polytechnic|conservatory|universit[äé]t?"
    r"|hochschule|mit|caltech|ucla|nyu|uc\s+\w+|iit\w*|eth)\b",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4})?"
)
PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(linkedin\.com/in|github\.com|gitlab\.com)/([\w-]+)/?", re.I
)
BARE_PROFILE = re.compile(r"^(linkedin|github)[:\s]+([\w-]+)$", re.IGNORECASE)
CITY_REGION = re.compile(
    r"^[A-Z][\w.' -]+, (?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?:, [\w .]+)?$"
)
COMPANY_SUFFIX = re.compile(r"^(inc\.?|llc|ltd\.?|gmbh|corp\.?|co\.?|plc|s\.?a\.?|ag|llp)$", re.I)
SEPARATORS = re.compile(r"\s+(?:\||•|·|—|–|@|at)\s+|,\s+|\s+-\s+")
BULLET = re.compile(r"^[•\-*–▪●◦►✓]\s*")


def parse_resume(text: str, taxonomy: SkillTaxonomy, today: date) -> ResumeDocument:
    """Structure resume text. `today` closes "present" ranges for the experience estimate."""
    lines = clean_lines(text)
    sections = split_sections(lines)
    basics = _basics(sections)
    work = _work(sections.get("experience"))
    if basics.label is None and work:
        basics.label = work[0].position
    document = ResumeDocument(
        basics=basics,
        work=work,
        education=_education(sections.get("education")),
        projects=_projects(sections.get("projects")),
        languages=_languages(sections.get("languages")),
        certificates=_certificates(sections.get("certifications")),
    )
    document.skills = [SkillEntry(name=s) for s in _skills(sections, document, taxonomy)]
    document.years_of_experience = _years(document, today)
    return document


# --- basics ---------------------------------------------------------------------------------


def _basics(sections: Sections) -> Basics:
    basics = Basics()
    pieces: list[str] = []
    for line in sections.header:
        pieces.extend(
            p.strip() for p in re.split(r"\s+[—|•·]\s+|\s+,\s+|\s{2,}", line) if p.strip()
        )
    for piece in pieces:
        rest = _take_contacts(piece, basics).strip(" ,|•·—–-")
        if not rest:
            continue
        if basics.name is None and _looks_like_name(rest):
            basics.name = _proper_case(rest)
        elif basics.label is None and ROLE_WORDS.search(rest) and len(rest) <= 60:
            basics.label = _proper_case(rest)
        elif basics.location is None and CITY_REGION.match(rest) and not ROLE_WORDS.search(rest):
            basics.location = _location(rest)
    summary = sections.get("summary")
    if summary:
        basics.summary = " ".join(summary)
    return basics


def _take_contacts(piece: str, basics: Basics) -> str:
    """Record the e-mail, profiles and phone found in `piece`; return what is left of it."""
    for email in EMAIL.findall(piece):
        basics.email = basics.email or email
        piece = piece.replace(email, " ")
    for match in list(PROFILE_URL.finditer(piece)) + [m for m in [BARE_PROFILE.match(piece)] if m]:
        network = match.group(1).split(".")[0].casefold()
        name = {"linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab"}[network]
        if all(p.network != name for p in basics.profiles):
            basics.profiles.append(
                SocialProfile(
                    network=name, username=match.group(2), url=_profile_url(network, match)
                )
            )
        piece = piece.replace(match.group(0), " ")
    for phone in PHONE.findall(piece):
        if sum(c.isdigit() for c in phone) >= 7:
            basics.phone = basics.phone or phone.strip()
            piece = piece.replace(phone, " ")
    return " ".join(piece.split())


def _profile_url(network: str, match: re.Match[str]) -> str:
    host = {"linkedin": "linkedin.com/in", "github": "github.com", "gitlab": "gitlab.com"}[network]
    return f"https://{host}/{match.group(2)}"


def _looks_like_name(piece: str) -> bool:
    words = piece.split()
    if not 2 <= len(words) <= 4 or ROLE_WORDS.search(piece) or any(c.isdigit() for c in piece):
        return False
    return all(re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*", w) for w in words)


def _proper_case(text: str) -> str:
    return text.title() if text.isupper() else text


def _location(piece: str) -> Location:
    parts = [p.strip() for p in piece.split(",")]
    location = Location(city=parts[0])
    if len(parts) > 1:
        location.region = parts[1]
    if len(parts) > 2:
        location.countryCode = parts[-1]
    return location


# --- work -------------------------------------------------------------------------------------


def _entries(lines: list[str], allow_single: bool) -> list[tuple[DateRange, str, list[str]]]:
    """Split a section into (dates, header text, body lines) at every line holding dates."""
    entries: list[tuple[DateRange, str, list[str]]] = []
    for line in lines:
        found = find_range(line)
        if found is None and allow_single and not BULLET.match(line):
            found = find_single(line)
        if found is None:
            if entries:
                entries[-1][2].append(line)
            continue
        header = (line[: found.span[0]] + " " + line[found.span[1] :]).strip(" ,|•·—–-")
        entries.append((found, " ".join(header.split()), []))
    return entries


def _split_parts(text: str) -> list[str]:
    parts: list[str] = []
    for part in SEPARATORS.split(text):
        part = part.strip(" ,|•·")
        if not part:
            continue
        if parts and COMPANY_SUFFIX.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    return parts


def _work(lines: list[str]) -> list[Work]:
    jobs: list[Work] = []
    for dates, header, body in _entries(lines, allow_single=False):
        if not header and body and not BULLET.match(body[0]):
            header = body.pop(0)
        parts = _split_parts(header)
        if len(parts) == 1 and body and _is_company_line(body[0]):
            parts += _company_line_parts(body.pop(0))
        position, company, location = _assign_roles(parts)
        highlights, summary = _highlights(body)
        jobs.append(
            Work(
                name=company,
                position=position,
                location=location,
                startDate=dates.start,
                endDate=dates.end,
                current=dates.current,
                summary=summary,
                highlights=highlights,
            )
        )
    return jobs


def _is_company_line(line: str) -> bool:
    return not BULLET.match(line) and len(line) <= 70 and not line.endswith(".")


def _company_line_parts(line: str) -> list[str]:
    # "Stripe San Francisco, CA": the shortest leading name before a "City, ST" tail.
    match = re.match(r"^([^,•|·—]+?) ((?:[A-Z][a-z]+ ?){1,3}, [A-Z]{2})$", line)
    if match:
        return [match.group(1), match.group(2)]
    parts = _split_parts(line)
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{2}|[A-Z][a-z]+", parts[-1]):
        # "Stripe • San Francisco, CA" → company, "San Francisco, CA"
        return [parts[0], ", ".join(parts[1:])]
    return parts


def _assign_roles(parts: list[str]) -> tuple[str | None, str | None, str | None]:
    if not parts:
        return None, None, None
    if len(parts) == 1:
        return parts[0], None, None
    first, second, rest = parts[0], parts[1], parts[2:]
    if not ROLE_WORDS.search(first) and ROLE_WORDS.search(second):
        first, second = second, first
    return first, second, ", ".join(rest) or None


def _highlights(body: list[str]) -> tuple[list[str], str | None]:
    """Bullets (with their wrapped lines) become highlights; a paragraph becomes sentences."""
    if any(BULLET.match(line) for line in body):
        items: list[str] = []
        for line in body:
            if BULLET.match(line) or not items:
                items.append(BULLET.sub("", line))
            else:
                items[-1] += " " + line
        return [i for i in items if i], None
    paragraph = " ".join(body).strip()
    if not paragraph:
        return [], None
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph) if s.strip()]
    return sentences, None


# --- education --------------------------------------------------------------------------------


def _education(lines: list[str]) -> list[Education]:
    schools: list[Education] = []
    for dates, header, body in _entries(lines, allow_single=True):
        parts = _split_parts(header)
        if not DEGREE.search(header) and body and DEGREE.search(body[0]):
            parts += _split_parts(body.pop(0))
        entry = Education(startDate=dates.start, endDate=dates.end)
        for part in parts:
            if entry.studyType is None and DEGREE.search(part):
                degree, area = _degree_and_area(part)
                entry.studyType, entry.area = degree, area or entry.area
            elif entry.institution is None and INSTITUTION.search(part):
                entry.institution = part
            elif entry.area is None and entry.studyType is not None and entry.institution is None:
                entry.area = part
        if entry.institution is None and parts:
            leftovers = [p for p in parts if p not in (entry.studyType, entry.area)]
            entry.institution = leftovers[0] if leftovers else None
        for line in body:
            score = re.search(r"\b(?:GPA|CGPA|grade)[:\s]*([\d.]+\s*(?:/\s*[\d.]+)?)", line, re.I)
            if score:
                entry.score = score.group(1).replace(" ", "")
        schools.append(entry)
    return schools


def _degree_and_area(part: str) -> tuple[str, str | None]:
    """ "Master of Science in Computer Science" → ("Master of Science", "Computer Science")."""
    match = re.match(r"^(.*?\b(?:of|in)\s+\w+(?:\s+\w+)?)\s+in\s+(.+)$", part)
    if match:
        return match.group(1), match.group(2)
    match = re.match(r"^(.+?)\s+in\s+(.+)$", part)
    if match:
        return match.group(1), match.group(2)
    return part, None


# --- skills, projects, languages, certificates -------------------------------------------------


def _skills(sections: Sections, document: ResumeDocument, taxonomy: SkillTaxonomy) -> list[str]:
    listed = sections.get("skills")
    names: list[str] = []
    for group in _skill_groups(listed):
        if "," in group or ";" in group or "|" in group or len(group.split()) <= 2:
            items = re.split(r",|;|\||\band\b", group)
            names += [n for n in taxonomy.normalise_list(items) if n not in names]
        else:  # a space-separated grid ("Go Python Node.js"): only what the taxonomy knows
            names += [n for n in taxonomy.find_in_text(group) if n not in names]
    mentioned = " ".join(
        [document.basics.summary or ""]
        + [h for job in document.work for h in [job.position or "", *job.highlights]]
        + [p.description or "" for p in document.projects]
        + [h for p in document.projects for h in p.highlights]
    )
    for name in taxonomy.find_in_text(mentioned):
        if name not in names:
            names.append(name)
    return names


def _skill_groups(lines: list[str]) -> list[str]:
    """Skills section lines regrouped: a bullet with its wrapped lines, a wrapped comma list
    as one line, grid rows as they are. "Category: a, b" loses its category label."""
    groups: list[str] = []
    bulleted = any(BULLET.match(line) for line in lines)
    for line in lines:
        labelled = re.match(r"^([^:,]{2,30}):\s*(.*)$", BULLET.sub("", line))
        text = labelled.group(2) if labelled else BULLET.sub("", line)
        starts_group = (
            not groups
            or labelled is not None
            or (bulleted and BULLET.match(line) is not None)
            or (not bulleted and "," not in line and "," not in groups[-1])
        )
        if starts_group:
            groups.append(text)
        else:
            groups[-1] += " " + text
    return groups


def _projects(lines: list[str]) -> list[Project]:
    projects: list[Project] = []
    for line in lines:
        dates = find_range(line) or find_single(line)
        title = line
        if dates is not None:
            title = (line[: dates.span[0]] + " " + line[dates.span[1] :]).strip(" ,|•·—–-")
        starts_project = (
            not BULLET.match(line)
            and len(title) <= 70
            and not title.endswith(".")
            and (
                not projects
                or dates is not None
                or projects[-1].description is not None
                or projects[-1].highlights
            )
            and title[:1].isupper()
        )
        if starts_project and title:
            title = re.sub(
                r"^(personal|side|university|academic) project:\s*", "", title, flags=re.I
            )
            start = dates.start or dates.end if dates else None
            projects.append(Project(name=title, startDate=start))
        elif projects:
            project = projects[-1]
            if BULLET.match(line):
                project.highlights.append(BULLET.sub("", line))
            elif project.highlights:
                project.highlights[-1] += " " + line
            else:
                project.description = (
                    f"{project.description} {line}" if project.description else line
                )
    return projects


def _languages(lines: list[str]) -> list[Language]:
    languages: list[Language] = []
    for item in re.split(r",|;|\n|•", "\n".join(lines)):
        item = BULLET.sub("", item).strip()
        if not item:
            continue
        match = re.match(r"^([A-Za-zÀ-ÿ ]+?)\s*(?:[(:–—-]\s*([^)]+)\)?)?$", item)
        if match and len(match.group(1).split()) <= 3:
            languages.append(Language(language=match.group(1).strip(), fluency=match.group(2)))
    return languages


def _certificates(lines: list[str]) -> list[Certificate]:
    certificates: list[Certificate] = []
    for line in lines:
        text = BULLET.sub("", line).strip()
        if not text:
            continue
        found = find_single(text)
        name = text
        if found is not None:
            name = (text[: found.span[0]] + text[found.span[1] :]).strip(" ,|•·—–-()")
        certificates.append(Certificate(name=name, date=found.end if found else None))
    return certificates


def _years(document: ResumeDocument, today: date) -> float | None:
    ranges = [
        (job.startDate, None if job.current else job.endDate)
        for job in document.work
        if job.startDate
    ]
    if ranges:
        return years_between([(s, e) for s, e in ranges if s], today)
    stated = re.search(
        r"(\d{1,2})\+?\s*years?(?:\s+of)?\s+(?:professional\s+)?experience",
        document.basics.summary or "",
        re.IGNORECASE,
    )
    return float(stated.group(1)) if stated else None


_JOB_AD_MARKERS = re.compile(
    r"\b(responsibilit(?:y|ies)|requirements?|qualifications|we are looking for|we're looking for"
    r"|job summary|duties|responsible for|the candidate|position holder"
    r"|you will|what you'll do|about the role|about us|job description|the ideal candidate"
    r"|benefits|how to apply|apply now|key duties|must have|nice to have|we offer)\b",
    re.IGNORECASE,
)


def looks_like_job_description(text: str, document: ResumeDocument) -> bool:
    """A job ad rather than a resume: no dated positions, and the vocabulary of job ads
    ("responsibilities", "requirements", "we offer") — a little of it when there are no
    contact details, a lot of it when there are (ads carry a hiring address)."""
    if any(job.startDate for job in document.work):
        return False
    markers = len({m.casefold() for m in _JOB_AD_MARKERS.findall(text)})
    has_contact = document.basics.email or document.basics.phone
    return markers >= 4 or (markers >= 2 and not has_contact)
