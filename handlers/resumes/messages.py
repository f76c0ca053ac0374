"""What the user is told about a resume: the summary of what was read, and why a file
could not be read."""

from __future__ import annotations

from domain.file_types import FileType
from domain.profiles import Profile
from domain.resumes import (
    BrokenFile,
    EmptyDocument,
    EncryptedFile,
    FileTooLarge,
    LooksLikeJobDescription,
    NotEnoughText,
    NoTextLayer,
    ParsingTimedOut,
    ParsingTooExpensive,
    Resume,
    ResumeDocument,
    ResumeRejected,
    TextTooLong,
    TooManyPages,
    UnsupportedFileType,
    Work,
    education_lines,
)
from handlers.chat.errors import explain, explains

FORMATS = "PDF, DOCX (Word) or TXT"
_WHAT_IT_IS = {
    FileType.LEGACY_DOC: "an old-style Word .doc file",
    FileType.RTF: "an RTF file",
    FileType.ODT: "an OpenDocument text file",
    FileType.SPREADSHEET: "a spreadsheet",
    FileType.PRESENTATION: "a presentation",
    FileType.IMAGE: "an image",
    FileType.ARCHIVE: "an archive (ZIP or similar)",
    FileType.UNKNOWN: "not a document I recognise",
}


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


@explains(UnsupportedFileType)
def _unsupported_file_type(exc: UnsupportedFileType) -> str:
    what = _WHAT_IT_IS.get(exc.detected, "a file type I can't read")
    hint = ""
    if exc.detected in (FileType.LEGACY_DOC, FileType.RTF, FileType.ODT):
        hint = " In your word processor use File → Save As and pick .docx or PDF."
    elif exc.detected is FileType.IMAGE:
        hint = " I can't read text in pictures: please export your resume as a PDF."
    return f"That file is {what}. I can read resumes as {FORMATS}.{hint}"


@explains(FileTooLarge)
def _file_too_large(exc: FileTooLarge) -> str:
    return (
        f"That file is {_mb(exc.size)}; the limit is {_mb(exc.limit)}. A resume is usually "
        "far smaller — try exporting the PDF again without large images."
    )


@explains(TooManyPages)
def _too_many_pages(exc: TooManyPages) -> str:
    return f"That document has {exc.pages} pages; I read resumes of up to {exc.limit} pages."


@explains(TextTooLong)
def _text_too_long(exc: TextTooLong) -> str:
    return f"That document has more than {exc.limit:,} characters of text — too long for a resume."


explain(
    {
        EncryptedFile: (
            "That file is password-protected, so I can't open it. Please send a copy without a "
            "password (most PDF viewers can do this: Print → Save as PDF)."
        ),
        NoTextLayer: (
            "That PDF is a scan: it holds only images and no text I can read. Please send the "
            f"resume exported from your word processor, as {FORMATS}."
        ),
        EmptyDocument: "That document is empty — I couldn't find any text in it.",
        LooksLikeJobDescription: (
            'This looks like a job ad. Is it your resume? If it is, press "It\'s my resume" '
            "and I'll read it as one. If it's a job you want, I can tailor your resume to it."
        ),
        ParsingTooExpensive: (
            "That file needed far more memory than any resume should, so I stopped reading it. "
            "It may be damaged — try exporting it again."
        ),
        BrokenFile: (
            "That file seems damaged or incomplete (perhaps cut off during upload), so I can't "
            f"read it. Please export it again and resend it as {FORMATS}."
        ),
        ResumeRejected: f"I couldn't read that file. Please send your resume as {FORMATS}.",
    }
)


@explains(NotEnoughText)
def _not_enough_text(exc: NotEnoughText) -> str:
    return (
        f"I could open that file, but it has only {exc.words} words of text — it doesn't "
        "look like a resume. Please send your resume."
    )


