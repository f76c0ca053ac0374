"""Platform adapters: translate platform events to `Incoming` and `Reply`s back to API calls."""
