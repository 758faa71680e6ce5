"""Settings: base, and dev, production and test on top of it."""
