"""The neutral message types every adapter produces and consumes."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file the user sent. `fetch` downloads it; `size` is checked before that when known."""

    file_name: str
    size: int | None
    mime_type: str | None
    fetch: Callable[[], Awaitable[bytes]]


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message (or button press) from one user in one chat, on any platform."""

    platform: str
    user_id: str
    chat_id: str
    display_name: str = ""
    text: str = ""
    attachments: tuple[Attachment, ...] = ()
    button_payload: str | None = None

    @property
    def session_key(self) -> str:
        """Identifies the chat; each user has their own conversation in it."""
        return f"{self.platform}:{self.chat_id}"


# Telegram carries at most 64 bytes of callback data with a button (Discord: 100 characters
# of custom id, "cb:" prefix included); longer payloads are kept on the server.
BUTTON_PAYLOAD_BYTES = 64


@dataclass(frozen=True, slots=True)
class Button:
    """A button under a reply; pressing it sends `payload` back as if typed."""

    label: str
    payload: str


def fits_in_button(payload: str) -> bool:
    """Whether `payload` can travel with the button on every platform."""
    return len(payload.encode("utf-8")) <= BUTTON_PAYLOAD_BYTES


@dataclass(frozen=True, slots=True)
class OutgoingFile:
    """A file to send to the user."""

    name: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class Reply:
    """One message back to the user: plain text (adapters escape it), buttons and files."""

    text: str
    buttons: tuple[Button, ...] = ()
    files: tuple[OutgoingFile, ...] = ()
    jobs: tuple[dict[str, Any], ...] = ()  # the jobs the text shows, as data, in its order


def replies_to_payload(replies: list[Reply]) -> dict[str, Any]:
    """Replies as JSON-safe data, to be stored in the outbox and sent later."""
    return {
        "replies": [
            {
                "text": reply.text,
                "buttons": [[b.label, b.payload] for b in reply.buttons],
                "jobs": list(reply.jobs),
                "files": [
                    {
                        "name": f.name,
                        "mime_type": f.mime_type,
                        "content": base64.b64encode(f.content).decode("ascii"),
                    }
                    for f in reply.files
                ],
            }
            for reply in replies
        ]
    }


def replies_from_payload(payload: dict[str, Any]) -> list[Reply]:
    return [
        Reply(
            text=item["text"],
            buttons=tuple(Button(label, data) for label, data in item.get("buttons", [])),
            jobs=tuple(item.get("jobs", [])),
            files=tuple(
                OutgoingFile(f["name"], base64.b64decode(f["content"]), f["mime_type"])
                for f in item.get("files", [])
            ),
        )
        for item in payload["replies"]
    ]


def split_text(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters, in order, preferring to cut
    between paragraphs, then between lines, then between words. Adapters use it with
    their platform's limit (Telegram 4096, Discord 2000)."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator, 0, limit + 1)
            if cut > 0:
                break
        if cut <= 0:
            cut = limit  # one unbroken run of characters: cut it where it must be
            pieces.append(rest[:cut])
            rest = rest[cut:]
            continue
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not pieces:
        pieces.append(rest)
    return [p for p in pieces if p] or [""]
