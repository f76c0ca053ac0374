"""/apply, /applications, /status, /note, /history."""
