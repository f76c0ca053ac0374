"""Career plans in SQL."""
