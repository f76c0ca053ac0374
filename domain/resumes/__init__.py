"""Resumes: reading an uploaded file the way a recruiter does, storing it, filling the profile.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.resumes.document import (
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
from domain.resumes.errors import (
    BrokenFile,
    EmptyDocument,
    EncryptedFile,
    FileTooLarge,
    LooksLikeJobDescription,
    NotEnoughText,
    NoTextLayer,
    ParsingTimedOut,
    ParsingTooExpensive,
    ResumeRejected,
    TextTooLong,
    TooManyPages,
    UnsupportedFileType,
)
from domain.resumes.intake import IntakeResult, ReadResume, ResumeIntake, ResumeLibrary
from domain.resumes.job_ads import looks_like_job_description
from domain.resumes.layout import CELL, TextLine, lines_from_text, text_of
from domain.resumes.model import (
    ExtractedText,
    NewResume,
    Resume,
    ResumeLimits,
    apply_resume,
    education_lines,
)
from domain.resumes.parser import parse_resume
from domain.resumes.ports import ResumeRepository, TextExtractor
from domain.resumes.structurer import OFFLINE, ResumeStructurer

__all__ = [
    "CELL",
    "OFFLINE",
    "Basics",
    "BrokenFile",
    "Certificate",
    "Education",
    "EmptyDocument",
    "EncryptedFile",
    "ExtractedText",
    "FileTooLarge",
    "IntakeResult",
    "Language",
    "Location",
    "LooksLikeJobDescription",
    "NewResume",
    "NoTextLayer",
    "NotEnoughText",
    "ParsingTimedOut",
    "ParsingTooExpensive",
    "Project",
    "ReadResume",
    "Resume",
    "ResumeDocument",
    "ResumeIntake",
    "ResumeLibrary",
    "ResumeLimits",
    "ResumeRejected",
    "ResumeRepository",
    "ResumeStructurer",
    "SkillEntry",
    "SocialProfile",
    "TextExtractor",
    "TextLine",
    "TextTooLong",
    "TooManyPages",
    "UnsupportedFileType",
    "Work",
    "apply_resume",
    "education_lines",
    "lines_from_text",
    "looks_like_job_description",
    "parse_resume",
    "text_of",
]
