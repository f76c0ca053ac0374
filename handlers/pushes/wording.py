"""The wording of scheduled messages: digests, job alerts, follow-ups and check-ins."""

from __future__ import annotations

from domain.jobs import Job
from domain.pushes import AlertHit, CheckIn, Digest, FollowUp, Payload
from handlers.chat.messages import Button, Reply, replies_to_payload
from handlers.jobs.commands import job_card
from handlers.jobs.job_data import job_data

ALERT_JOBS_SHOWN = 5


def save_button(job: Job) -> Button:
    return Button(f"Save #{job.id}", f"/job save {job.id}")


class PushMessages:
    """Renders what the scheduler found due into outbox payloads."""

    def digest(self, digest: Digest) -> Payload:
        if digest.profile_too_thin:
            text = (
                f"Your digest for {digest.local_date:%A %d %B}: I can't match jobs yet — send me "
                "your resume or set target roles (/profile set target_roles Data Analyst)."
            )
            return replies_to_payload([Reply(text)])
        if not digest.matches:
            text = (
                f"Your digest for {digest.local_date:%A %d %B}: nothing new matches your "
                "profile today. /prefs widens your filters."
            )
            return replies_to_payload([Reply(text)])
        cards = "\n\n".join(job_card(m.job, m) for m in digest.matches)
        count = len(digest.matches)
        text = (
            f"Your digest for {digest.local_date:%A %d %B}: {count} new "
            f"{'match' if count == 1 else 'matches'}.\n\n{cards}\n\n"
            "Save with the buttons, or /save 12 17 · /dismiss 12 · /digest off to stop."
        )
        buttons = tuple(save_button(m.job) for m in digest.matches)
        jobs = tuple(job_data(m.job, m) for m in digest.matches)
        return replies_to_payload(
            [Reply(text, buttons=(*buttons, Button("All matches", "/matches")), jobs=jobs)]
        )

    def followup(self, followup: FollowUp) -> Payload:
        a, n = followup.application, followup.number
        if followup.ordinal == 1:
            opening = (
                f"It's been {followup.days} days since your last update on {a.title} at "
                f"{a.company} ({a.status.value}). A short, friendly follow-up email to the "
                "recruiter often helps."
            )
        else:
            opening = (
                f"Still no news on {a.title} at {a.company} after {followup.days} days? One "
                "last nudge — or mark it and move on."
            )
        text = f"{opening}\nUpdate it with the buttons, or /note {n} <what happened>."
        buttons = (
            Button("Interviewing", f"/status {n} interviewing"),
            Button("Rejected", f"/status {n} rejected"),
            Button("Stop reminders", "/reminders off"),
        )
        return replies_to_payload([Reply(text, buttons=buttons)])

    def checkin(self, checkin: CheckIn) -> Payload:
        buttons = (
            Button("This week's tasks", "/tasks"),
            Button("Stop reminders", "/reminders off"),
        )
        return replies_to_payload([Reply(checkin.text, buttons=buttons)])

    def alert(self, hit: AlertHit) -> Payload:
        shown = hit.jobs[-ALERT_JOBS_SHOWN:][::-1]  # the newest first
        more = len(hit.jobs) - len(shown)
        lines = [
            f"New jobs for your alert “{hit.search.query}” ({len(hit.jobs)}):",
            "",
            "\n\n".join(job_card(job) for job in shown),
        ]
        if more:
            lines += ["", f"…and {more} more: /search {hit.search.query}"]
        buttons = (
            *(save_button(job) for job in shown),
            Button("Stop this alert", f"/alert off {hit.number}"),
        )
        jobs = tuple(job_data(job) for job in shown)
        return replies_to_payload([Reply("\n".join(lines), buttons=buttons, jobs=jobs)])
