"""Builds the conversation: the command table and the flows, as data."""

from __future__ import annotations

from domain.clock import Clock
from handlers.accounts import linking, privacy
from handlers.ai.ask import ask_command
from handlers.applications import commands as apps
from handlers.chat.basics import cancel_command, help_command
from handlers.chat.commands import Command, CommandTable
from handlers.chat.context import Push, Spawn
from handlers.chat.conversation import Conversation
from handlers.chat.services import Services
from handlers.jobs import commands as jobs
from handlers.plans import commands as plan_handlers
from handlers.profiles import onboarding
from handlers.profiles.commands import USAGE as PROFILE_USAGE
from handlers.profiles.commands import profile_command
from handlers.pushes import commands as push_commands
from handlers.resumes.commands import USAGE as RESUME_USAGE
from handlers.resumes.commands import on_attachment, resume_command, resumes_command
from handlers.tailoring import commands as tailoring


def build_command_table() -> CommandTable:
    """Every command the bot understands, in the order /help lists them."""
    return CommandTable(
        [
            Command(
                "start",
                onboarding.start_command,
                "set up your profile: send a resume or answer 4 questions",
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
                "plan",
                plan_handlers.plan_command,
                "a 12-week plan towards a new role",
                plan_handlers.USAGE,
            ),
            Command(
                "plans",
                plan_handlers.plans_command,
                "your plans and their progress",
                plan_handlers.USAGE[1:2],
            ),
            Command(
                "tasks",
                plan_handlers.tasks_command,
                "this week's plan tasks",
                plan_handlers.USAGE[2:],
            ),
            Command(
                "done",
                plan_handlers.done_command,
                "tick a task off: /done 2",
                plan_handlers.USAGE[2:],
                in_menu=False,
            ),
            Command(
                "tailor",
                tailoring.tailor_command,
                "tailor your resume to a job description",
                tailoring.USAGE,
            ),
            Command(
                "matches",
                jobs.matches_command,
                "jobs that match your profile, with reasons",
                jobs.MATCH_USAGE,
            ),
            Command("search", jobs.search_command, "search the job catalog", jobs.MATCH_USAGE[2:]),
            Command(
                "prefs",
                jobs.prefs_command,
                "your job filters: place, remote, salary, keywords",
                jobs.PREFS_USAGE,
            ),
            Command(
                "applications",
                apps.applications_command,
                "the jobs you saved or applied to",
                apps.USAGE,
            ),
            Command("apply", apps.apply_command, "track an application", apps.USAGE[1:2]),
            Command(
                "status",
                apps.status_command,
                "change an application's status",
                apps.USAGE[2:3],
                in_menu=False,
            ),
            Command(
                "note",
                apps.note_command,
                "add a note to an application",
                apps.USAGE[3:4],
                in_menu=False,
            ),
            Command(
                "history",
                apps.history_command,
                "every change of an application",
                apps.USAGE[4:],
                in_menu=False,
            ),
            Command(
                "job",
                jobs.job_command,
                "save, mark applied or dismiss a job",
                in_menu=False,
            ),
            Command("save", jobs.bulk("save"), "save several jobs: /save 12 17", in_menu=False),
            Command(
                "applied",
                jobs.bulk("applied"),
                "mark several jobs applied",
                in_menu=False,
            ),
            Command("dismiss", jobs.bulk("dismiss"), "hide several jobs for good", in_menu=False),
            Command(
                "digest",
                push_commands.digest_command,
                "a daily digest of new matching jobs: /digest 08:30",
                push_commands.DIGEST_USAGE,
            ),
            Command(
                "timezone",
                push_commands.timezone_command,
                "your time zone: /timezone Europe/Berlin",
                push_commands.DIGEST_USAGE[3:4],
            ),
            Command(
                "reminders",
                push_commands.reminders_command,
                "application follow-ups and plan check-ins on or off",
                push_commands.DIGEST_USAGE[4:],
                in_menu=False,
            ),
            Command(
                "alert",
                push_commands.alert_command,
                "tell me when new jobs match: /alert python berlin",
                push_commands.ALERT_USAGE,
            ),
            Command(
                "alerts",
                push_commands.alerts_command,
                "your job alerts",
                push_commands.ALERT_USAGE,
                in_menu=False,
            ),
            Command(
                "ask",
                ask_command,
                "ask me anything about your career",
                ("/ask <question> — e.g. /ask how do I negotiate a raise?",),
            ),
            Command(
                "link",
                linking.link_command,
                "use Telegram and Discord as one account",
                linking.USAGE,
            ),
            Command(
                "unlink",
                linking.unlink_command,
                "separate this platform's account again",
                linking.USAGE[1:],
                in_menu=False,
            ),
            Command("export", privacy.export_command, "all your data as a file"),
            Command("delete", privacy.delete_command, "erase all your data (asks first)"),
            Command("cancel", cancel_command, "stop the current multi-step conversation"),
            Command(
                "help",
                help_command,
                "list the commands",
                ("/help — all commands", "/help <command> — details of one"),
            ),
        ]
    )


def build_conversation(clock: Clock, services: Services, spawn: Spawn, push: Push) -> Conversation:
    """The conversation handler every adapter talks to."""
    flows = {
        onboarding.FLOW: onboarding.answer,
        plan_handlers.FLOW: plan_handlers.answer,
        tailoring.FLOW: tailoring.description,
    }
    conversation = Conversation(
        build_command_table(), flows, clock, services, on_attachment, spawn, push
    )
    conversation.accept_files_in(tailoring.FLOW, tailoring.description_file)
    return conversation
