"""The conversation itself: messages, the command table, routing, context and services."""
