"""Builds the conversation: the command table and the flows, as data."""

from __future__ import annotations

from domain.clock import Clock
from handlers.accounts import linking, privacy
from handlers.ai import ask
from handlers.applications import commands as applications
from handlers.chat import basics
from handlers.chat.commands import CommandTable
from handlers.chat.context import Push, Spawn
from handlers.chat.conversation import Conversation
from handlers.chat.services import Services
from handlers.jobs import commands as jobs
from handlers.plans import commands as plans
from handlers.profiles import commands as profile
from handlers.profiles import onboarding
from handlers.pushes import commands as pushes
from handlers.resumes import commands as resumes
from handlers.resumes.commands import on_attachment
from handlers.tailoring import commands as tailoring


def build_command_table() -> CommandTable:
    """Every command the bot understands, as each feature declares them, in /help order."""
    return CommandTable(
        [
            *onboarding.COMMANDS,
            *profile.COMMANDS,
            *resumes.COMMANDS,
            *plans.COMMANDS,
            *tailoring.COMMANDS,
            *jobs.COMMANDS,
            *applications.COMMANDS,
            *pushes.COMMANDS,
            *ask.COMMANDS,
            *linking.COMMANDS,
            *privacy.COMMANDS,
            *basics.COMMANDS,
        ]
    )


def build_conversation(clock: Clock, services: Services, spawn: Spawn, push: Push) -> Conversation:
    """The conversation handler every adapter talks to."""
    flows = {
        onboarding.FLOW: onboarding.answer,
        plans.FLOW: plans.answer,
        tailoring.FLOW: tailoring.description,
    }
    conversation = Conversation(
        build_command_table(), flows, clock, services, on_attachment, spawn, push
    )
    conversation.accept_files_in(tailoring.FLOW, tailoring.description_file)
    return conversation
