"""The language-model gateway: prompts, budgets, the response cache and its errors.

Other features import the names below; the modules inside are this package's own business.
"""

from domain.ai.gateway import AIGateway as AIGateway
from domain.ai.gateway import AIPolicy as AIPolicy
from domain.ai.gateway import DATA_NOTICE as DATA_NOTICE
from domain.ai.gateway import Prompt as Prompt
from domain.ai.model import AIBudgetExceeded as AIBudgetExceeded
from domain.ai.model import AIError as AIError
from domain.ai.model import AIOutputInvalid as AIOutputInvalid
from domain.ai.model import AIOutputTruncated as AIOutputTruncated
from domain.ai.model import AIProviderError as AIProviderError
from domain.ai.model import AIRateLimited as AIRateLimited
from domain.ai.model import AIRequestRecord as AIRequestRecord
from domain.ai.model import AIUnavailable as AIUnavailable
from domain.ai.model import ChatModel as ChatModel
from domain.ai.model import Completion as Completion
from domain.ai.model import Embedder as Embedder
from domain.ai.model import Message as Message
