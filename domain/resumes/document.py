"""The structured resume: a JSON Resume–shaped document (jsonresume.org schema, subset).

Dates are partial ISO strings ("2019", "2019-06"); an absent end date means "present".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Part(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Location(_Part):
    address: str | None = None
    city: str | None = None
    region: str | None = None
    countryCode: str | None = None


class SocialProfile(_Part):
    network: str
    username: str | None = None
    url: str | None = None


class Basics(_Part):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[SocialProfile] = Field(default_factory=list)


class Work(_Part):
    name: str | None = None
    position: str | None = None
    location: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    current: bool = False
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Education(_Part):
    institution: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    score: str | None = None


class SkillEntry(_Part):
    name: str
    keywords: list[str] = Field(default_factory=list)


class Language(_Part):
    language: str
    fluency: str | None = None


class Project(_Part):
    name: str
    description: str | None = None
    startDate: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Certificate(_Part):
    name: str
    date: str | None = None
    issuer: str | None = None


class ResumeDocument(_Part):
    """What CareerBot understood from a resume."""

    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[SkillEntry] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    years_of_experience: float | None = None

    def skill_names(self) -> list[str]:
        return [s.name for s in self.skills]

    def json_resume(self) -> dict[str, object]:
        """The document as JSON Resume (jsonresume.org schema): empty fields left out, and
        what the schema does not know (`current`, the years of experience) too — a work
        entry without an end date is current there."""
        data = self.model_dump(
            exclude={"years_of_experience": True, "work": {"__all__": {"current"}}},
            exclude_none=True,
        )
        return {key: value for key, value in data.items() if value not in ([], {})}
