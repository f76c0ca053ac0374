"""/start (onboarding) and /profile."""
