"""Template tags every app's templates use (portal_tags)."""
