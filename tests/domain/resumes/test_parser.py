"""The offline resume parser on real public resumes and on typical hand-written layouts."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from bot.documents.extract import extract_text
from domain.file_types import sniff
from domain.resumes import (
    ExtractedText,
    ResumeDocument,
    ResumeLimits,
    looks_like_job_description,
    parse_resume,
)
from domain.taxonomy import bundled_taxonomy
from tests.conftest import SHARED_DATA

TODAY = date(2026, 11, 26)


@cache
def extracted(path: str) -> ExtractedText:
    data = (SHARED_DATA / path).read_bytes()
    return extract_text(data, sniff(data), ResumeLimits())


def parse_shared(name: str) -> ResumeDocument:
    return parse_resume(list(extracted(f"resumes/{name}").lines), bundled_taxonomy(), TODAY)


def parse(text: str) -> ResumeDocument:
    return parse_resume(text, bundled_taxonomy(), TODAY)


def positions(doc: ResumeDocument) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(w.position, w.name, w.startDate, None if w.current else w.endDate) for w in doc.work]


def test_single_column_with_dates_before_titles() -> None:
    doc = parse_shared("alfred_pennyworth_pm.pdf")
    assert doc.basics.name == "Alfred Pennyworth"
    assert doc.basics.label == "Product Manager"
    assert doc.basics.email == "alfred.pennyworth@email.com"
    assert doc.basics.phone == "(123) 456-7890"
    assert [p.network for p in doc.basics.profiles] == ["LinkedIn", "GitHub"]
    assert positions(doc)[:2] == [
        ("Product Manager", "Google", "2017", None),
        ("Software Development Engineer III", "Amazon", "2012", "2017"),
    ]
    assert len(doc.work) == 5
    assert doc.work[0].current
    assert doc.work[0].location == "Mountain View, CA, USA"
    assert doc.work[0].highlights[0].startswith("Leading cross-functional teams")
    # "Devel-\noping" was one word split over two lines.
    assert "Developing product strategies" in doc.work[0].highlights[1]
    mit = doc.education[1]
    assert (mit.studyType, mit.area) == ("Master of Science", "Computer Science")
    assert mit.institution == "Massachusetts Institute of Technology"
    assert (mit.startDate, mit.endDate) == ("1997", "1999")
    skills = doc.skill_names()
    assert skills[:3] == ["Product Management", "Agile", "Leadership"]
    assert {"Project Management", "SQL", "Amazon Web Services", "CSS", "HTML"} <= set(skills)
    assert doc.years_of_experience == pytest.approx(27.3, abs=0.1)  # mid-1999 to Nov 2026


def test_month_dates_split_over_lines_and_gpa() -> None:
    doc = parse_shared("barry_allen_fe.pdf")
    assert positions(doc) == [("Software Engineer (Front-End)", "Google", "2022-06", None)]
    (school,) = doc.education
    assert (school.studyType, school.score) == ("B.Tech", "9.5/10")
    assert school.institution == "Indian Institute of Technology"
    assert {"Google Cloud Platform", "Test-Driven Development", "Vue.js"} <= set(doc.skill_names())
    assert doc.projects[0].name == "Personal Expense Tracker"
    assert doc.projects[0].startDate == "2022"


def test_bulleted_entries_with_dates_after_company() -> None:
    doc = parse_shared("john_doe.pdf")
    assert doc.basics.name == "John Doe"  # written in capitals
    assert positions(doc) == [
        ("Full Stack Java Developer", "ABC Company, Inc.", "2018-06", None),
        ("Software Developer", "XYZ Solutions", "2016-07", "2018-06"),
    ]
    assert len(doc.work[0].highlights) == 6
    assert doc.work[0].highlights[0].endswith("using Java and Spring Boot")
    assert {"Java", "Spring Boot", "Hibernate", "JUnit", "Mockito"} <= set(doc.skill_names())
    assert [c.name for c in doc.certificates][:1] == [
        "Oracle Certified Professional, Java SE 8 Programmer"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "template_single-column.pdf",
        "template_two-column.pdf",
        "template_modern-single-column.pdf",
        "template_modern-two-column.pdf",
    ],
)
def test_templates_including_two_columns(name: str) -> None:
    doc = parse_shared(name)
    assert positions(doc) == [
        ("Senior Software Engineer", "Stripe", "2023-01", None),
        ("Software Engineer", "Figma", "2021-06", "2022-12"),
        ("Software Engineer", "Notion", "2019-07", "2021-05"),
    ]
    assert doc.work[0].location == "San Francisco, CA"
    (school,) = doc.education
    assert (school.institution, school.studyType, school.endDate) == (
        "UC Berkeley",
        "Bachelor of Science",
        "2019",
    )
    assert {"Go", "PostgreSQL", "Apache Kafka", "Kubernetes", "gRPC"} <= set(doc.skill_names())
    assert doc.basics.email == "john.doe@email.com"
    assert doc.years_of_experience == pytest.approx(7.2, abs=0.1)  # July 2019 to Nov 2026


def test_company_first_headers_and_sections_in_any_order() -> None:
    doc = parse(
        """Maria Gonzalez
        maria@example.org | +49 151 2345 6789 | Berlin, Germany
        SKILLS
        Python; SQL; Tableau; stakeholder management
        EMPLOYMENT HISTORY
        Zalando — Senior Data Analyst | 03/2021 - present
        - Built churn dashboards in Tableau used by 40 managers
        - Automated weekly reporting with Airflow
        Deutsche Bahn, Data Analyst, 2017 - 2021
        Analysed punctuality data. Presented findings to the board.
        EDUCATION
        MSc Statistics, Humboldt University of Berlin, 2015 - 2017
        LANGUAGES
        Spanish (native), German (C1), English (C2)
        CERTIFICATIONS
        Tableau Desktop Specialist (2022)
        """
    )
    assert doc.basics.name == "Maria Gonzalez"
    assert doc.basics.location is not None
    assert doc.basics.location.city == "Berlin"
    assert positions(doc) == [
        ("Senior Data Analyst", "Zalando", "2021-03", None),
        ("Data Analyst", "Deutsche Bahn", "2017", "2021"),
    ]
    assert doc.work[1].highlights == [
        "Analysed punctuality data.",
        "Presented findings to the board.",
    ]
    assert doc.education[0].institution == "Humboldt University of Berlin"
    assert doc.education[0].studyType == "MSc Statistics"
    assert [(x.language, x.fluency) for x in doc.languages] == [
        ("Spanish", "native"),
        ("German", "C1"),
        ("English", "C2"),
    ]
    assert doc.certificates[0].name == "Tableau Desktop Specialist"
    assert doc.certificates[0].date == "2022"
    assert doc.skill_names()[:4] == ["Python", "SQL", "Tableau", "Stakeholder Management"]
    assert "Apache Airflow" in doc.skill_names()


def test_nothing_is_invented_from_unstructured_text() -> None:
    doc = parse("I like gardening and long walks.\nPlease hire me.")
    assert doc.basics.name is None
    assert doc.work == []
    assert doc.education == []
    assert doc.years_of_experience is None


def test_job_descriptions_are_told_apart_from_resumes() -> None:
    resume = extracted("resumes/john_doe.pdf").text
    ad = extracted("job_descriptions/job_desc_java_developer.pdf").text
    assert not looks_like_job_description(resume, parse(resume))
    assert looks_like_job_description(ad, parse(ad))


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        "2019 " * 20_000,
        "555-0100 " * 10_000,
        ("Manager " * 50 + "\n") * 200,
    ],
    ids=["one-long-word", "years", "phone-like-figures", "title-words"],
)
def test_hostile_text_invents_nothing(text: str) -> None:
    doc = parse(text)
    assert doc.basics.name is None
    assert doc.basics.phone is None
    assert doc.work == []
    assert doc.education == []


def test_an_email_inside_a_long_word_is_still_found_whole() -> None:
    doc = parse("Jane Roe\n" + "x" * 5000 + " jane.roe@example.com\n")
    assert doc.basics.email == "jane.roe@example.com"
