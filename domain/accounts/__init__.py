"""Accounts: users and their platform identities, linking accounts, conversation state,
and the user's rights over their data (export, delete).

Other features import the names below; the modules inside are this package's own business.
"""

from domain.accounts.conversations import ConversationState as ConversationState
from domain.accounts.identities import resolve_user as resolve_user
from domain.accounts.linking import AccountLinker as AccountLinker
from domain.accounts.linking import LastIdentity as LastIdentity
from domain.accounts.linking import LinkCodeInvalid as LinkCodeInvalid
from domain.accounts.linking import LinkToSelf as LinkToSelf
from domain.accounts.ports import AccountsUnitOfWork as AccountsUnitOfWork
from domain.accounts.ports import ConversationRepository as ConversationRepository
from domain.accounts.ports import ButtonRepository as ButtonRepository
from domain.accounts.ports import LinkCodeRepository as LinkCodeRepository
from domain.accounts.ports import UserRepository as UserRepository
from domain.accounts.privacy import PersonalData as PersonalData
from domain.accounts.sessions import Arrival as Arrival
from domain.accounts.sessions import Sessions as Sessions
from domain.accounts.users import IdentityKey as IdentityKey
from domain.accounts.users import PlatformIdentity as PlatformIdentity
from domain.accounts.users import User as User
