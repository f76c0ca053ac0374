"""The Discord adapter (discord.py 2.7): messages, slash commands and button presses in,
replies out — nothing else.

In DMs the bot answers everything. In a server channel it answers messages that mention it
or start with the prefix, and it answers privately (in DMs), because everything it says
is about one person; slash commands answer with ephemeral replies only the user sees.
Interactions are deferred at once and followed up when the work is done. Every send
carries `AllowedMentions.none()` and escaped mentions and markdown, so model output can
neither ping anyone nor change how a reply reads; text is split at 2000 characters."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.delivery.errors import DeliveryUncertain, RateLimited, RecipientGone, TemporaryFailure
from handlers.chat.commands import Command, CommandTable
from handlers.chat.messages import Attachment, Incoming, OutgoingFile, Reply, split_text

PLATFORM = "discord"
TEXT_LIMIT = 2000
FILES_PER_MESSAGE = 10
BUTTONS_PER_MESSAGE = 25
BUTTON_PREFIX = "cb:"  # custom_id of our buttons: "cb:" + the payload (Discord allows 100)
NOT_IN_DMS = (
    "I answer privately, but I can't send you a direct message. Allow DMs from server "
    "members (Server menu → Privacy Settings), or use my slash commands — their answers "
    "only you can see."
)
log = logging.getLogger(__name__)
HandleFn = Callable[[Incoming], Awaitable[list[Reply]]]
Send = Callable[..., Awaitable[Any]]


def build_client() -> discord.Client:
    """A client with the intents the adapter needs (message content must also be enabled
    for the application in the Developer Portal)."""
    intents = discord.Intents.default()
    intents.message_content = True
    intents.dm_messages = True
    intents.guild_messages = True
    return discord.Client(intents=intents, allowed_mentions=discord.AllowedMentions.none())


class DiscordAdapter:
    """Translates between Discord and the conversation; owns no business rules."""

    def __init__(
        self, client: discord.Client, handle: HandleFn, commands: CommandTable, prefix: str
    ) -> None:
        self.client = client
        self.tree = app_commands.CommandTree(client)
        self._handle = handle
        self._prefix = prefix
        for command in commands.menu():
            self.tree.add_command(self._slash_command(command))
        client.event(self.on_message)
        client.event(self.on_interaction)

    async def sync_commands(self) -> None:
        """Register the slash commands with Discord (global; they can take a while to
        appear in every server)."""
        await self.tree.sync()

    # -- incoming -------------------------------------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.client.user is None:
            return
        text = self._addressed_text(message)
        if text is None:
            return
        incoming = Incoming(
            platform=PLATFORM,
            user_id=str(message.author.id),
            chat_id=str(message.channel.id),
            display_name=message.author.display_name,
            text=text,
            attachments=tuple(_attachment(a) for a in message.attachments),
        )
        async with message.channel.typing():
            replies = await self._handle(incoming)
        if message.guild is None:
            await self._send_all(message.channel.send, replies, _DM_FILE_LIMIT)
            return
        try:  # in a server: the answer is private
            await self._send_all(message.author.send, replies, _DM_FILE_LIMIT)
        except discord.Forbidden:
            await message.reply(NOT_IN_DMS, mention_author=False)
            return
        await message.add_reaction("📬")

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Button presses (ours start with "cb:"); slash commands go to the command tree."""
        if interaction.type is not discord.InteractionType.component:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        if custom_id.startswith(BUTTON_PREFIX):
            payload = custom_id.removeprefix(BUTTON_PREFIX)
            await self.answer_interaction(interaction, button_payload=payload)

    async def answer_interaction(
        self, interaction: discord.Interaction, *, text: str = "", button_payload: str | None = None
    ) -> None:
        """Acknowledge within Discord's 3 seconds (defer), do the work, follow up."""
        private = interaction.guild is not None
        await interaction.response.defer(ephemeral=private, thinking=True)
        incoming = Incoming(
            platform=PLATFORM,
            user_id=str(interaction.user.id),
            chat_id=str(interaction.channel_id),
            display_name=interaction.user.display_name,
            text=text,
            button_payload=button_payload,
        )
        replies = await self._handle(incoming)

        async def follow_up(**kwargs: Any) -> Any:
            return await interaction.followup.send(ephemeral=private, **kwargs)

        await self._send_all(follow_up, replies, interaction.filesize_limit)

    def _slash_command(self, command: Command) -> app_commands.Command[Any, Any, Any]:
        async def run(interaction: discord.Interaction, text: str | None = None) -> None:
            await self.answer_interaction(interaction, text=f"/{command.name} {text or ''}".strip())

        # The option's description is the declared argument spec ("<goal> | show N | export").
        hint = command.args or (command.usage[0] if command.usage else command.summary)
        described = app_commands.describe(text=hint[:100])(run)
        return app_commands.Command(
            name=command.name, description=command.summary[:100], callback=described
        )

    def _addressed_text(self, message: discord.Message) -> str | None:
        """The message's text if it is for the bot: any DM; in a server, a mention of the
        bot or the prefix (`!matches` is `/matches`). None for other server chatter."""
        content = message.content.strip()
        if message.guild is None:
            return content
        me = self.client.user
        assert me is not None
        mention = re.compile(rf"<@!?{me.id}>")
        if mention.search(content) or me in message.mentions:
            return mention.sub("", content).strip()
        if content.startswith(self._prefix) and len(content) > len(self._prefix):
            return "/" + content[len(self._prefix) :]
        return None

    # -- outgoing -------------------------------------------------------------------------

    async def deliver(self, user_id: str, replies: list[Reply]) -> None:
        """A scheduled push: always a DM to the user."""
        try:
            user = self.client.get_user(int(user_id)) or await self.client.fetch_user(int(user_id))
            await self._send_all(user.send, replies, _DM_FILE_LIMIT)
        except discord.Forbidden as exc:
            raise RecipientGone(str(exc)) from exc
        except discord.NotFound as exc:
            raise RecipientGone(str(exc)) from exc
        except discord.RateLimited as exc:
            raise RateLimited(exc.retry_after) from exc
        except discord.HTTPException as exc:
            if exc.status == 429:
                raise RateLimited(float(getattr(exc, "retry_after", 1.0))) from exc
            if exc.status >= 500:
                raise TemporaryFailure(str(exc)) from exc
            raise
        except TimeoutError as exc:
            raise DeliveryUncertain(str(exc)) from exc

    async def _send_all(self, send: Send, replies: list[Reply], file_limit: int) -> None:
        none = discord.AllowedMentions.none()
        for reply in replies:
            pieces = split_text(_safe(reply.text), TEXT_LIMIT)
            for n, piece in enumerate(pieces):
                last = n == len(pieces) - 1
                view = _view(reply) if last else None
                files, notes = _files(reply.files, file_limit) if last else ([], [])
                text = "\n".join([piece, *notes]).strip() or "…"
                kwargs: dict[str, Any] = {"content": text[:TEXT_LIMIT], "allowed_mentions": none}
                if view is not None:
                    kwargs["view"] = view
                if files:
                    kwargs["files"] = files
                await send(**kwargs)


