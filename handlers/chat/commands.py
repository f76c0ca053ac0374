"""The command table: commands as data (name, handler, help), shared by every adapter."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from handlers.chat.context import Handler


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command: what runs, and how it is described in /help and platform menus."""

    name: str
    run: Handler
    summary: str
    usage: tuple[str, ...] = ()
    in_menu: bool = True


class CommandTable:
    """Looks commands up by name; the single source for /help and platform command menus."""

    def __init__(self, commands: Iterable[Command]) -> None:
        self._commands: dict[str, Command] = {}
        for command in commands:
            if command.name in self._commands:
                raise ValueError(f"command /{command.name} is defined twice")
            self._commands[command.name] = command

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def menu(self) -> list[Command]:
        """The commands platform menus show (Telegram's command list, Discord's slash
        commands), in /help order."""
        return [c for c in self if c.in_menu]

    def get(self, name: str) -> Command | None:
        return self._commands.get(name.casefold())

    def suggest(self, name: str) -> str | None:
        """The closest known command name to a mistyped one, if any is close."""
        matches = difflib.get_close_matches(name.casefold(), list(self._commands), n=1, cutoff=0.6)
        return matches[0] if matches else None


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
