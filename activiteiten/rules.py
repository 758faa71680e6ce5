"""A schedule in plain words and its RRULE: "elke 2 weken op dinsdag" as the rule the agenda stores, and
back again for a form that shows a stored rule (the residents' proposal form uses both)."""

import datetime as dt

import recurrence

from django.utils.translation import gettext_lazy as _

from portal.kalender import RRULE_DAYS

WEKEN_VAN_MAAND = [("1", _("1e")), ("2", _("2e")), ("3", _("3e")), ("4", _("4e")), ("-1", _("laatste"))]
HERHALINGEN = [
    ("eenmalig", _("Eén keer")),
    ("wekelijks", _("Elke week")),
    ("tweewekelijks", _("Elke 2 weken")),
    ("maandelijks", _("Elke maand")),
]


def build_rule(cleaned):
    """(recurrence.Recurrence, first date) for the plain-language schedule. The first date is the first
    date of the rule on or after the chosen date, so "elke 2 weken" counts from there."""
    datum, herhaling = cleaned["datum"], cleaned["herhaling"]
    if herhaling == "eenmalig":
        return recurrence.Recurrence(include_dtstart=False), datum
    weekdag = cleaned.get("weekdag") or RRULE_DAYS[datum.weekday()]
    if herhaling == "wekelijks":
        text = f"FREQ=WEEKLY;BYDAY={weekdag}"
    elif herhaling == "tweewekelijks":
        text = f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekdag}"
    else:
        nth = cleaned.get("week_van_maand") or str(min((datum.day - 1) // 7 + 1, 4))
        text = f"FREQ=MONTHLY;BYDAY={nth}{weekdag}"
    rule = recurrence.deserialize(f"RRULE:{text}", include_dtstart=False)
    start = dt.datetime.combine(datum, dt.time())
    first = rule.to_dateutil_rruleset(dtstart=start).after(start, inc=True)
    return rule, first.date() if first else None


def schedule_initial(rule):
    """The form's plain-language fields for a stored rule it can express; else 'zoals nu'."""
    if not rule or not (rule.rrules or rule.rdates):
        return {"herhaling": "eenmalig"}
    if len(rule.rrules) != 1 or rule.rdates or rule.exrules or rule.exdates:
        return {"herhaling": "ongewijzigd"}
    r = rule.rrules[0]
    days = r.byday or []
    if len(days) != 1:
        return {"herhaling": "ongewijzigd"}
    code = RRULE_DAYS[days[0].number]
    index = getattr(days[0], "index", None)
    if r.freq == recurrence.WEEKLY and (r.interval or 1) in (1, 2) and not index:
        return {"herhaling": "wekelijks" if (r.interval or 1) == 1 else "tweewekelijks", "weekdag": code}
    if r.freq == recurrence.MONTHLY and (r.interval or 1) == 1 and index in (1, 2, 3, 4, -1):
        return {"herhaling": "maandelijks", "weekdag": code, "week_van_maand": str(index)}
    return {"herhaling": "ongewijzigd"}
