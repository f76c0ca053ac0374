"""/ask: questions answered by the language model."""