_DM_FILE_LIMIT = discord.utils.DEFAULT_FILE_SIZE_LIMIT_BYTES  # 10 MiB for bots


def _safe(text: str) -> str:
    """Text shown literally: mentions defused, markdown escaped (links left working)."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(text))


def _view(reply: Reply) -> discord.ui.View | None:
    buttons = [b for b in reply.buttons if len(BUTTON_PREFIX + b.payload) <= 100]
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for button in buttons[:BUTTONS_PER_MESSAGE]:
        view.add_item(
            discord.ui.Button(
                label=button.label[:80],
                custom_id=BUTTON_PREFIX + button.payload,
                style=discord.ButtonStyle.secondary,
            )
        )
    return view


def _files(files: tuple[OutgoingFile, ...], limit: int) -> tuple[list[discord.File], list[str]]:
    """Files that fit the upload limit (at most 10); a note for each that does not."""
    fitting: list[discord.File] = []
    notes: list[str] = []
    for file in files:
        if len(file.content) > limit or len(fitting) == FILES_PER_MESSAGE:
            notes.append(f"({file.name} is too large to send here; /export has it too.)")
            continue
        fitting.append(discord.File(io.BytesIO(file.content), filename=file.name))
    return fitting, notes


def _attachment(attachment: discord.Attachment) -> Attachment:
    return Attachment(
        file_name=attachment.filename,
        size=attachment.size,
        mime_type=attachment.content_type,
        fetch=attachment.read,
    )
