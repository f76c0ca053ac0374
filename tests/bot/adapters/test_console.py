"""The console adapter's translation: lines to `Incoming`, replies to text or JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TextIO

from bot.adapters.console import ConsoleAdapter, run_console
from handlers.chat.messages import Button, Incoming, OutgoingFile, Reply


class RecordingBot:
    """Records what reached the conversation and answers with canned replies."""

    def __init__(self, replies: list[Reply]) -> None:
        self.received: list[Incoming] = []
        self.replies = replies

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.received.append(incoming)
        return self.replies


def make(tmp_path: Path, bot: RecordingBot, json_mode: bool = True) -> ConsoleAdapter:
    return ConsoleAdapter(
        handle=bot.handle,
        user="ann",
        files_dir=tmp_path / "files",
        out=io.StringIO(),
        err=io.StringIO(),
        json_mode=json_mode,
    )


def written(stream: TextIO) -> str:
    """What the adapter wrote to one of the `io.StringIO` streams `make` gave it."""
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()


MENU = Reply("Pick one", buttons=(Button("Save", "/save 1"), Button("Dismiss", "/dismiss 1")))


async def test_text_line_becomes_incoming(tmp_path: Path) -> None:
    bot = RecordingBot([Reply("hi")])
    adapter = make(tmp_path, bot)
    await adapter.send_line("/start\n")
    assert bot.received == [Incoming("console", "ann", "ann", "ann", "/start")]
    assert json.loads(written(adapter.out)) == {"text": "hi", "buttons": [], "files": []}


async def test_press_by_number_and_label(tmp_path: Path) -> None:
    bot = RecordingBot([MENU])
    adapter = make(tmp_path, bot)
    await adapter.send_line("/matches")
    await adapter.send_line("/press 2")
    await adapter.send_line("/press save")
    assert [i.button_payload for i in bot.received[1:]] == ["/dismiss 1", "/save 1"]


async def test_press_errors_are_console_notes_not_messages(tmp_path: Path) -> None:
    bot = RecordingBot([MENU])
    adapter = make(tmp_path, bot)
    await adapter.send_line("/press 1")
    assert "no buttons" in written(adapter.err)
    await adapter.send_line("/matches")
    await adapter.send_line("/press 9")
    assert "no button '9'" in written(adapter.err)
    assert len(bot.received) == 1


async def test_upload_sends_attachment_fetched_lazily(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_bytes(b"Ann Example\nData Analyst")
    bot = RecordingBot([Reply("got it")])
    adapter = make(tmp_path, bot)
    await adapter.send_line(f"/upload {resume}")
    (attachment,) = bot.received[0].attachments
    assert (attachment.file_name, attachment.size) == ("cv.txt", 24)
    assert await attachment.fetch() == b"Ann Example\nData Analyst"
    await adapter.send_line(f"/upload {tmp_path / 'missing.pdf'}")
    await adapter.send_line("/upload")
    assert "no file at" in written(adapter.err)
    assert "usage: /upload PATH" in written(adapter.err)
    assert len(bot.received) == 1


async def test_files_are_written_and_paths_printed(tmp_path: Path) -> None:
    bot = RecordingBot([Reply("here", files=(OutgoingFile("../../etc/plan.json", b"{}"),))])
    adapter = make(tmp_path, bot)
    await adapter.send_line("/plan export")
    (line,) = written(adapter.out).splitlines()
    (entry,) = json.loads(line)["files"]
    path = Path(entry["path"])
    assert entry["name"] == "../../etc/plan.json"
    assert path.read_bytes() == b"{}"
    assert path.is_relative_to((tmp_path / "files" / "ann").resolve())
    assert path.name.endswith("plan.json")


async def test_text_mode_shows_numbered_buttons(tmp_path: Path) -> None:
    adapter = make(tmp_path, RecordingBot([MENU]), json_mode=False)
    await adapter.send_line("/matches")
    out = written(adapter.out)
    assert "bot> Pick one" in out
    assert "[1] Save" in out
    assert "[2] Dismiss" in out


async def test_run_console_reads_lines_until_end_of_input(tmp_path: Path) -> None:
    bot = RecordingBot([Reply("ok")])
    adapter = make(tmp_path, bot)
    await run_console(adapter, io.StringIO("/start\n\n   \nhello\n"))
    assert [i.text for i in bot.received] == ["/start", "hello"]
