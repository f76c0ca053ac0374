"""Skills as written, normalised, and without false friends."""

from __future__ import annotations

from domain.resumes.layout import lines_from_text
from domain.resumes.skill_items import labelled_items, listed_items, mentioned
from domain.taxonomy import bundled_taxonomy

TAXONOMY = bundled_taxonomy()


def written(text: str) -> list[str]:
    return [item.written for item in listed_items(lines_from_text(text), TAXONOMY)]


def test_items_are_kept_as_written_and_split_at_cells_commas_and_bullets() -> None:
    assert written(
        "Budget forecasting expertise\tGeneral ledger accounting\n"
        "• ERP (Enterprise Resource Planning) software\nQuickBooks, Excel; SAP | Oracle"
    ) == [
        "Budget forecasting expertise",
        "General ledger accounting",
        "ERP (Enterprise Resource Planning) software",
        "QuickBooks",
        "Excel",
        "SAP",
        "Oracle",
    ]


def test_a_list_wrapped_over_lines_is_one_list() -> None:
    assert "Test-Driven Development" in written(
        "JavaScript, TypeScript, Agile Development, Test-Driven\nDevelopment, Responsive Design"
    )


def test_a_category_label_is_not_a_skill() -> None:
    assert written("Programming languages: Java, Kotlin") == ["Java", "Kotlin"]


def test_labelled_lines_anywhere_give_skills() -> None:
    lines = lines_from_text("Created an API.\nStack: Python, Flask, Postgres")
    assert [i.written for i in labelled_items(lines, TAXONOMY)] == ["Python", "Flask", "Postgres"]


def test_a_grid_of_known_skills_is_read_by_the_taxonomy() -> None:
    names = {i.name for i in listed_items(lines_from_text("Python SQL Tableau GitHub"), TAXONOMY)}
    assert {"Python", "SQL", "Tableau", "GitHub"} <= names


def test_no_false_friends_in_running_text() -> None:
    assert "Go" not in mentioned("Go-to person for month-end close. Go above and beyond.", TAXONOMY)
    assert "Go" in mentioned("Built payment services in Go and Python.", TAXONOMY)
    assert "Excel" not in mentioned("I excel at reconciliations and SQL reporting.", TAXONOMY)
    assert not any("Intelligence" in n for n in mentioned("Processed bi-weekly payroll.", TAXONOMY))
