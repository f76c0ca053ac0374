"""The whole product on Discord: messages and attachments through dpytest against the real
discord.py client; slash commands and button presses through the adapter's translation
layer with recorded interactions; pushes as DMs; one account across Telegram and Discord."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend, runner

from bot.adapters.discord import PLATFORM, DiscordAdapter, build_client
from bot.app import App, open_app
from bot.config import load_config
from bot.delivery.rate_limits import PlatformLimits
from domain.pushes import NewOutboxMessage, OutboxStatus, PushKind
from handlers.chat.messages import Incoming, Reply, replies_to_payload
from tests.conftest import SHARED_DATA
from tests.fake_openai import FakeOpenAI, Scripted
from tests.fakes import FakeClock

RESUME = SHARED_DATA / "resumes" / "harvey_dent_mle.pdf"


@dataclass
class World:
    app: App
    adapter: DiscordAdapter
    client: discord.Client
    payloads: list[dict[str, Any]] = field(default_factory=list)  # what went over HTTP

    @property
    def ann(self) -> discord.Member:
        return dpytest.get_config().members[0]

    @property
    def bob(self) -> discord.Member:
        return dpytest.get_config().members[1]

    @property
    def channel(self) -> discord.TextChannel:
        channel = dpytest.get_config().channels[0]
        assert isinstance(channel, discord.TextChannel)
        return channel

    async def dm(self, member: discord.Member, text: str, **extra: Any) -> list[discord.Message]:
        """Send a DM to the bot as `member`; the bot's answers, in order."""
        channel = await member.create_dm()
        await dpytest.message(text, channel=channel, member=member, **extra)
        return drain()


def drain() -> list[discord.Message]:
    """Everything the bot sent since the last call, in order."""
    sent = []
    while not runner.sent_queue.empty():
        sent.append(runner.sent_queue.get_nowait())
    return sent


@asynccontextmanager
async def make_world(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **extra: str
) -> AsyncIterator[World]:
    monkeypatch.chdir(tmp_path)  # dpytest writes the files the bot sends into the cwd
    environment = {
        "CAREERBOT_DATA_DIR": str(tmp_path / "var"),
        "CAREERBOT_JOBS__DEMO_CATALOG": "false",
        **extra,
    }
    async with open_app(load_config(None, env=environment), clock=FakeClock()) as app:
        client = build_client()
        # dpytest builds its members through the member cache, which the real bot (without
        # the privileged members intent) does not keep.
        client._connection._intents.members = True
        client._connection.member_cache_flags = discord.MemberCacheFlags.all()
        adapter = DiscordAdapter(client, app.conversation.handle, app.conversation.commands, "!")
        app.dispatcher.register(PLATFORM, adapter.deliver, PlatformLimits(1000, 0))
        await client._async_setup_hook()
        dpytest.configure(client, members=["ann", "bob"])
        backend.get_state().loop = asyncio.get_running_loop()  # dpytest's state has none
        world = World(app, adapter, client)
        http = backend.get_state().http
        original = http.send_message

        async def recording(channel_id: int, *, params: Any) -> Any:
            world.payloads.append({"channel_id": channel_id, **(params.payload or {})})
            channel = sys._getframe(1).f_locals.get("channel")  # noqa: F841 (dpytest reads it)
            return await original(channel_id, params=params)

        monkeypatch.setattr(http, "send_message", recording)
        yield world
        await dpytest.empty_queue()


@pytest.fixture
async def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[World]:
    async with make_world(tmp_path, monkeypatch) as w:
        yield w


@dataclass
class Recorded:
    """A stand-in for discord.Interaction that records what the adapter does with it."""

    user: discord.Member
    guild: discord.Guild | None
    channel_id: int
    type: discord.InteractionType = discord.InteractionType.application_command
    data: dict[str, Any] = field(default_factory=dict)
    filesize_limit: int = 10 * 1024 * 1024
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def response(self) -> Recorded:
        return self

    @property
    def followup(self) -> Recorded:
        return self

    async def defer(self, **kwargs: Any) -> None:
        self.events.append(("defer", kwargs))

    async def send(self, **kwargs: Any) -> None:
        self.events.append(("followup", kwargs))

    def texts(self) -> list[str]:
        return [kw["content"] for name, kw in self.events if name == "followup"]


async def test_dm_start_and_a_resume_attachment(world: World) -> None:
    (hello, *_) = await world.dm(world.ann, "/start")
    assert "CareerBot" in hello.content
    replies = await world.dm(world.ann, "", attachments=[str(RESUME)])
    text = "\n".join(m.content for m in replies)
    assert "Got it — resume 1" in text
    assert "Harvey Dent" in text
    (profile,) = await world.dm(world.bob, "/profile")
    assert "Harvey" not in profile.content  # bob sees only his own (empty) profile


