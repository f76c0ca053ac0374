"""Files on the local disk under the data dir, named by generated keys."""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from pathlib import Path

_KEY = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{32}(\.[a-z0-9]{1,8})?$")


class LocalFileStore:
    """`put` writes to `<root>/<2 hex>/<32 hex><suffix>` atomically (temp file + rename).

    Keys are generated here and validated on every read and delete, so a key can never
    point outside the root, whatever ends up in the database.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    async def put(self, data: bytes, suffix: str = "") -> str:
        if suffix and not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
            raise ValueError(f"bad file suffix {suffix!r}")
        name = uuid.uuid4().hex
        key = f"{name[:2]}/{name}{suffix}"
        await asyncio.to_thread(self._write, self._path(key), data)
        return key

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def delete(self, key: str) -> None:
        path = self._path(key)
        await asyncio.to_thread(path.unlink, missing_ok=True)

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"not a file store key: {key!r}")
        return self.root / key

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(path.suffix + ".part")
        with open(temp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        temp.replace(path)


class LocalExportStore:
    """Files for the user under `<data dir>/exports`, with sanitised names."""

    def __init__(self, root: Path) -> None:
        self.root = root

    async def write(self, name: str, data: bytes) -> str:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._") or "export"
        path = self.root / safe
        await asyncio.to_thread(LocalFileStore._write, path, data)
        return str(path)
