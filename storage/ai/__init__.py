"""The AI request log and response cache."""
