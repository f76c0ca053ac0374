"""The command table: each feature declares its commands once (name, aliases, arguments,
one-line help, handler); /help, per-command help, the Telegram command menu and the Discord
slash commands are all made from those declarations."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from handlers.chat.context import Context, Handler
from handlers.chat.messages import Reply


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command as its feature declares it."""

    name: str
    run: Handler
    summary: str  # one line, for /help and the platform menus
    args: str = ""  # the argument spec: "<goal>" (required), "[N]" (optional), "" (none)
    usage: tuple[str, ...] = ()  # examples shown by /help <command>
    aliases: tuple[str, ...] = ()
    in_menu: bool = True  # listed in the platform menus (the rest under "Also" in /help)

    @property
    def synopsis(self) -> str:
        return f"/{self.name} {self.args}".rstrip()

    def detail(self) -> str:
        """What /help <command> says."""
        lines = [f"{self.synopsis} — {self.summary}", *self.usage]
        if self.aliases:
            lines.append("Also written: " + ", ".join(f"/{a}" for a in self.aliases))
        return "\n".join(lines)


class CommandTable:
    """Looks commands up by name or alias, and answers /help from the declarations."""

    def __init__(self, commands: Iterable[Command]) -> None:
        self._commands: dict[str, Command] = {}
        self._names: dict[str, Command] = {}
        help_command = Command(
            "help",
            self._help,
            "list the commands",
            "[command]",
            ("/help — all commands", "/help <command> — details of one"),
        )
        for command in [*commands, help_command]:
            for name in (command.name, *command.aliases):
                if name in self._names:
                    raise ValueError(f"command /{name} is defined twice")
                self._names[name] = command
            self._commands[command.name] = command

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def menu(self) -> list[Command]:
        """The commands platform menus show (Telegram's command list, Discord's slash
        commands), in /help order."""
        return [c for c in self if c.in_menu]

    def get(self, name: str) -> Command | None:
        return self._names.get(name.casefold())

    def suggest(self, name: str) -> str | None:
        """The closest known command name to a mistyped one, if any is close."""
        matches = difflib.get_close_matches(name.casefold(), list(self._names), n=1, cutoff=0.6)
        return self._names[matches[0]].name if matches else None

    def overview(self) -> str:
        lines = ["Here's what I can do:"]
        lines += [f"/{c.name} — {c.summary}" for c in self.menu()]
        more = [f"/{c.name}" for c in self if not c.in_menu]
        if more:
            lines.append("Also: " + ", ".join(more))
        return "\n".join(lines)

    async def _help(self, ctx: Context, args: str) -> list[Reply]:
        wanted = args.strip().lstrip("/").casefold()
        if not wanted:
            return [Reply(self.overview() + "\n\nSend /help <command> for details.")]
        command = self.get(wanted)
        if command is None:
            return [Reply(f"There is no /{wanted}. Here is what I know:\n\n" + self.overview())]
        return [Reply(command.detail())]


def split_command(text: str) -> tuple[str, str] | None:
    """Split "/name@Bot rest of line" into ("name", "rest of line"); None if not a command."""
    stripped = text.strip()
    if not stripped.startswith("/") or len(stripped) < 2:
        return None
    head, _, rest = stripped[1:].partition(" ")
    name = head.split("@", 1)[0]
    if not name or not name.replace("_", "").isalnum():
        return None
    return name.casefold(), rest.strip()
