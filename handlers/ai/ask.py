"""/ask: free-form questions answered by the language model with the user's profile as
context. Without a model configured it says so and points to what works offline."""

from __future__ import annotations

from domain.ai import Prompt
from domain.profiles import PROFILE_FIELDS, display_value
from handlers.chat.commands import Command
from handlers.chat.context import Context
from handlers.chat.messages import Reply

SYSTEM = (
    "You are CareerBot, a friendly, practical career coach in a chat app. Answer in plain text "
    "(no Markdown), in at most 200 words, specific to the person's profile. Never invent facts "
    "about the person; if you need something you don't know, ask for it."
)
OFFLINE = (
    "I can't answer free-form questions right now: no language model is configured for this "
    "bot (the operator can set OPENAI_API_KEY). Everything else works offline — "
    "/profile to see and edit your profile, /resumes for your resumes, /help for the rest."
)


async def ask_command(ctx: Context, question: str) -> list[Reply]:
    """Answer one question with the profile as context."""
    question = question.strip()
    if not question:
        return [
            Reply(
                "Ask me anything about your career, e.g. /ask how do I move into "
                "product management?"
            )
        ]
    gateway = ctx.services.ai
    if not gateway.available:
        return [Reply(OFFLINE)]
    profile = await ctx.services.profiles.get(ctx.user.id)
    facts = "\n".join(
        f"{spec.label}: {value}"
        for spec in PROFILE_FIELDS
        if (value := display_value(profile, spec)) is not None
    )
    prompt = Prompt(
        system=SYSTEM,
        instructions="Answer the person's question, using their profile.",
        material={"profile": facts or "(empty profile)", "question": question},
    )
    answer = await gateway.text("assistant", ctx.user.id, prompt)
    return [Reply(answer.strip() or "I don't have a good answer to that — try rephrasing?")]


COMMANDS = (
    Command(
        "ask",
        ask_command,
        "ask me anything about your career",
        "<question>",
        ("/ask <question> — e.g. /ask how do I negotiate a raise?",),
    ),
)
