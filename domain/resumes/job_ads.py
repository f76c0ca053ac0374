"""Is this document a job ad rather than a resume?

Job ads speak to the reader ("you will", "we offer", "the ideal candidate"), ask
("requirements", "must have", "apply"), and describe one role with no dated history;
resumes list dated positions of one person. The answer is a question to the user, never a
refusal, so a false alarm costs one tap — but real resumes must rarely raise it.
"""

from __future__ import annotations

import re

from domain.resumes.dates import find_range
from domain.resumes.document import ResumeDocument

_AD_PHRASES = re.compile(
    r"\b(?:we are looking for|we're looking for|we are seeking|we're seeking|you will|you'll"
    r"|what you'll do|what you will do|what we offer|we offer|about the role|about us"
    r"|about the company|the ideal candidate|ideal candidates?|the successful candidate"
    r"|job description|job summary|job type|job title|position summary|how to apply"
    r"|apply now|to apply|must have|nice to have|preferred qualifications|minimum qualifications"
    r"|requirements|responsibilities include|key responsibilities|you have|you are|your role"
    r"|join our|join us|our team|our client|benefits|compensation|salary range"
    r"|equal opportunity|eeo|reports to|what we're looking for|who you are|bonus points"
    r"|years of experience (?:in|with|required)|is required|are required|required skills"
    r"|candidate will|employment type|the position holder|will be responsible|roles and"
    r" responsibilities|key responsibilit\w+|responsibilities and duties|urgent requirement"
    r"|company profile|the candidate|candidates? must|must be able|should have|you should"
    r"|job location|work location|required experience|experience required|we need)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you'll)\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def looks_like_job_description(text: str, document: ResumeDocument) -> bool:
    """True when the text reads as a job ad: the vocabulary of ads and the ad's voice
    ("you", "we"), weighed against what makes a resume — dated positions, dated schooling,
    positions at all. A document with none of those needs little ad vocabulary."""
    phrases = {m.casefold() for m in _AD_PHRASES.findall(text)}
    words = max(len(text.split()), 1)
    voice = (len(_SECOND_PERSON.findall(text)) + len(_WE.findall(text))) / words
    evidence = len(phrases) + (3 if voice > 0.02 else 1 if voice > 0.01 else 0)
    dated = sum(1 for job in document.work if job.startDate)
    if dated < 2 and sum(find_range(line) is not None for line in text.splitlines()) >= 2:
        dated = 1  # a dated history the parser could not pair with titles (a garbled layout)
    if dated >= 2:
        return evidence >= 10
    if dated == 1:
        return evidence >= 7
    history = document.work or any(e.endDate for e in document.education)
    return evidence >= (4 if history else 1)
