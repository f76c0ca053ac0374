"""The platform-neutral conversation layer: `Incoming` in, `list[Reply]` out."""
