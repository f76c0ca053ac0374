"""`careerbot occupations match`: one JSON line per title, in the order given."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_console_cli import run_cli


def test_jsonl_lines_in_order_with_three_matches(tmp_path: Path) -> None:
    titles = ["Sr. Acct", "HR Exec", "Dev Ops Eng III", "zzz"]
    result = run_cli(["occupations", "match", *titles, "--jsonl"], "", tmp_path / "var")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["title"] for line in lines] == titles
    first = lines[0]["matches"]
    assert len(first) == 3
    assert set(first[0]) == {"onet_code", "esco_uri", "name", "score"}
    assert first[0]["onet_code"] == "13-2011.00"
    assert first[0]["name"] == "Accountants and Auditors"
    assert lines[-1]["matches"] == []


def test_titles_from_standard_input_and_the_text_form(tmp_path: Path) -> None:
    result = run_cli(["occupations", "match", "-"], "Barista\n\nData Scientist\n", tmp_path / "var")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Barista",
        "  1. Baristas (35-3023.01) · 1.00 · as “Baristas”",
    ]
    assert "Data Scientists (15-2051.00)" in result.stdout
