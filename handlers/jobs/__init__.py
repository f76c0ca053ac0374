"""/matches, /job, /save, /applied, /dismiss, /search and /prefs."""
