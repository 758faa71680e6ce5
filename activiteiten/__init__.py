"""The agenda: activities and spreekuren, recurrence, occurrences, listing, iCal, JSON-LD, reports."""
