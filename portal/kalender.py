"""The calendar words every part of the portal shares, defined once: the weekdays and the dagdelen."""

from django.utils.translation import gettext_lazy, gettext_noop

# Indexed like Python's weekday(): 0 is maandag. Translate with gettext when shown.
WEEKDAYS = [
    gettext_noop("maandag"),
    gettext_noop("dinsdag"),
    gettext_noop("woensdag"),
    gettext_noop("donderdag"),
    gettext_noop("vrijdag"),
    gettext_noop("zaterdag"),
    gettext_noop("zondag"),
]
WEEKDAY_CHOICES = [(number, gettext_lazy(name)) for number, name in enumerate(WEEKDAYS)]
# The same days as iCalendar (RRULE) writes them, in the same order.
RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
RRULE_DAY_CHOICES = [(code, gettext_lazy(name)) for code, name in zip(RRULE_DAYS, WEEKDAYS, strict=True)]

# The part of the day something starts in: before 12, before 18, or later (local time).
DAGDELEN = ["ochtend", "middag", "avond"]
DAGDEEL_CHOICES = [
    ("ochtend", gettext_lazy("Ochtend")),
    ("middag", gettext_lazy("Middag")),
    ("avond", gettext_lazy("Avond")),
]
WEEKEND_CHOICE = ("weekend", gettext_lazy("Weekend"))  # a talent's "wanneer kun je?" adds the weekend
# When, in a sentence: "past omdat het 's ochtends is".
DAGDEEL_WHEN = {
    "ochtend": gettext_lazy("'s ochtends"),
    "middag": gettext_lazy("'s middags"),
    "avond": gettext_lazy("'s avonds"),
}


def dagdeel(hour):
    """The dagdeel of a local hour: 9 is "ochtend", 12 is "middag", 18 is "avond"."""
    return "ochtend" if hour < 12 else "middag" if hour < 18 else "avond"
