"""Users, identities, link codes, conversation state; merging two accounts."""
