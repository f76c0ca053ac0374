"""Career profiles: the fields a user keeps, reading and editing them.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.profiles.model import clear_field as clear_field
from domain.profiles.model import display_value as display_value
from domain.profiles.model import find_field as find_field
from domain.profiles.model import parse_location_answer as parse_location_answer
from domain.profiles.model import parse_timezone as parse_timezone
from domain.profiles.model import Profile as Profile
from domain.profiles.model import PROFILE_FIELDS as PROFILE_FIELDS
from domain.profiles.model import set_field as set_field
from domain.profiles.ports import ProfileRepository as ProfileRepository
from domain.profiles.ports import ProfilesUnitOfWork as ProfilesUnitOfWork
from domain.profiles.service import Profiles as Profiles
from domain.profiles.service import save_profile as save_profile
