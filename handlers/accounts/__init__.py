"""/link, /unlink, /export and /delete: one account on every platform, and the user's data."""
