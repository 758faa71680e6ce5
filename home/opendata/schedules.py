"""HSDS schedules of an agenda item (ActiviteitPage, SpreekuurPage), with our extension fields.

- One schedule per time slot and repeat rule. The rule's RRULE parts come from the iCal feed's own
  ``rrule_for`` (activiteiten/ical.py); HSDS only knows WEEKLY and MONTHLY, so a daily rule becomes WEEKLY
  on the days it has, a yearly one MONTHLY with an interval of 12, and a rule that cannot be written that
  way has no ``freq`` (its exact rule is still in ``x_rrule``).
- Extension fields (our profile, ``profile.profile_document()``; HSDS schemas allow extra properties):
  ``x_rrule`` (the exact RFC 5545 rule), ``x_timezone`` ("Europe/Amsterdam": all times are local wall-clock
  times, whatever the season) and ``x_exceptions``: the dates in the agenda's 18-month window on which the
  rule does not hold as written (vervalt / verplaatst / gewijzigd), taken from ``expand()``, so the API,
  the agenda and the iCal feed agree. The same dates are written in plain Dutch in ``notes``.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import formats

from activiteiten import ical
from activiteiten.describe import describe_rule, describe_schedule
from activiteiten.occurrences import window
from activiteiten.recurrence import AMSTERDAM, Schedule, expand, local

from .common import ALL_DAYS, TIMEZONE, compact, hhmm, page_id, sub_id

NOTES_MAX = 20  # dates written out in a schedule's notes; x_exceptions has them all

STATUS_TEXT = {
    "vervalt": "gaat niet door",
    "verplaatst": "verplaatst",
    "gewijzigd": "andere tijd of plek",
}


def local_date_text(day):
    return formats.date_format(day, "j F Y")


def _capitalise(text):
    return text[:1].upper() + text[1:]


# --- Schedules ------------------------------------------------------------------------------------


def hsds_rule_fields(recur, first_day):
    """HSDS's RRULE fields for one iCal RRULE (a vRecur from ``ical.rrule_for``), or None when HSDS
    cannot say the same: it only has WEEKLY and MONTHLY, and no BYMONTH or BYSETPOS."""
    freq = recur["FREQ"]
    interval = int(recur.get("INTERVAL", 1))
    byday = [str(code) for code in recur.get("BYDAY", [])]
    bymonthday = list(recur.get("BYMONTHDAY", []))
    bymonth = list(recur.get("BYMONTH", []))
    bysetpos = list(recur.get("BYSETPOS", []))
    if recur.get("BYWEEKNO") or recur.get("BYYEARDAY"):
        return None
    if freq == "DAILY":
        if bymonth or bymonthday or bysetpos:
            return None
        if interval == 1:
            freq, byday = "WEEKLY", byday or ALL_DAYS
        elif interval % 7 == 0 and not byday:
            freq, interval, byday = "WEEKLY", interval // 7, [ALL_DAYS[first_day.weekday()]]
        else:
            return None
    elif freq == "YEARLY":
        if len(bymonth) != 1 or first_day.month != bymonth[0]:
            return None
        freq, interval = "MONTHLY", interval * 12
    elif bymonth:
        return None
    if bysetpos:
        if freq != "MONTHLY" or len(bysetpos) != 1 or len(byday) != 1 or not byday[0].isalpha():
            return None
        byday = [f"{bysetpos[0]}{byday[0]}"]
    fields = {"freq": freq, "interval": interval}
    if byday:
        fields["byday"] = ",".join(code.lstrip("+") for code in byday)
    if bymonthday:
        fields["bymonthday"] = ",".join(str(day) for day in bymonthday)
    if recur.get("WKST"):
        fields["wkst"] = str(recur["WKST"])
    return fields


@dataclass
class SeriesFacts:
    """What a service's schedules say, and whether the service still has a date to come."""

    schedules: list
    active: bool