@explains(ParsingTimedOut)
def _parsing_timed_out(exc: ParsingTimedOut) -> str:
    return (
        f"Reading that file took longer than {exc.seconds:g} seconds, so I stopped. It may be "
        "damaged or unusually complex — try exporting it again as a simple PDF."
    )


def _round_years(years: float) -> str:
    if years < 1:
        return "less than a year"
    shown = f"{years:.1f}".rstrip("0").rstrip(".") if years < 3 else str(round(years))
    return f"{shown} year{'' if shown == '1' else 's'}"


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    year, _, month = iso.partition("-")
    return f"{_MONTHS[int(month) - 1]} {year}" if month else year


def _dates(work: Work) -> str:
    start = _when(work.startDate)
    end = "present" if work.current else _when(work.endDate)
    if start and end:
        return f" ({start} – {end})"
    return f" ({start or end})" if start or end else ""


def understood(doc: ResumeDocument) -> list[str]:
    """What was read from a resume, as the lines of a chat message."""
    lines = []
    basics = doc.basics
    lines.append(f"Name: {basics.name or '—'}")
    lines.append(f"Current title: {basics.label or '—'}")
    if doc.years_of_experience is not None:
        lines.append(f"Experience: about {_round_years(doc.years_of_experience)}")
    if doc.work:
        lines.append("Positions:")
        for job in doc.work[:6]:
            at = f" — {job.name}" if job.name else ""
            lines.append(f"• {job.position or 'Position'}{at}{_dates(job)}")
        if len(doc.work) > 6:
            lines.append(f"• … and {len(doc.work) - 6} more")
    education = education_lines(doc)
    if education:
        lines.append("Education:")
        lines += [f"• {line}" for line in education[:3]]
    skills = doc.skill_names()
    if skills:
        more = f" (+{len(skills) - 15} more)" if len(skills) > 15 else ""
        lines.append(f"Skills ({len(skills)}): {', '.join(skills[:15])}{more}")
    return lines


CORRECT = (
    "Something wrong? Fix a field with /profile set <field> <value> (e.g. /profile set title "
    "Senior Accountant), or send the file again exported as a simple PDF or DOCX."
)


def summarise(
    resume: Resume, profile: Profile, number: int, duplicate: bool, read_by: str = "stored"
) -> str:
    """What was read from the resume, how to correct it, and what is still missing."""
    doc: ResumeDocument = resume.document
    pages = f", {resume.pages} page{'s' if resume.pages != 1 else ''}" if resume.pages else ""
    if duplicate:
        head = (
            f"You've sent this file before — it's resume {number} ({resume.file_name}). "
            "It's your active resume now. Here's what I read from it:"
        )
    else:
        engine = "offline parser" if read_by == "offline" else read_by
        head = (
            f"Got it — resume {number} ({resume.file_name}{pages}). Here's what I "
            f"understood (read by the {engine}):"
        )
    lines = [head, "", *understood(doc)]
    lines += ["", "I've updated your profile from it (anything you set by hand stays as it is)."]
    lines.append(CORRECT)
    lines += missing_prompts(doc, profile)
    return "\n".join(lines)


def missing_prompts(doc: ResumeDocument, profile: Profile) -> list[str]:
    """Questions about what the resume did not tell and the profile does not know yet."""
    asks = []
    if not profile.name:
        asks.append("• your name: /profile set name <your name>")
    if not profile.title:
        asks.append("• your current title: /profile set title <title>")
    if not doc.work:
        asks.append(
            "• your experience: I found no positions with dates — /profile set experience <years>"
        )
    if not profile.skills:
        asks.append("• your skills: /profile set skills <skill, skill, …>")
    if not profile.target_roles:
        asks.append("• the role you want next: /profile set target_roles <role>")
    if not profile.timezone:
        asks.append("• your time zone: /profile set timezone <e.g. Europe/Berlin>")
    return ["", "A few things I couldn't find — tell me when you like:", *asks] if asks else []
