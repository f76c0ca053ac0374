"""Resumes: the stored upload, what was read from it, and how it fills the profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.file_types import FileType
from domain.profiles import Profile
from domain.resumes.document import ResumeDocument
from domain.resumes.layout import TextLine, text_of


@dataclass(frozen=True, slots=True)
class ResumeLimits:
    """What an upload may cost. Defaults: 5 MB, 20 pages, 100,000 characters."""

    max_bytes: int = 5 * 1024 * 1024
    max_pages: int = 20
    max_chars: int = 100_000


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """The text layer of a document: its lines in reading order with their layout hints,
    and the same as plain text (what is stored, searched and shown)."""

    text: str
    pages: int | None
    lines: tuple[TextLine, ...] = ()

    @classmethod
    def of_lines(cls, lines: list[TextLine], pages: int | None) -> ExtractedText:
        return cls(text=text_of(lines), pages=pages, lines=tuple(lines))


@dataclass(slots=True)
class Resume:
    """One uploaded resume of a user. The file itself lives in the file store under `file_key`
    (a generated name: the user's file name is only ever shown, never used as a path)."""

    id: int
    user_id: int
    file_key: str
    file_name: str
    file_type: FileType
    size: int
    sha256: str
    pages: int | None
    text: str
    document: ResumeDocument
    active: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class NewResume:
    """A resume about to be stored."""

    user_id: int
    file_key: str
    file_name: str
    file_type: FileType
    size: int
    sha256: str
    pages: int | None
    text: str
    document: ResumeDocument
    created_at: datetime


def education_lines(document: ResumeDocument) -> list[str]:
    """Education entries as short lines: "Master of Science, Computer Science — MIT (2009)"."""
    lines = []
    for entry in document.education:
        degree = ", ".join(p for p in (entry.studyType, entry.area) if p)
        line = " — ".join(p for p in (degree, entry.institution) if p)
        if line and entry.endDate:
            line += f" ({entry.endDate[:4]})"
        if line:
            lines.append(line)
    return lines


def apply_resume(profile: Profile, document: ResumeDocument) -> Profile:
    """Fill the profile from a resume. Fields the user set by hand are never overwritten,
    and nothing is cleared because a resume happens not to mention it."""
    found: dict[str, object] = {
        "name": document.basics.name,
        "title": document.basics.label or (document.work[0].position if document.work else None),
        "experience_years": document.years_of_experience,
        "education": education_lines(document)[:10],
        "skills": document.skill_names()[:50],
    }
    updates = {
        field: value
        for field, value in found.items()
        if value not in (None, [], "") and field not in profile.manual_fields
    }
    return profile.model_copy(update=updates)
