"""Updates are processed concurrently across chats and in order within one chat."""

from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update

from bot.adapters.telegram import PerChatUpdateProcessor


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, "private")
    return Update(update_id, message=Message(update_id, None, chat))  # type: ignore[arg-type]


async def test_one_chat_in_order_and_a_flood_does_not_crowd_out_others() -> None:
    processor = PerChatUpdateProcessor(2)  # two slots only
    log: list[str] = []
    release = asyncio.Event()

    async def work(name: str) -> None:
        log.append(f"start {name}")
        if name == "a1":
            await release.wait()  # a slow model call
        log.append(f"end {name}")

    flood = [
        asyncio.create_task(processor.process_update(update(n, 1), work(f"a{n}")))
        for n in range(1, 6)
    ]
    await asyncio.sleep(0)
    other = asyncio.create_task(processor.process_update(update(9, 2), work("b1")))
    await asyncio.wait_for(other, 5)  # done while chat 1's first update still waits
    assert "end a1" not in log
    release.set()
    await asyncio.gather(*flood)
    chat_1 = [entry for entry in log if " a" in entry]
    assert chat_1 == [f"{what} a{n}" for n in range(1, 6) for what in ("start", "end")]
    assert processor._chats == {}  # nothing kept once the chats are idle
