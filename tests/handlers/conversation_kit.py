"""A tiny driver for talking to the conversation in tests, as one user in one chat."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict, Unpack

from handlers.chat.conversation import Conversation
from handlers.chat.messages import Attachment, Incoming, Reply


class MessageFields(TypedDict, total=False):
    """What one message carries besides who sent it and where."""

    text: str
    attachments: tuple[Attachment, ...]
    button_payload: str | None


@dataclass
class Chat:
    """One user's chat: `say` sends text, `press` a button payload of the last reply."""

    conversation: Conversation
    user_id: str = "ann"
    platform: str = "console"
    last: list[Reply] = field(default_factory=list)

    async def say(self, text: str = "", attachments: tuple[Attachment, ...] = ()) -> list[Reply]:
        self.last = await self.conversation.handle(
            self._incoming(text=text, attachments=attachments)
        )
        return self.last

    async def press(self, label: str) -> list[Reply]:
        buttons = [b for r in self.last for b in r.buttons if b.label == label]
        assert buttons, f"no button {label!r} in {self.last}"
        self.last = await self.conversation.handle(
            self._incoming(button_payload=buttons[0].payload)
        )
        return self.last

    def _incoming(self, **fields: Unpack[MessageFields]) -> Incoming:
        return Incoming(
            platform=self.platform,
            user_id=self.user_id,
            chat_id=self.user_id,
            display_name=self.user_id.title(),
            **fields,
        )


def texts(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)
