"""Resumes: reading an uploaded file the way a recruiter does, storing it, filling the profile.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.resumes.document import Basics as Basics
from domain.resumes.document import Certificate as Certificate
from domain.resumes.document import Education as Education
from domain.resumes.document import Language as Language
from domain.resumes.document import Location as Location
from domain.resumes.document import Project as Project
from domain.resumes.document import ResumeDocument as ResumeDocument
from domain.resumes.document import SkillEntry as SkillEntry
from domain.resumes.document import SocialProfile as SocialProfile
from domain.resumes.document import Work as Work
from domain.resumes.education import DEGREE as DEGREE
from domain.resumes.errors import BrokenFile as BrokenFile
from domain.resumes.errors import EmptyDocument as EmptyDocument
from domain.resumes.errors import EncryptedFile as EncryptedFile
from domain.resumes.errors import FileTooLarge as FileTooLarge
from domain.resumes.errors import LooksLikeJobDescription as LooksLikeJobDescription
from domain.resumes.errors import NotEnoughText as NotEnoughText
from domain.resumes.errors import NoTextLayer as NoTextLayer
from domain.resumes.errors import ParsingTimedOut as ParsingTimedOut
from domain.resumes.errors import ParsingTooExpensive as ParsingTooExpensive
from domain.resumes.errors import ResumeRejected as ResumeRejected
from domain.resumes.errors import TextTooLong as TextTooLong
from domain.resumes.errors import TooManyPages as TooManyPages
from domain.resumes.errors import UnsupportedFileType as UnsupportedFileType
from domain.resumes.intake import IntakeResult as IntakeResult
from domain.resumes.intake import ReadResume as ReadResume
from domain.resumes.intake import ResumeIntake as ResumeIntake
from domain.resumes.intake import ResumeLibrary as ResumeLibrary
from domain.resumes.job_ads import looks_like_job_description as looks_like_job_description
from domain.resumes.layout import CELL as CELL
from domain.resumes.layout import lines_from_text as lines_from_text
from domain.resumes.layout import text_of as text_of
from domain.resumes.layout import TextLine as TextLine
from domain.resumes.model import apply_resume as apply_resume
from domain.resumes.model import education_lines as education_lines
from domain.resumes.model import ExtractedText as ExtractedText
from domain.resumes.model import NewResume as NewResume
from domain.resumes.model import Resume as Resume
from domain.resumes.model import ResumeLimits as ResumeLimits
from domain.resumes.parser import parse_resume as parse_resume
from domain.resumes.places import place_names as place_names
from domain.resumes.ports import ResumeRepository as ResumeRepository
from domain.resumes.ports import ResumesUnitOfWork as ResumesUnitOfWork
from domain.resumes.ports import TextExtractor as TextExtractor
from domain.resumes.structurer import OFFLINE as OFFLINE
from domain.resumes.structurer import ResumeStructurer as ResumeStructurer
