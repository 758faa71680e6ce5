"""Scripts that print performance figures (they never assert timings)."""