async def test_a_job_ad_raises_a_question_answered_by_a_button(world: World) -> None:
    ad = SHARED_DATA / "job_descriptions" / "job_desc_java_developer.pdf"
    world.payloads.clear()
    (question,) = await world.dm(world.ann, "", attachments=[str(ad)])
    assert question.content.startswith("This looks like a job ad. Is it your resume?")
    (row,) = world.payloads[-1]["components"]
    buttons = {b["label"]: b["custom_id"] for b in row["components"]}
    assert buttons == {
        "It's my resume": "cb:/resume keep",
        "Tailor my resume to it": "cb:/tailor held",
    }
    press = Recorded(
        world.ann,
        None,
        question.channel.id,
        type=discord.InteractionType.component,
        data={"custom_id": "cb:/resume keep"},
    )
    await world.adapter.on_interaction(press)  # type: ignore[arg-type]
    assert press.texts()[0].startswith(
        r"Got it — resume 1 (job\_desc\_java\_developer.pdf"
    )  # escaped


async def test_matches_come_with_buttons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_data_dir: Path
) -> None:
    demo = {"CAREERBOT_JOBS__DEMO_CATALOG": "true", "CAREERBOT_DATA_DIR": str(demo_data_dir)}
    async with make_world(tmp_path, monkeypatch, **demo) as world:
        await world.dm(world.ann, "/profile set target_roles Data Engineer")
        await world.dm(world.ann, "/profile set skills Python, SQL, Airflow")
        world.payloads.clear()
        replies = await world.dm(world.ann, "/matches")
        assert len(replies) == 1  # one message: five jobs, numbered
        rows = world.payloads[0]["components"]
        buttons = [(b["label"], b["custom_id"]) for row in rows for b in row["components"]]
        job_id = buttons[0][1].split()[-1]
        assert buttons[:2] == [("Save 1", f"cb:/job save {job_id}"),
                               ("Dismiss 1", f"cb:/job dismiss {job_id}")]  # fmt: skip
        assert buttons[-1] == ("More ›", "cb:/matches 2")
        assert len(buttons) == 11
        press = Recorded(
            world.ann,
            None,
            replies[0].channel.id,
            type=discord.InteractionType.component,
            data={"custom_id": f"cb:/job save {job_id}"},
        )
        await world.adapter.on_interaction(press)  # type: ignore[arg-type]
        assert press.events[0] == ("defer", {"ephemeral": False, "thinking": True})
        assert press.texts()[0].startswith(f"Saved #{job_id} ")
        more = Recorded(
            world.ann,
            None,
            replies[0].channel.id,
            type=discord.InteractionType.component,
            data={"custom_id": "cb:/matches 2"},
        )
        await world.adapter.on_interaction(more)  # type: ignore[arg-type]
        (page,) = more.texts()
        assert page.startswith("Your best matches (page 2):")
        first = re.findall(r"^\d+\. #(\d+) ", replies[0].content, re.MULTILINE)
        second = re.findall(r"^\d+\\?\. \\?#(\d+) ", page, re.MULTILINE)
        assert len(first) == len(second) == 5
        assert not set(first) & set(second)  # paging repeats no job


async def test_long_output_is_split_and_never_pings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: FakeOpenAI
) -> None:
    answer = "\n\n".join(
        f"Part {n}: tell @everyone and @here, <@123> too. " + " ".join(["Keep going."] * 40)
        for n in range(1, 11)
    )
    server.answer(Scripted(answer))
    extra = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.base_url}
    async with make_world(tmp_path, monkeypatch, **extra) as world:
        world.payloads.clear()
        replies = await world.dm(world.ann, "/ask how should I announce my new job?")
        assert len(replies) >= 3
        assert all(len(m.content) <= 2000 for m in replies)
        shown = discord.utils.escape_markdown(discord.utils.escape_mentions(answer))
        assert "\n\n".join(m.content for m in replies) == shown  # in order, cut at paragraphs
        assert all(p["allowed_mentions"] == {"parse": []} for p in world.payloads)
        assert all("@everyone" not in p["content"] for p in world.payloads)  # defused
        assert "@\u200beveryone" in replies[0].content


async def test_server_channel_answers_privately_and_ignores_chatter(world: World) -> None:
    await dpytest.message("just chatting about lunch", channel=world.channel, member=world.ann)
    assert drain() == []
    await dpytest.message("!profile set name Ann Example", channel=world.channel, member=world.ann)
    (saved,) = drain()
    assert isinstance(saved.channel, discord.DMChannel)  # not in the channel
    assert "Ann Example" in saved.content
    bot = world.client.user
    assert bot is not None
    await dpytest.message(f"<@{bot.id}> /profile", channel=world.channel, member=world.ann)
    (profile,) = drain()
    assert isinstance(profile.channel, discord.DMChannel)
    assert "Ann Example" in profile.content


async def test_an_oversized_attachment_is_refused_before_reading(world: World) -> None:
    channel = await world.ann.create_dm()
    huge = discord.Attachment(
        data={
            "id": 1,
            "filename": "cv.pdf",
            "size": 30 * 1024 * 1024,
            "url": "file:///nonexistent/cv.pdf",  # reading it would fail loudly
            "proxy_url": "",
        },
        state=backend.get_state(),
    )
    backend.make_message("", world.ann, channel, attachments=[huge])
    await dpytest.run_all_events()
    (reply,) = drain()
    assert "That file is 30.0 MB; the limit is 5.0 MB" in reply.content


