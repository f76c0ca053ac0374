"""Resume uploads, /resumes and /resume."""
