"""Tailoring a resume to a job description, with the honesty guardrail.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.tailoring.ports import DocumentWriter as DocumentWriter
from domain.tailoring.ports import TailoringRepository as TailoringRepository
from domain.tailoring.ports import TailoringUnitOfWork as TailoringUnitOfWork
from domain.tailoring.service import TailoringRejected as TailoringRejected
from domain.tailoring.service import TailoringService as TailoringService
from domain.tailoring.tailor import find_inventions as find_inventions
from domain.tailoring.tailor import job_keywords as job_keywords
from domain.tailoring.tailor import match_score as match_score
from domain.tailoring.tailor import OPENING_CHARS as OPENING_CHARS
from domain.tailoring.tailor import repair as repair
from domain.tailoring.tailor import tailor_offline as tailor_offline
from domain.tailoring.tailor import TailoringJob as TailoringJob
from domain.tailoring.tailor import TailoringStatus as TailoringStatus
