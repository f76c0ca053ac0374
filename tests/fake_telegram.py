"""A fake Telegram Bot API server: the real HTTP protocol, in memory.

python-telegram-bot talks to it through `base_url`/`base_file_url`. Tests queue updates
(`user_says`, `user_sends_document`, `user_presses`), read what the bot called (`calls`,
`sent_texts`), and script failures for the next calls of a method (429 with retry_after,
403 from a blocked user)."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

TOKEN = "123456:TEST-token-for-the-fake-server"
BOT_USER = {"id": 999, "is_bot": True, "first_name": "CareerBot", "username": "CareerTestBot"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    failed: bool = False  # answered with a scripted error


class FakeTelegram:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.failures: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.downloads = 0
        self._ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self.port = 0

    # -- what tests use -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    def user_says(self, user_id: int, text: str, name: str = "Ann") -> None:
        self._queue({"message": self._message(user_id, name, text=text)})

    def user_sends_document(
        self, user_id: int, content: bytes, file_name: str, mime: str, size: int | None = None
    ) -> str:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = content
        document = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": file_name,
            "mime_type": mime,
            "file_size": len(content) if size is None else size,
        }
        self._queue({"message": self._message(user_id, "Ann", document=document)})
        return file_id

    def user_presses(self, user_id: int, data: str) -> None:
        message = self._message(user_id, "Ann", text="(a message with buttons)")
        message["from"] = BOT_USER
        query = {
            "id": str(next(self._ids)),
            "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
            "chat_instance": "ci",
            "message": message,
            "data": data,
        }
        self._queue({"callback_query": query})

    def fail_next(self, method: str, status: int, **parameters: Any) -> None:
        """The next call of `method` answers with this HTTP status (and error parameters)."""
        self.failures.setdefault(method, []).append((status, parameters))

    def sent(self, chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method in ("sendMessage", "sendDocument")
            and not c.failed
            and (chat_id is None or int(c.params["chat_id"]) == chat_id)
        ]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        return [c.params.get("text", "") for c in self.sent(chat_id) if c.method == "sendMessage"]

    async def wait_until(self, predicate: Any, limit_seconds: float = 30) -> None:
        """Wait (for the bot's requests, not for time) until `predicate()` holds."""
        async with asyncio.timeout(limit_seconds):
            while not predicate():
                self._new_call.clear()
                await self._new_call.wait()

    # -- the protocol ---------------------------------------------------------------------

    def _message(self, user_id: int, name: str, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._ids),
            "date": 1_780_000_000,
            "chat": {"id": user_id, "type": "private", "first_name": name},
            "from": {"id": user_id, "is_bot": False, "first_name": name},
            **content,
        }

    def _queue(self, update: dict[str, Any]) -> None:
        self.updates.append({"update_id": next(self._ids), **update})
        self._new_update.set()

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params, files = await _read_params(request)
        call = Call(method, params, files)
        self.calls.append(call)
        self._new_call.set()
        queued = self.failures.get(method)
        if queued:
            status, parameters = queued.pop(0)
            call.failed = True
            description = {
                429: "Too Many Requests: retry after",
                403: "Forbidden: bot was blocked by the user",
            }
            body: dict[str, Any] = {
                "ok": False,
                "error_code": status,
                "description": description.get(status, "error"),
            }
            if parameters:
                body["parameters"] = parameters
            return web.json_response(body, status=status)
        return web.json_response({"ok": True, "result": await self._result(method, params)})

    async def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {
                **BOT_USER,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            timeout = float(params.get("timeout") or 0)
            pending = [u for u in self.updates if u["update_id"] >= offset]
            if not pending and timeout:
                self._new_update.clear()
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._new_update.wait(), min(timeout, 1.0))
                pending = [u for u in self.updates if u["update_id"] >= offset]
            return pending
        if method == "getFile":
            file_id = params["file_id"]
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}",
            }
        if method in ("sendMessage", "sendDocument"):
            return {
                "message_id": next(self._ids),
                "date": 1_780_000_000,
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
        return True  # setMyCommands, deleteWebhook, setWebhook, answerCallbackQuery, sendChatAction

    async def _download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        self.downloads += 1
        return web.Response(body=self.files[file_id])


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    params: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    if request.content_type == "application/json":
        params = await request.json()
    elif request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            assert isinstance(part, BodyPartReader)  # the Bot API's uploads are not nested
            data = await part.read()
            if part.filename:
                files[part.name or ""] = bytes(data)
            else:
                params[part.name or ""] = data.decode()
    else:
        form = await request.post()
        params = {k: v for k, v in form.items() if isinstance(v, str)}
    for key in ("reply_markup", "commands", "allowed_updates"):
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params, files


@asynccontextmanager
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    app = web.Application(client_max_size=60 * 1024 * 1024)
    app.router.add_post("/bot{token}/{method}", server._api)
    app.router.add_get("/file/bot{token}/{path:.+}", server._download)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield server
    finally:
        await runner.cleanup()
