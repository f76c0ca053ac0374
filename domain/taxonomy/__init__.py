"""The bundled taxonomies (skills, occupations, title words) and reading skills in text.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.taxonomy.skills import bundled_taxonomy as bundled_taxonomy
from domain.taxonomy.skills import SkillTaxonomy as SkillTaxonomy
from domain.taxonomy.skills import tokenize as tokenize
