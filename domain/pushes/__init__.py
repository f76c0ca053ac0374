"""Pushes: the outbox, push settings, the daily digest, job alerts, follow-ups, check-ins.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.pushes.alert_service import JobAlerts as JobAlerts
from domain.pushes.alerts import EmptySearch as EmptySearch
from domain.pushes.alerts import MAX_ALERTS as MAX_ALERTS
from domain.pushes.alerts import SavedSearch as SavedSearch
from domain.pushes.alerts import TooManyAlerts as TooManyAlerts
from domain.pushes.outbox import NewOutboxMessage as NewOutboxMessage
from domain.pushes.outbox import OutboxFailure as OutboxFailure
from domain.pushes.outbox import OutboxMessage as OutboxMessage
from domain.pushes.outbox import OutboxStatus as OutboxStatus
from domain.pushes.outbox import PushKind as PushKind
from domain.pushes.outbox import tailoring_key as tailoring_key
from domain.pushes.outbox_writer import enqueue as enqueue
from domain.pushes.outbox_writer import OutboxWriter as OutboxWriter
from domain.pushes.ports import AlertRepository as AlertRepository
from domain.pushes.ports import OutboxRepository as OutboxRepository
from domain.pushes.ports import PushesUnitOfWork as PushesUnitOfWork
from domain.pushes.ports import PushesUnitOfWorkFactory as PushesUnitOfWorkFactory
from domain.pushes.ports import PushSettingsRepository as PushSettingsRepository
from domain.pushes.preferences import PushPreferences as PushPreferences
from domain.pushes.scheduled import AlertHit as AlertHit
from domain.pushes.scheduled import CheckIn as CheckIn
from domain.pushes.scheduled import Digest as Digest
from domain.pushes.scheduled import FollowUp as FollowUp
from domain.pushes.scheduled import Payload as Payload
from domain.pushes.scheduled import PushPlanner as PushPlanner
from domain.pushes.scheduled import PushRules as PushRules
from domain.pushes.settings import parse_clock_time as parse_clock_time
from domain.pushes.settings import PushSettings as PushSettings
