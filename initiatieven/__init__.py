"""Meedoen: bewonersinitiatieven and resident publishing, and the sociaal makelaar's queue."""
