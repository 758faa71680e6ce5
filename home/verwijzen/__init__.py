"""For social workers: the finder, referral slips and posters, and the anonymous referral counts."""
