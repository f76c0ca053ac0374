"""Finding (or creating) the user behind a platform account."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.accounts.ports import AccountsUnitOfWork
from domain.accounts.users import IdentityKey, PlatformIdentity, User

SEEN_PRECISION = timedelta(minutes=10)  # pushes go to the platform the user wrote from last


def up_to_date(identity: PlatformIdentity, user: User, chat_id: str, now: datetime) -> bool:
    """Whether a message from this identity changes nothing `resolve_user` would record."""
    return (
        identity.chat_id == chat_id
        and identity.last_seen_at is not None
        and now - identity.last_seen_at <= SEEN_PRECISION
        and user.active
    )


async def resolve_user(
    uow: AccountsUnitOfWork, key: IdentityKey, chat_id: str, display_name: str, now: datetime
) -> User:
    """Return the user behind `key`, creating them on first contact.

    A user who writes again is active again (they may have blocked the bot before), and the
    chat to reach them in is kept current.
    """
    identity = await uow.users.find_identity(key)
    if identity is None:
        user = await uow.users.add(display_name[:100] or key.platform_user_id, now)
        await uow.users.add_identity(
            PlatformIdentity(key=key, user_id=user.id, chat_id=chat_id, last_seen_at=now)
        )
        return user
    known = await uow.users.get(identity.user_id)
    if known is None:  # pragma: no cover - guarded by a foreign key
        raise LookupError(f"identity {key} points at a missing user")
    if identity.chat_id != chat_id:
        await uow.users.update_identity_chat(key, chat_id)
    if not up_to_date(identity, known, chat_id, now):
        await uow.users.touch_identity(key, now)
    if not known.active:
        await uow.users.set_active(known.id, True)
        known.active = True
    return known
