"""Updates are processed concurrently across chats and in order within one chat."""

from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update

from bot.adapters.telegram import PerChatUpdateProcessor


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, "private")
    return Update(update_id, message=Message(update_id, None, chat))  # type: ignore[arg-type]


async def test_one_chat_in_order_other_chats_meanwhile() -> None:
    processor = PerChatUpdateProcessor(16)
    log: list[str] = []
    slow_started = asyncio.Event()

    async def work(name: str, seconds: float) -> None:
        log.append(f"start {name}")
        if name == "a1":
            slow_started.set()
        await asyncio.sleep(seconds)
        log.append(f"end {name}")

    first = asyncio.create_task(processor.do_process_update(update(1, 1), work("a1", 0.05)))
    await slow_started.wait()
    second = asyncio.create_task(processor.do_process_update(update(2, 1), work("a2", 0)))
    third = asyncio.create_task(processor.do_process_update(update(3, 1), work("a3", 0)))
    other = asyncio.create_task(processor.do_process_update(update(4, 2), work("b1", 0)))
    await asyncio.gather(first, second, third, other)
    assert log.index("end b1") < log.index("end a1")  # another chat did not wait
    chat_a = [entry for entry in log if entry.endswith(("a1", "a2", "a3"))]
    assert chat_a == ["start a1", "end a1", "start a2", "end a2", "start a3", "end a3"]
    assert processor._chats == {}  # nothing kept once the chat is idle
