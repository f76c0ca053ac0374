"""Account linking: one person on Telegram and Discord is one user.

`/link` on one platform gives a short one-time code; sending `/link CODE` from the other
platform joins that account to the first: its identities, resumes, applications, plans,
alerts and the rest move over, the profiles are merged (the first account's answers win,
empty fields are filled from the second), and the second user is gone. `/unlink` splits the
current platform account off again as a fresh user; the data stays where it is."""

from __future__ import annotations

import secrets
from datetime import timedelta

from domain.accounts.ports import AccountsUnitOfWorkFactory
from domain.accounts.users import IdentityKey
from domain.clock import Clock
from domain.errors import DomainError
from domain.ports import FileStore
from domain.profiles import Profile, save_profile

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to type from a phone
CODE_LENGTH = 8
CODE_LIFETIME = timedelta(minutes=10)


class LinkCodeInvalid(DomainError):
    def __init__(self) -> None:
        super().__init__("that link code is unknown, used or expired")


class LinkToSelf(DomainError):
    def __init__(self) -> None:
        super().__init__("that code belongs to this account already")


class LastIdentity(DomainError):
    def __init__(self) -> None:
        super().__init__("this is the account's only platform; there is nothing to unlink")


def merge_profiles(kept: Profile, other: Profile) -> Profile:
    """`kept` wins field by field; its empty fields are filled from `other`, and lists
    (skills, target roles, …) are joined without duplicates."""
    update: dict[str, object] = {}
    for name, value in kept.model_dump().items():
        theirs = getattr(other, name)
        if isinstance(value, list):
            seen = {str(v).casefold() for v in value}
            update[name] = value + [v for v in theirs if str(v).casefold() not in seen]
        elif value in (None, "") and theirs not in (None, ""):
            update[name] = theirs
    return Profile.model_validate({**kept.model_dump(), **update})


class AccountLinker:
    def __init__(self, uow: AccountsUnitOfWorkFactory, files: FileStore, clock: Clock) -> None:
        self._uow = uow
        self._files = files
        self._clock = clock

    async def new_code(self, user_id: int) -> str:
        """A fresh one-time code for this user (earlier unused ones stop working)."""
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        async with self._uow() as uow:
            await uow.link_codes.replace(code, user_id, self._clock.now() + CODE_LIFETIME)
            await uow.commit()
        return code

    async def link(self, user_id: int, code: str) -> list[str]:
        """Join the account `user_id` (where the code was typed) into the code's owner;
        returns the platforms the joined account is on."""
        wanted = "".join(code.split()).upper()
        async with self._uow() as uow:
            owner = await uow.link_codes.take(wanted, self._clock.now())
            if owner is None:
                await uow.commit()  # a wrong guess still burns nothing but time
                raise LinkCodeInvalid()
            if owner == user_id:
                raise LinkToSelf()
            kept = await uow.profiles.get(owner)
            merged = merge_profiles(kept, await uow.profiles.get(user_id))
            orphaned = await uow.users.merge(source=user_id, target=owner)
            await save_profile(uow, owner, merged, self._clock.now())  # and its time zone
            platforms = sorted({i.key.platform for i in await uow.users.identities_of(owner)})
            await uow.commit()
        for key in orphaned:  # duplicate resume files (the same file was on both accounts)
            await self._files.delete(key)
        return platforms

    async def unlink(self, user_id: int, key: IdentityKey) -> None:
        """Give the platform account `key` a fresh, empty user of its own."""
        async with self._uow() as uow:
            identities = await uow.users.identities_of(user_id)
            if len(identities) < 2:
                raise LastIdentity()
            user = await uow.users.get(user_id)
            fresh = await uow.users.add(user.display_name if user else "", self._clock.now())
            await uow.users.move_identity(key, fresh.id)
            await uow.commit()
