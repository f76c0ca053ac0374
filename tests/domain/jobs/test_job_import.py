"""Turning job records into jobs."""

from __future__ import annotations

from datetime import date

import pytest

from domain.jobs import InvalidJobRecord, RemoteMode, html_to_text, job_from_record, read_records
from domain.taxonomy import bundled_taxonomy

TAX = bundled_taxonomy()


def test_full_record() -> None:
    job = job_from_record(
        {
            "ID": 42,
            "Title": " Senior  Data Engineer ",
            "company_name": "Acme",
            "location": "Berlin, Germany",
            "workplace_type": "hybrid",
            "salary": "€70k – €90k",
            "description": (
                "<p>Build pipelines with <b>Python</b> &amp; Airflow.</p><ul><li>dbt</li></ul>"
            ),
            "apply_url": "https://acme.example/jobs/42",
            "date_posted": "2026-02-28T10:00:00Z",
            "tags": "python, k8s",
        },
        "file:test",
        TAX,
    )
    assert (job.external_id, job.title, job.company) == ("42", "Senior Data Engineer", "Acme")
    assert (job.city, job.country, job.remote) == ("Berlin", "Germany", RemoteMode.HYBRID)
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_interval) == (
        70000,
        90000,
        "EUR",
        "year",
    )
    assert job.description == "Build pipelines with Python & Airflow.\n• dbt"
    assert job.posted_on == date(2026, 2, 28)
    assert job.skills[:2] == ["Python", "Kubernetes"]
    assert {"Apache Airflow", "dbt"} <= set(job.skills)
    assert job.seniority() == "senior"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"company": "Acme"}, "missing title"),
        ({"title": "Analyst"}, "missing company"),
        ({"title": "A", "company": "B", "url": "javascript:alert(1)"}, "url is not http"),
        ({"title": "A", "company": "B", "salary_min": "lots"}, "salary is not a number"),
        (["not", "an", "object"], "not an object"),
    ],
)
def test_bad_records_say_why(record: object, reason: str) -> None:
    with pytest.raises(InvalidJobRecord, match=reason):
        job_from_record(record, "test", TAX)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "remote"),
    [
        ({"remote": True}, RemoteMode.REMOTE),
        ({"remote": "no"}, RemoteMode.ONSITE),
        ({"location": "Remote - Europe"}, RemoteMode.REMOTE),
        ({}, RemoteMode.UNKNOWN),
    ],
)
def test_remote_modes(fields: dict[str, object], remote: RemoteMode) -> None:
    assert job_from_record({"title": "A", "company": "B", **fields}, "t", TAX).remote is remote


def test_missing_external_id_is_derived_stably() -> None:
    a = job_from_record({"title": "A", "company": "B", "url": "https://x.example/1"}, "t", TAX)
    b = job_from_record({"title": "A2", "company": "B", "url": "https://x.example/1"}, "t", TAX)
    assert a.external_id == b.external_id
    assert a.dedupe_key() == "url:x.example/1"


def test_hourly_salary_is_compared_yearly() -> None:
    job = job_from_record({"title": "A", "company": "B", "salary": "$40/hour"}, "t", TAX)
    assert (job.salary_min, job.salary_interval, job.yearly_salary_max()) == (40, "hour", 83200)


def test_read_json_jsonl_csv() -> None:
    assert [n for n, _ in read_records('[{"title": "a"}, {"title": "b"}]', "x.json")] == [1, 2]
    assert len(list(read_records('{"jobs": [{"title": "a"}]}', "x.json"))) == 1
    rows = list(read_records('{"title": "a"}\n\nnope\n{"title": "b"}\n', "x.jsonl"))
    assert [n for n, _ in rows] == [1, 3, 4]
    assert isinstance(rows[1][1], InvalidJobRecord)
    csv_rows = list(read_records("title,company\nAnalyst,Acme\n,NoTitle\n", "x.csv"))
    assert csv_rows == [
        (2, {"title": "Analyst", "company": "Acme"}),
        (3, {"title": "", "company": "NoTitle"}),
    ]
    with pytest.raises(InvalidJobRecord, match="not valid JSON"):
        list(read_records("[{broken", "x.json"))


def test_html_to_text_drops_scripts() -> None:
    assert html_to_text("<script>alert(1)</script><p>Hi</p><br>there") == "Hi\nthere"
