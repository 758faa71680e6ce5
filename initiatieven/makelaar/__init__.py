"""The sociaal makelaar's queue: ideas, talents, signals, bundles, matching, and the AVG."""
