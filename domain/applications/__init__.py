"""Application tracking: the jobs a user applied to and the status of each.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.applications.model import Application as Application
from domain.applications.model import ApplicationStatus as ApplicationStatus
from domain.applications.model import NewApplication as NewApplication
from domain.applications.model import parse_status as parse_status
from domain.applications.model import same_posting as same_posting
from domain.applications.model import StatusEvent as StatusEvent
from domain.applications.ports import ApplicationRepository as ApplicationRepository
from domain.applications.ports import ApplicationsUnitOfWork as ApplicationsUnitOfWork
