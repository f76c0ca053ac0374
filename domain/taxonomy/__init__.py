"""The bundled taxonomies (skills, occupations, title words, currencies and their rates) and
reading skills in text.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.taxonomy.currencies import Rates as Rates
from domain.taxonomy.currencies import bundled_rates as bundled_rates
from domain.taxonomy.currencies import currency_code as currency_code
from domain.taxonomy.currencies import currency_of_country as currency_of_country
from domain.taxonomy.occupation_closeness import close_to as close_to
from domain.taxonomy.occupation_closeness import closeness as closeness
from domain.taxonomy.occupation_titles import Occupation as Occupation
from domain.taxonomy.occupation_titles import OccupationIndex as OccupationIndex
from domain.taxonomy.occupation_titles import OccupationMatch as OccupationMatch
from domain.taxonomy.occupation_titles import bundled_occupation_index as bundled_occupation_index
from domain.taxonomy.occupation_titles import bundled_occupations as bundled_occupations
from domain.taxonomy.occupation_titles import occupation_of as occupation_of
from domain.taxonomy.occupation_titles import title_words as title_words
from domain.taxonomy.skills import bundled_taxonomy as bundled_taxonomy
from domain.taxonomy.skills import SkillTaxonomy as SkillTaxonomy
from domain.taxonomy.skills import tokenize as tokenize
