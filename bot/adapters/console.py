"""The console adapter: chat with CareerBot in a terminal, or script it through a pipe.

A line is a message. Two lines are the terminal's stand-ins for what a chat app does:
`/upload PATH` sends the file at PATH as an attachment (as a document sent on Telegram
would arrive), `/press N` or `/press <label>` presses a button of the last reply.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from handlers.chat.messages import Attachment, Button, Incoming, Reply

PLATFORM = "console"
HandleFn = Callable[[Incoming], Awaitable[list[Reply]]]


@dataclass
class ConsoleAdapter:
    """Turns console lines into `Incoming`s and prints `Reply`s (as text or JSON lines)."""

    handle: HandleFn
    user: str
    files_dir: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    json_mode: bool = False
    interactive: bool = False  # a person is typing: show the prompt again after a push
    _last_buttons: tuple[Button, ...] = ()

    async def send_line(self, line: str) -> None:
        """Process one console line: a message, an upload or a button press. The buttons of
        all replies to one line are numbered together, so `/press 4` reaches any of them."""
        incoming = self._translate(line.rstrip("\r\n"))
        if incoming is None:
            return
        replies = await self.handle(incoming)
        if any(reply.buttons for reply in replies):
            self._last_buttons = ()  # number the buttons of this answer from 1
        for reply in replies:
            self.show(reply)

    def show(self, reply: Reply) -> None:
        """Print one reply; files are written under `files_dir` and their paths printed."""
        first = len(self._last_buttons) + 1
        self._last_buttons += reply.buttons
        paths = [self._save_file(f.name, f.content) for f in reply.files]
        if self.json_mode:
            payload = {
                "text": reply.text,
                "buttons": [{"label": b.label, "payload": b.payload} for b in reply.buttons],
                "files": [
                    {"name": f.name, "path": str(p)}
                    for f, p in zip(reply.files, paths, strict=True)
                ],
            }
            if reply.jobs:
                payload["jobs"] = list(reply.jobs)
            print(json.dumps(payload, ensure_ascii=False), file=self.out, flush=True)
            return
        print(f"\nbot> {reply.text}", file=self.out)
        for number, button in enumerate(reply.buttons, start=first):
            print(f"  [{number}] {button.label}", file=self.out)
        for f, path in zip(reply.files, paths, strict=True):
            print(f"  (file) {f.name} -> {path}", file=self.out)
        if reply.buttons:
            print("  (press a button with /press N)", file=self.out)
        self.out.flush()

    def reaches(self, chat_id: str) -> bool:
        """Only this console's user is here; other console users' pushes wait for theirs."""
        return chat_id == self.user

    async def deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """A push (a digest, a reminder, a finished tailoring job) for this console's user:
        printed like any reply."""
        if any(reply.buttons for reply in replies):
            self._last_buttons = ()  # /press N now means this push's buttons
        for reply in replies:
            self.show(reply)
        if self.interactive:
            print("\nyou> ", end="", file=self.out, flush=True)

    def note(self, text: str) -> None:
        """A message from the console itself (not from the bot): on stderr."""
        print(f"console: {text}", file=self.err, flush=True)

    def _translate(self, line: str) -> Incoming | None:
        base = Incoming(
            platform=PLATFORM, user_id=self.user, chat_id=self.user, display_name=self.user
        )
        if line.startswith("/upload"):
            path = Path(line[len("/upload") :].strip()).expanduser()
            if not line[len("/upload") :].strip():
                self.note("usage: /upload PATH")
                return None
            if not path.is_file():
                self.note(f"no file at {path}")
                return None
            return replace(base, attachments=(_file_attachment(path),))
        if line.startswith("/press"):
            button = self._find_button(line[len("/press") :].strip())
            if button is None:
                return None
            return replace(base, button_payload=button.payload)
        return replace(base, text=line)

    def _find_button(self, wanted: str) -> Button | None:
        if not self._last_buttons:
            self.note("there are no buttons to press")
            return None
        if wanted.isdigit() and 1 <= int(wanted) <= len(self._last_buttons):
            return self._last_buttons[int(wanted) - 1]
        for button in self._last_buttons:
            if button.label.casefold() == wanted.casefold():
                return button
        labels = ", ".join(f"[{i}] {b.label}" for i, b in enumerate(self._last_buttons, 1))
        self.note(f"no button {wanted!r}; the buttons are {labels}")
        return None

    def _save_file(self, name: str, content: bytes) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._") or "file"
        target = self.files_dir / _safe_user(self.user) / f"{stamp}-{safe}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return target.resolve()


def _safe_user(user: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", user) or "user"


def _file_attachment(path: Path) -> Attachment:
    async def fetch() -> bytes:
        return await asyncio.to_thread(path.read_bytes)

    return Attachment(file_name=path.name, size=path.stat().st_size, mime_type=None, fetch=fetch)


async def run_console(adapter: ConsoleAdapter, stdin: TextIO | None = None) -> None:
    """Read lines until end of input. Prompts only when stdin is a terminal."""
    stdin = stdin or sys.stdin
    interactive = stdin.isatty()
    adapter.interactive = interactive
    if interactive:
        adapter.note("type a message, /help for commands, Ctrl-D to quit")
    while True:
        if interactive:
            print("\nyou> ", end="", file=adapter.out, flush=True)
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            break
        if line.strip():
            await adapter.send_line(line)
