"""The job catalog, recommendations and job vectors."""
