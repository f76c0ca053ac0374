"""/tailor."""
