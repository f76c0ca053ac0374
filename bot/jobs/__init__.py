"""Job catalog infrastructure: the in-process search index, importers and feed sync."""
