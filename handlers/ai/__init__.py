"""/ask: questions answered by the language model; what the user is told when it fails."""

from handlers.ai import errors as errors  # registers the replies to AI errors
