"""Positions in the entry layouts found in the shared real resumes, each reproduced by a small
synthetic fixture (the real files are covered by tests/domain/resumes/test_real_resumes.py)."""

from __future__ import annotations

from datetime import date

from domain.resumes import ResumeDocument, TextLine, lines_from_text, parse_resume
from domain.taxonomy import bundled_taxonomy

TODAY = date(2026, 12, 2)
BODY = "Prepared monthly reconciliations for the finance team and reported variances."


def parse(source: str | list[TextLine]) -> ResumeDocument:
    return parse_resume(source, bundled_taxonomy(), TODAY)


def found(doc: ResumeDocument) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [
        (w.position, w.name, w.startDate, "present" if w.current else w.endDate) for w in doc.work
    ]


def test_livecareer_company_dates_title_on_one_line() -> None:
    doc = parse(
        "ACCOUNTANT\nExperience\n"
        f"Company Name July 2011 to November 2012 Accountant\nCity , State\n{BODY}\n"
        f"Company Name April 2010 to June 2011 Chief, Accounts Payable Branch\nCity , State\n{BODY}"
    )
    assert found(doc) == [
        ("Accountant", None, "2011-07", "2012-11"),
        ("Chief, Accounts Payable Branch", None, "2010-04", "2011-06"),
    ]
    assert doc.basics.label == "Accountant"
    assert doc.work[0].location is None  # "City , State" is a placeholder
    assert doc.work[0].highlights == [BODY]


def test_range_split_over_three_lines() -> None:
    doc = parse(
        "Experience\nJuly 2012\nto\nDecember 2013\nCompany Name City Project Accountant\n"
        f"{BODY}\nJanuary 2011\nto\nJune 2012\nCompany Name City Subcontract Accountant\n{BODY}"
    )
    assert found(doc) == [
        ("Project Accountant", None, "2012-07", "2013-12"),
        ("Subcontract Accountant", None, "2011-01", "2012-06"),
    ]


def test_title_above_its_dates_and_a_first_entry_without_title() -> None:
    lines = [
        TextLine("Professional Experience", indent=0, gap=1.3),
        TextLine("January 2007 to Current Company Name", indent=0, gap=0.3),
        TextLine(BODY, indent=24, gap=1.3),
        TextLine("Process Engineering Technician III", indent=0, gap=1.3),
        TextLine("January 2005 to January 2006 Company Name - City , State", indent=0, gap=0.3),
        TextLine(BODY, indent=24, gap=1.3),
        TextLine("Production lead / Process Operator", indent=0, gap=1.3),
        TextLine("June 1999 to October 1999", indent=0, gap=0.3),
        TextLine(BODY, indent=24, gap=1.3),
    ]
    assert found(parse(lines)) == [
        (None, None, "2007-01", "present"),
        ("Process Engineering Technician III", None, "2005-01", "2006-01"),
        ("Production lead / Process Operator", None, "1999-06", "1999-10"),
    ]


def test_dates_line_above_title_and_employer() -> None:
    doc = parse(
        "Experience\n04/2016 to Current\nAccountant Company Name – City , State\n"
        f"{BODY}\n04/2010 to 04/2016\nAccounting Clerk Company Name – City , State\n{BODY}"
    )
    assert found(doc) == [
        ("Accountant", None, "2016-04", "present"),
        ("Accounting Clerk", None, "2010-04", "2016-04"),
    ]


def test_title_then_dates_then_employer_and_place_on_one_line() -> None:
    doc = parse(
        "Experience\nAccountant , 01/2010 – Current Company Name – City , State\n"
        f"{BODY}\nStaff Accountant , 06/2005 – 12/2009 Company Name – City , State\n{BODY}"
    )
    assert found(doc) == [
        ("Accountant", None, "2010-01", "present"),
        ("Staff Accountant", None, "2005-06", "2009-12"),
    ]


def test_a_title_running_into_its_employer_is_cut_after_its_head_word() -> None:
    doc = parse(f"Experience\nAugust 2006 to May 2007 Accounting Tutor Sole Proprietorship\n{BODY}")
    assert found(doc) == [("Accounting Tutor", "Sole Proprietorship", "2006-08", "2007-05")]


def test_start_and_end_stacked_at_the_start_of_two_lines() -> None:
    doc = parse(
        "EXPERIENCE\n"
        "2019, August\tFIRST LINE SOFTWARE (firstlinesoftware.com), Russia\n"
        "2020, June Python Developer\n"
        "Integrated a back-end of Django-based online shop with Stripe API and reported.\n"
        "2017, July\tAISA (aisa.ru), Russia\n"
        "December Web-Developer\n"
        "Improved the product by finding and fixing logical bugs in the payment flow.\n"
    )
    assert found(doc) == [
        ("Python Developer", "FIRST LINE SOFTWARE (firstlinesoftware.com)", "2019-08", "2020-06"),
        ("Web-Developer", "AISA (aisa.ru)", "2017-07", "2017-12"),
    ]


def test_a_margin_year_and_the_range_on_the_next_line() -> None:
    doc = parse(
        "WORK EXPERIENCE\n"
        "2019\tEmbedded Linux Platform Engineer @ Cogent Embedded\n"
        "Embedded automotive software / 2018\t2019\n"
        "Yocto Project, Automotive Grade Linux, Qt 5, C/C++, POSIX shell, Jenkins\n"
        "2016\tEmbedded Linux Engineer @ Protei\n"
        "Telecommunications solutions / 2016\t2018\n"
    )
    assert found(doc) == [
        ("Embedded Linux Platform Engineer", "Cogent Embedded", "2018", "2019"),
        ("Embedded Linux Engineer", "Protei", "2016", "2018"),
    ]


