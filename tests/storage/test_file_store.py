"""The local file store."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.file_store import LocalFileStore


async def test_put_get_delete(tmp_path: Path) -> None:
    store = LocalFileStore(tmp_path / "files")
    key = await store.put(b"%PDF-1.4 resume", suffix=".pdf")
    assert key.endswith(".pdf")
    assert await store.get(key) == b"%PDF-1.4 resume"
    assert not list((tmp_path / "files").rglob("*.part"))
    await store.delete(key)
    await store.delete(key)  # deleting twice is fine
    with pytest.raises(FileNotFoundError):
        await store.get(key)


@pytest.mark.parametrize("key", ["../../etc/passwd", "/etc/passwd", "ab/../../x", "ab/cv.pdf", ""])
async def test_keys_cannot_escape_the_root(tmp_path: Path, key: str) -> None:
    store = LocalFileStore(tmp_path)
    with pytest.raises(ValueError, match="not a file store key"):
        await store.get(key)
    with pytest.raises(ValueError, match="not a file store key"):
        await store.delete(key)


async def test_suffix_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="bad file suffix"):
        await LocalFileStore(tmp_path).put(b"x", suffix="/../../evil")
