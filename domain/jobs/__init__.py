"""Jobs: the catalog, importing postings, ranking them for a profile, occupations, demo data.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.jobs.catalog import CatalogIndex as CatalogIndex
from domain.jobs.catalog import ImportReport as ImportReport
from domain.jobs.catalog import JOB_VECTORS as JOB_VECTORS
from domain.jobs.catalog import JobCatalog as JobCatalog
from domain.jobs.demo import demo_jobs as demo_jobs
from domain.jobs.demo import Role as Role
from domain.jobs.demo import ROLES as ROLES
from domain.jobs.embeddings import EmbeddingIndexer as EmbeddingIndexer
from domain.jobs.embeddings import StoredVector as StoredVector
from domain.jobs.embeddings import VectorStore as VectorStore
from domain.jobs.job_table import Candidate as Candidate
from domain.jobs.job_table import JobTable as JobTable
from domain.jobs.job_table import PersonQuery as PersonQuery
from domain.jobs.importing import html_to_text as html_to_text
from domain.jobs.importing import InvalidJobRecord as InvalidJobRecord
from domain.jobs.importing import job_from_record as job_from_record
from domain.jobs.importing import read_records as read_records
from domain.jobs.importing import RecordProblem as RecordProblem
from domain.jobs.matcher import ApplicationTracker as ApplicationTracker
from domain.jobs.matcher import InvalidStatus as InvalidStatus
from domain.jobs.matcher import JobActions as JobActions
from domain.jobs.matcher import JobMatcher as JobMatcher
from domain.jobs.matcher import profile_text as profile_text
from domain.jobs.matcher import ProfileTooThin as ProfileTooThin
from domain.jobs.model import Job as Job
from domain.jobs.model import RemoteMode as RemoteMode
from domain.jobs.occupations import closest_occupation as closest_occupation
from domain.jobs.ports import ImportCounts as ImportCounts
from domain.jobs.ports import JobRepository as JobRepository
from domain.jobs.ports import JobsUnitOfWork as JobsUnitOfWork
from domain.jobs.ports import JobsUnitOfWorkFactory as JobsUnitOfWorkFactory
from domain.jobs.ports import RecommendationRepository as RecommendationRepository
from domain.jobs.ranking import ALGORITHM as ALGORITHM
from domain.jobs.ranking import Bm25 as Bm25
from domain.jobs.ranking import job_country as job_country
from domain.jobs.ranking import Match as Match
from domain.jobs.ranking import passes as passes
from domain.jobs.ranking import Preferences as Preferences
from domain.jobs.ranking import rank as rank
from domain.jobs.ranking import search_order as search_order
from domain.jobs.ranking import remote_regions as remote_regions
from domain.jobs.ranking import title_terms as title_terms
from domain.jobs.ranking import words as words