def test_title_line_above_employer_and_dates() -> None:
    doc = parse(
        "WORK EXPERIENCE\nOutsourcing data analyst\nPinsteps | Nov 2020 - present\n"
        "Conducted projects on cohort analysis and conversion evaluation for the app.\n"
        "Interviewer\nIsrael Way | Sept 2018 - Feb 2020\n"
        "Conducted surveys of participants and highlighted issues to be modified.\n"
    )
    assert found(doc) == [
        ("Outsourcing data analyst", "Pinsteps", "2020-11", "present"),
        ("Interviewer", "Israel Way", "2018-09", "2020-02"),
    ]


def test_a_section_without_dates_is_read_by_its_employer_lines() -> None:
    doc = parse(
        "Experience\nAccountant\n"
        f"Company Name – City , State {BODY}\n"
        "Office Manager/Bookkeeper\n"
        f"Company Name – City , State {BODY}\n"
    )
    assert found(doc) == [
        ("Accountant", None, None, None),
        ("Office Manager/Bookkeeper", None, None, None),
    ]
    assert doc.years_of_experience is None


def test_company_first_with_the_title_after_the_last_comma() -> None:
    doc = parse(
        "Experience\nLuxoft, Moscow, Russia, Senior Java Developer 2013/---\n"
        f"{BODY}\nCroc, Moscow, Russia, Java Developer 2004/ 2013\n{BODY}"
    )
    assert found(doc) == [
        ("Senior Java Developer", "Luxoft", "2013", "present"),
        ("Java Developer", "Croc", "2004", "2013"),
    ]


def test_a_lost_dash_between_years_and_the_place_in_brackets() -> None:
    doc = parse(
        "PROFESSIONAL HISTORY\n2021  now Full-Stack Developer, Inetex (Rehovot , Israel)\n"
        f"{BODY}\n2019  2021 Java Backend Developer, Miratorg (Belgorod, Russia)\n{BODY}"
    )
    assert found(doc) == [
        ("Full-Stack Developer", "Inetex", "2021", "present"),
        ("Java Backend Developer", "Miratorg", "2019", "2021"),
    ]
    assert doc.work[0].location == "Rehovot, Israel"


def test_a_date_column_beside_the_text() -> None:
    lines = [
        TextLine("Experience", indent=71.7, gap=1.0),
        TextLine("2021 – Machine Learning Engineer, OpenAI, San Francisco, USA", indent=32.9),
        TextLine("Present Leading a team of AI engineers. Designed models.", indent=28.6),
        TextLine("language processing tasks and data pipelines for research.", indent=71.7),
        TextLine("2018 – 2021 Data Scientist, Uber, San Francisco, USA", indent=6.4),
        TextLine(
            "Developed and deployed machine learning models for ride allocation.", indent=71.7
        ),
    ]
    assert found(parse(lines)) == [
        ("Machine Learning Engineer", "OpenAI", "2021", "present"),
        ("Data Scientist", "Uber", "2018", "2021"),
    ]


def test_positions_under_an_education_heading_are_positions() -> None:
    doc = parse(
        "EDUCATION\n2020, June\tMTS GROUP (mts.ru), Russia\n2021, August Python Developer\n"
        "Created an api for the ML model. Stack: Python, Flask, Postgres, Docker\n"
    )
    assert found(doc) == [("Python Developer", "MTS GROUP (mts.ru)", "2020-06", "2021-08")]
    assert doc.education == []


def test_positions_before_any_heading_when_there_is_no_experience_section() -> None:
    doc = parse(
        "My name is Maria and I work as a senior system analyst and team leader.\n"
        "Joint Stock Company ALFA-BANK\nSeptember 2019\tSenior Team Manager\ncurrently working\n"
        "Process management of four teams: work planning, communication, risk management.\n"
        "Languages:\nEnglish, Russian"
    )
    assert found(doc) == [
        ("Senior Team Manager", "Joint Stock Company ALFA-BANK", "2019-09", "present")
    ]


def test_an_undated_position_in_a_dated_section() -> None:
    doc = parse(
        "EXPERIENCE\nFULL STACK JAVA DEVELOPER INETEX LTD, REHOVOT, ISRAEL\t2017-PRESENT\n"
        "P2P CAR SHARING\nDATA ANALYST REGIONS GROUP, MOSCOW, RUSSIA\n"
        "Prepared weekly market reports for the commercial real estate department.\n"
    )
    assert found(doc) == [
        ("FULL STACK JAVA DEVELOPER", "INETEX LTD", "2017", "present"),
        ("DATA ANALYST", "REGIONS GROUP", None, None),
    ]


def test_the_same_positions_printed_twice_are_kept_once() -> None:
    entry = f"Project Manager , 07/2015 to 03/2017\nCompany Name – City , State\n{BODY}\n"
    doc = parse(f"Experience\n{entry}Work History\n{entry}")
    assert found(doc) == [("Project Manager", None, "2015-07", "2017-03")]


def test_cells_of_a_table_row_stay_apart() -> None:
    assert [line.cells for line in lines_from_text("Accountant\t2012 - 2015\n")] == [
        ["Accountant", "2012 - 2015"]
    ]
