"""Reading documents (PDF, DOCX, TXT) safely: text extraction in an isolated child process."""
