"""Career plans: the 12-week plan, its offline planner, weekly check-ins.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.plans.model import CareerPlan as CareerPlan
from domain.plans.model import current_week as current_week
from domain.plans.model import progress as progress
from domain.plans.model import StoredPlan as StoredPlan
from domain.plans.model import TaskState as TaskState
from domain.plans.model import weekly_checkin as weekly_checkin
from domain.plans.model import WEEKS as WEEKS
from domain.plans.planner import offline_plan as offline_plan
from domain.plans.planner import PlanInputs as PlanInputs
from domain.plans.planner import required_skills as required_skills
from domain.plans.planner import target_role as target_role
from domain.plans.ports import PlanRepository as PlanRepository
from domain.plans.ports import PlansUnitOfWork as PlansUnitOfWork
from domain.plans.service import missing_for_plan as missing_for_plan
from domain.plans.service import OFFLINE as OFFLINE
from domain.plans.service import NoPlanYet as NoPlanYet
from domain.plans.service import PlanFailed as PlanFailed
from domain.plans.service import PlanService as PlanService
