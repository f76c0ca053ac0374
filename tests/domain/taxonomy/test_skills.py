"""The bundled skills taxonomy and finding skills in text."""

from __future__ import annotations

import pytest

from domain.taxonomy import SkillTaxonomy, bundled_taxonomy, tokenize


@pytest.fixture(scope="module")
def taxonomy() -> SkillTaxonomy:
    return bundled_taxonomy()


def test_bundle_is_substantial(taxonomy: SkillTaxonomy) -> None:
    assert len(taxonomy) > 400
    assert taxonomy.get("Python") is not None
    leadership = taxonomy.get("Leadership")
    assert leadership is not None
    assert leadership.kind == "soft"


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("JS", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("ReactJS", "React"),
        ("Golang", "Go"),
        ("Microsoft Excel", "Excel"),
        ("Structured query language SQL", "SQL"),
        ("sklearn", "scikit-learn"),
        ("node.js", "Node.js"),
        ("c#", "C#"),
        (".net", ".NET"),
        ("Amazon Web Services AWS", "Amazon Web Services"),
        ("ci/cd", "CI/CD"),
    ],
)
def test_aliases(taxonomy: SkillTaxonomy, phrase: str, canonical: str) -> None:
    assert taxonomy.canonical(phrase) == canonical


def test_strict_aliases_need_their_case(taxonomy: SkillTaxonomy) -> None:
    assert taxonomy.find_in_text("Built services in Go and R") == ["Go", "R"]
    assert taxonomy.find_in_text("ready to go, r u sure") == []
    assert "SAN" not in taxonomy.find_in_text("SAN FRANCISCO")


def test_find_in_text_keeps_order_and_splits_slashes(taxonomy: SkillTaxonomy) -> None:
    text = "JavaScript (ES6+), HTML/CSS, k8s and Docker; PostgreSQL, machine learning."
    assert taxonomy.find_in_text(text) == [
        "JavaScript",
        "HTML",
        "CSS",
        "Kubernetes",
        "Docker",
        "PostgreSQL",
        "Machine Learning",
    ]


def test_normalise_list_keeps_unknown_short_items(taxonomy: SkillTaxonomy) -> None:
    assert taxonomy.normalise_list(
        ["Java and J2EE", "Spring MVC", "Underwater basket weaving", "", "x" * 80]
    ) == ["Java", "Spring Boot", "Underwater basket weaving"]


def test_tokenize_keeps_skill_punctuation() -> None:
    assert tokenize("C++, C#, .NET and Node.js (CI/CD).") == [
        "C++",
        "C#",
        ".NET",
        "and",
        "Node.js",
        "CI/CD",
    ]
