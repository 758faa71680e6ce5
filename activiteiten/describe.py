"""A schedule in plain words: "elke 2e dinsdag van de maand, 10:00–12:00"."""

from datetime import timedelta

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from portal.kalender import WEEKDAYS

YEARLY, MONTHLY, WEEKLY, DAILY = 0, 1, 2, 3


def _weekday(number):
    return _(WEEKDAYS[number])


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s en %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


# "2e dinsdag" as one phrase per position, so each language can write its own ordinal ("2nd Tuesday").
ORDINAL_WEEKDAYS = {
    1: gettext_noop("1e %(dag)s"),
    2: gettext_noop("2e %(dag)s"),
    3: gettext_noop("3e %(dag)s"),
    4: gettext_noop("4e %(dag)s"),
    5: gettext_noop("5e %(dag)s"),
    -1: gettext_noop("laatste %(dag)s"),
    -2: gettext_noop("een-na-laatste %(dag)s"),
}


def _ordinal_weekday(index, number):
    phrase = ORDINAL_WEEKDAYS.get(index)
    if phrase is None:  # positions RRULE allows but nobody uses (6th, 3rd from the end)
        return f"{index}e {_weekday(number)}"
    return _(phrase) % {"dag": _weekday(number)}


def _date(day):
    return formats.date_format(day, "j F Y")


def describe_rule(rule):
    """One django-recurrence rule in words, without times."""
    interval = rule.interval or 1
    days = sorted(rule.byday or [], key=lambda d: d.number)
    if rule.freq == DAILY:
        text = _("elke dag") if interval == 1 else _("elke %(n)s dagen") % {"n": interval}
    elif rule.freq == WEEKLY:
        names = _join(_weekday(d.number) for d in days)
        if interval == 1:
            text = _("elke %(days)s") % {"days": names} if names else _("elke week")
        elif interval == 2:
            text = _("om de week op %(days)s") % {"days": names} if names else _("om de week")
        else:
            text = _("elke %(n)s weken op %(days)s") % {"n": interval, "days": names}
    elif rule.freq == MONTHLY:
        every = _("van de maand") if interval == 1 else _("van elke %(n)se maand") % {"n": interval}
        if days and all(d.index for d in days):
            parts = _join(_ordinal_weekday(d.index, d.number) for d in days)
            text = _("elke %(parts)s %(every)s") % {"parts": parts, "every": every}
        elif rule.bymonthday:
            monthdays = _join(
                _("de %(n)se") % {"n": n} if n > 0 else _("de laatste dag") for n in rule.bymonthday
            )
            text = _("elke maand op %(days)s") % {"days": monthdays}
        else:
            text = _("elke maand") if interval == 1 else _("elke %(n)s maanden") % {"n": interval}
    elif rule.freq == YEARLY:
        text = _("elk jaar")
    else:
        text = _("regelmatig")
    if rule.count:
        text += ", " + ngettext("%(n)s keer", "%(n)s keer", rule.count) % {"n": rule.count}
    if rule.until:
        text += ", " + _("tot en met %(date)s") % {"date": _date(rule.until.date())}
    return text


def describe_times(slots):
    return _join(f"{s.start_tijd:%H:%M}–{s.eind_tijd:%H:%M}" for s in slots)


def describe_schedule(page, slots=None):
    """The whole schedule of an agenda item in plain Dutch."""
    slots = list(page.tijdsloten.all()) if slots is None else slots
    times = describe_times(slots)
    rec = page.recurrence
    if not (rec and rec.rrules):
        if (page.dagen or 1) > 1:
            end = page.start_datum + timedelta(days=page.dagen - 1)
            text = _("van %(start)s tot en met %(end)s") % {
                "start": formats.date_format(page.start_datum, "l j F"),
                "end": formats.date_format(end, "l j F Y"),
            }
        else:
            text = _("eenmalig op %(date)s") % {"date": formats.date_format(page.start_datum, "l j F Y")}
        return f"{text}, {times}" if times else text
    text = "; ".join(describe_rule(rule) for rule in rec.rrules)
    if times:
        text += f", {times}"
    if page.eind_datum:
        text += ", " + _("tot en met %(date)s") % {"date": _date(page.eind_datum)}
    if page.vervalt_op_feestdagen:
        text += ". " + _("Niet op feestdagen")
    return text