class ScheduleWriter:
    """The HSDS schedules of one agenda item (see the module docstring). Reads only prefetched data."""

    def __init__(self, page, service_id, ctx, locations_by_pk):
        self.page = page
        self.service_id = service_id
        self.ctx = ctx
        self.locations_by_pk = locations_by_pk
        self.slots = list(page.tijdsloten.all())
        self.schedule = Schedule.from_page(
            page, tijdsloten=self.slots, uitzonderingen=page.uitzonderingen.all()
        )
        self.start, self.end = window(ctx.today)
        # expand() looks back as many days as an occurrence lasts, to catch one that is still going on
        self.first = self.start.astimezone(AMSTERDAM).date() - dt.timedelta(days=self.schedule.dagen)
        self.last = self.end.astimezone(AMSTERDAM).date()
        self.schedule_link = ctx.absolute(reverse("activiteiten:ical-item", args=[page.pk]))

    def facts(self):
        schedule = self.schedule
        if not schedule.slots:
            return SeriesFacts([], False)
        planned = expand(schedule, self.start, self.end)
        active = any(p.status != "vervalt" and p.datum >= self.ctx.today for p in planned)
        deviations = {}
        for p in planned:
            if p.status != "gepland":
                original = (p.original_start or p.start).astimezone(AMSTERDAM)
                deviations.setdefault(original.date(), []).append(p)
        horizon = max(self.last, schedule.start_datum + dt.timedelta(days=ical.FIRST_DATE_HORIZON_DAYS))
        first_day = ical.first_date(schedule, horizon)
        if first_day is None:
            return SeriesFacts([], active)
        if schedule.has_rule:
            schedules = self._series(first_day, deviations)
        else:
            schedules = [
                self._one_day(index, slot, schedule.start_datum, deviations, kind="eenmalig")
                for index, slot in enumerate(self.slots)
            ]
        return SeriesFacts(schedules, active)

    # One date ----------------------------------------------------------------------------------

    def _one_day(self, index, slot, day, deviations, kind):
        last_day = day + dt.timedelta(days=self.schedule.dagen - 1)
        if kind == "eenmalig":
            description = _capitalise(describe_schedule(self.page, [slot]))
        else:
            times = f"{hhmm(slot.start_tijd)}–{hhmm(slot.eind_tijd)}"
            description = f"Ook op {formats.date_format(day, 'l j F Y')}, {times}"
        exceptions = [self._exception(day, slot, deviations[day])] if day in deviations else []
        return self._entry(
            sub_id(self.service_id, "schedule", index, kind, day.isoformat()),
            slot,
            {"valid_from": day.isoformat(), "valid_to": last_day.isoformat(), "dtstart": day.isoformat()},
            description,
            exceptions,
        )

    # A repeating series ------------------------------------------------------------------------

    def _series(self, first_day, deviations):
        schedule = self.schedule
        rules = []
        for rule in schedule.recurrence.rrules:
            limits = ical.rule_limits(rule, schedule)
            if limits is not None:
                rules.append((rule, *limits))
        expected = set(schedule.dates(self.first, self.last))
        entries = []
        for index, slot in enumerate(self.slots):
            produced_by_any = set()
            for number, (rule, count, last) in enumerate(rules):
                recur = ical.rrule_for(rule, schedule, count, last, slot.start_tijd)
                dtstart = ical.nominal(first_day, slot.start_tijd)
                produced = ical.rfc_dates(dtstart, [recur], set(), set(), self.first, self.last)
                produced_by_any |= produced
                exceptions = [
                    self._exception(day, slot, deviations[day]) for day in produced if day in deviations
                ]
                exceptions += [{"date": day.isoformat(), "status": "vervalt"} for day in produced - expected]
                fields = {
                    "dtstart": first_day.isoformat(),
                    "valid_from": schedule.start_datum.isoformat(),
                    "valid_to": schedule.eind_datum.isoformat() if schedule.eind_datum else None,
                    "count": count,
                    "until": last.isoformat() if last and not count else None,
                }
                hsds = hsds_rule_fields(recur, first_day)
                if hsds:
                    fields.update(hsds)
                description = (
                    f"{_capitalise(describe_rule(rule))}, {hhmm(slot.start_tijd)}–{hhmm(slot.eind_tijd)}"
                )
                if schedule.eind_datum:
                    description += f", tot en met {local_date_text(schedule.eind_datum)}"
                entry = self._entry(
                    sub_id(self.service_id, "schedule", index, "rule", number),
                    slot,
                    fields,
                    description,
                    exceptions,
                )
                entry["x_rrule"] = recur.to_ical().decode()
                entries.append(entry)
            # Dates the series has that no written rule makes (django-recurrence's extra dates).
            for day in sorted(expected - produced_by_any):
                entries.append(self._one_day(index, slot, day, deviations, kind="extra"))
        return entries

    def _entry(self, schedule_id, slot, fields, description, exceptions):
        exceptions = sorted(exceptions, key=lambda e: e["date"])
        page = self.page
        attending = "Online" if page.online and not (page.locatie_id or page.adres_vrij) else "Op locatie"
        if page.online and (page.locatie_id or page.adres_vrij):
            attending = "Op locatie en online"
        return compact(
            {
                "id": schedule_id,
                "service_id": self.service_id,
                **fields,
                "opens_at": hhmm(slot.start_tijd),
                "closes_at": hhmm(slot.eind_tijd),
                "description": description,
                "schedule_link": self.schedule_link,
                "attending_type": attending,
                "notes": self._notes(exceptions),
                "x_timezone": TIMEZONE,
                "x_exceptions": exceptions,
            },
            keep={"x_exceptions"},
        )

    def _exception(self, day, slot, planned):
        """What happens to ``slot`` on ``day``: the expanded occurrence that replaces it, or, when the
        date changed for other slots only (one new time for the whole date), that it does not go on."""
        original = local(day, slot.start_tijd)
        match = next((p for p in planned if (p.original_start or p.start) == original), None)
        note = next((p.toelichting for p in planned if p.toelichting), "")
        if match is None or match.status == "vervalt":
            return compact({"date": day.isoformat(), "status": "vervalt", "note": note})
        start, end = match.start.astimezone(AMSTERDAM), match.end.astimezone(AMSTERDAM)
        entry = {
            "date": day.isoformat(),
            "status": match.status,
            "new_date": start.date().isoformat() if match.status == "verplaatst" else None,
            "new_opens_at": hhmm(start),
            "new_closes_at": hhmm(end),
            "note": match.toelichting,
        }
        if match.locatie_id and match.locatie_id != self.page.locatie_id:
            locatie = self.locations_by_pk.get(match.locatie_id)
            if self.ctx.visible(locatie):
                entry["new_location_id"] = page_id(locatie)
                entry["new_location_name"] = locatie.title
        return compact(entry)

    @staticmethod
    def _notes(exceptions):
        lines = []
        for item in exceptions[:NOTES_MAX]:
            text = f"{local_date_text(dt.date.fromisoformat(item['date']))}: {STATUS_TEXT[item['status']]}"
            if item.get("new_date"):
                text += f" naar {local_date_text(dt.date.fromisoformat(item['new_date']))}"
            if item["status"] != "vervalt":
                text += f", {item['new_opens_at']}–{item['new_closes_at']}"
            if item.get("new_location_name"):
                text += f", in {item['new_location_name']}"
            if item.get("note"):
                text += f" ({item['note']})"
            lines.append(text + ".")
        if len(exceptions) > NOTES_MAX:
            lines.append(f"En nog {len(exceptions) - NOTES_MAX} andere datums (zie x_exceptions).")
        return "\n".join(lines)