async def test_slash_commands_are_deferred_then_followed_up(world: World) -> None:
    events: list[str] = []
    interaction = Recorded(world.ann, world.channel.guild, world.channel.id)

    async def slow(incoming: Incoming) -> list[Reply]:
        events.append(f"work on {incoming.text!r}, deferred={bool(interaction.events)}")
        await asyncio.sleep(0.05)  # a slow model call stands here
        return [Reply("done")]

    adapter = DiscordAdapter(world.client, slow, world.app.conversation.commands, "!")
    command = adapter.tree.get_command("matches")
    assert isinstance(command, discord.app_commands.Command)
    await command.callback(interaction, "2")  # type: ignore[arg-type]
    assert events == ["work on '/matches 2', deferred=True"]
    (defer, deferred), (followup, sent) = interaction.events
    assert (defer, deferred) == (
        "defer",
        {"ephemeral": True, "thinking": True},
    )  # only the user sees it
    assert followup == "followup"
    assert (sent["content"], sent["ephemeral"]) == ("done", True)
    assert sent["allowed_mentions"].to_dict() == {"parse": []}
    names = {c.name for c in adapter.tree.get_commands()}
    assert {"start", "matches", "tailor", "digest", "link"} <= names
    assert "status" not in names


async def test_pushes_arrive_as_dms_and_closed_dms_deactivate(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await world.dm(world.ann, "/digest 08:00")
    await world.dm(world.bob, "/digest 08:00")
    async with world.app.uow() as uow:
        users = {s.user_id for s in await uow.push_settings.digest_subscribers()}
    ann_id, bob_id = sorted(users)
    payload = replies_to_payload([Reply("Your digest: 2 new matches.")])
    for user_id in (ann_id, bob_id):
        await world.app.outbox.push(
            NewOutboxMessage(user_id, PushKind.DIGEST, f"d{user_id}", payload)
        )
    bob_dm = await world.bob.create_dm()
    http = backend.get_state().http
    sending = http.send_message

    async def closed_for_bob(channel_id: int, *, params: Any) -> Any:
        channel = sys._getframe(1).f_locals.get("channel")  # noqa: F841 (dpytest reads it)
        if channel_id == bob_dm.id:
            raise discord.Forbidden(
                backend.FakeRequest(403, "Cannot send messages to this user"),  # type: ignore[arg-type]
                "closed DMs",
            )
        return await sending(channel_id, params=params)

    monkeypatch.setattr(http, "send_message", closed_for_bob)
    report = await world.app.dispatcher.drain()
    assert report.sent == 1
    assert report.deactivated == [bob_id]
    (pushed,) = drain()
    assert isinstance(pushed.channel, discord.DMChannel)
    assert pushed.content == "Your digest: 2 new matches."
    async with world.app.uow() as uow:
        statuses = {
            m.user_id: m.status
            for m in [*await uow.outbox.for_user(ann_id), *await uow.outbox.for_user(bob_id)]
        }
    assert statuses == {ann_id: OutboxStatus.SENT, bob_id: OutboxStatus.FAILED}


async def test_one_account_across_telegram_and_discord(world: World) -> None:
    handle = world.app.conversation.handle

    async def on_telegram(text: str) -> str:
        replies = await handle(Incoming("telegram", "5550001", "5550001", "Ann", text=text))
        return "\n".join(r.text for r in replies)

    await on_telegram("/profile set name Ann Example")
    await on_telegram("/apply Acme | Data Analyst | https://acme.example/1")
    await on_telegram("/digest 07:30")
    await world.dm(world.ann, "/profile set skills Python, SQL")
    await world.dm(world.ann, "/profile set name Discord Ann")
    code = (await on_telegram("/link")).split("Your link code: ")[1].split()[0]
    (wrong,) = await world.dm(world.ann, "/link NOPE2345")
    assert "That code doesn't work" in wrong.content
    (linked,) = await world.dm(world.ann, f"/link {code}")
    assert linked.content.startswith("Linked. You are one user on Discord and Telegram now")
    (profile,) = await world.dm(world.ann, "/profile")
    assert "Ann Example" in profile.content  # the account that made the code wins…
    assert "Python" in profile.content  # …and empty fields are filled from the other
    (apps,) = await world.dm(world.ann, "/applications")
    assert "Data Analyst — Acme" in apps.content
    assert "Python" in await on_telegram("/profile")
    (again,) = await world.dm(world.ann, f"/link {code}")
    assert "That code doesn't work" in again.content  # one use only

    (split,) = await world.dm(world.ann, "/unlink")
    assert "separate now" in split.content
    (fresh,) = await world.dm(world.ann, "/profile")
    assert "It's empty so far" in fresh.content
    assert "Ann Example" in await on_telegram("/profile")
    assert "nothing to unlink" in await on_telegram("/unlink")
