"""Builds the conversation: the command table and the flows, as data."""

from __future__ import annotations

from domain.clock import Clock
from domain.ports import UnitOfWorkFactory
from handlers import onboarding
from handlers.assistant import ask_command
from handlers.basics import cancel_command, help_command
from handlers.commands import Command, CommandTable
from handlers.conversation import Conversation
from handlers.profile import USAGE as PROFILE_USAGE
from handlers.profile import profile_command
from handlers.resumes import USAGE as RESUME_USAGE
from handlers.resumes import on_attachment, resume_command, resumes_command
from handlers.services import Services


def build_command_table() -> CommandTable:
    """Every command the bot understands, in the order /help lists them."""
    return CommandTable(
        [
            Command(
                "start",
                onboarding.start_command,
                "set up your profile in four questions",
                ("/start — greet and ask the onboarding questions", "/start again — redo them"),
            ),
            Command("profile", profile_command, "show or edit your profile", PROFILE_USAGE),
            Command(
                "resumes",
                resumes_command,
                "list your resumes (send a file to add one)",
                RESUME_USAGE,
            ),
            Command(
                "resume",
                resume_command,
                "use, show or delete one of your resumes",
                RESUME_USAGE,
                in_menu=False,
            ),
            Command(
                "ask",
                ask_command,
                "ask me anything about your career",
                ("/ask <question> — e.g. /ask how do I negotiate a raise?",),
            ),
            Command("cancel", cancel_command, "stop the current multi-step conversation"),
            Command(
                "help",
                help_command,
                "list the commands",
                ("/help — all commands", "/help <command> — details of one"),
            ),
        ]
    )


def build_conversation(uow: UnitOfWorkFactory, clock: Clock, services: Services) -> Conversation:
    """The conversation handler every adapter talks to."""
    flows = {onboarding.FLOW: onboarding.answer}
    return Conversation(build_command_table(), flows, uow, clock, services, on_attachment)
