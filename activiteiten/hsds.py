"""The open-data API in Open Referral HSDS 3.0 shape: our pages as HSDS dicts.

What maps onto what:
- OrganisatiePage -> organization; LocatiePage -> location (address, accessibility, opening hours);
  ActiviteitPage, SpreekuurPage and InitiatiefPage -> service; Thema, Doelgroep and the kind of service
  ("soort") -> taxonomy and taxonomy_term, linked to services through attributes; wijken -> service_areas.
- Ids are UUIDs that never change between requests: a page's own ``translation_key`` (unique per locale,
  and only the default locale is served), and for everything without one a UUID5 derived from a fixed
  namespace or from its parent's id.
- A service's schedules: one per time slot and repeat rule. The rule's RRULE parts come from the iCal
  feed's own ``rrule_for`` (activiteiten/ical.py); HSDS only knows WEEKLY and MONTHLY, so a daily rule
  becomes WEEKLY on the days it has, a yearly one MONTHLY with an interval of 12, and a rule that cannot
  be written that way has no ``freq`` (its exact rule is still in ``x_rrule``).
- Extension fields (our profile, ``profile_document()``; HSDS schemas allow extra properties):
  ``x_rrule`` (the exact RFC 5545 rule), ``x_timezone`` ("Europe/Amsterdam": all times are local wall-clock
  times, whatever the season) and ``x_exceptions``: the dates in the agenda's 18-month window on which the
  rule does not hold as written (vervalt / verplaatst / gewijzigd), taken from ``expand()``, so the API,
  the agenda and the iCal feed agree. The same dates are written in plain Dutch in ``notes``.
- No personal data: resident submitters (Bijdrage, Idee, Talent) are never read here. Only what editors
  published on a page is used: an agenda item's public contact, a location's host and an organisation's
  contact details, and an initiative's ``initiatiefnemer`` (the name that may be shown on the site).
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from recurrence import Rule

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import formats, timezone

from wagtail.models import Locale, PageViewRestriction

from initiatieven.models import Bijdrage, InitiatiefPage
from portal.models import LocatiePage, OrganisatiePage

from . import ical
from .describe import describe_rule, describe_schedule
from .models import AgendaItemPage, SpreekuurPage, Uitzondering
from .occurrences import window
from .recurrence import AMSTERDAM, Schedule, expand, local

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
NAMESPACE = uuid.UUID("5b0d3f3e-6a59-4b8e-9a3c-6b1f0c7e2d41")  # Huis van de Wijk HSDS ids; never change
TIMEZONE = "Europe/Amsterdam"
COUNTRY = "NL"
LANGUAGE = "nl"
ALL_DAYS = list(Rule.weekdays)  # MO ... SU
NOTES_MAX = 20  # dates written out in a schedule's notes; x_exceptions has them all

STATUS_TEXT = {
    "vervalt": "gaat niet door",
    "verplaatst": "verplaatst",
    "gewijzigd": "andere tijd of plek",
}
SOORTEN = {  # the kinds of service, a taxonomy of their own: code -> (name, description)
    "activiteit": ("Activiteit", "Iets wat je samen met anderen doet, één keer of vaker."),
    "spreekuur": (
        "Spreekuur",
        "Een vast uur waarop je met je vraag kunt binnenlopen of op afspraak kunt komen.",
    ),
    "initiatief": ("Bewonersinitiatief", "Iets wat bewoners samen voor de buurt organiseren."),
}
TAXONOMIES = {
    "thema": (
        "Thema's",
        "Waar gaat het over? Bijvoorbeeld ontmoeting, eten en drinken of geld en administratie.",
    ),
    "doelgroep": (
        "Doelgroepen",
        "Voor wie is het? Bijvoorbeeld ouderen, jongeren, nieuwkomers of mantelzorgers.",
    ),
    "soort": (
        "Soort aanbod",
        "Wat voor aanbod is het: een activiteit, een spreekuur of een bewonersinitiatief.",
    ),
}


# --- Ids ------------------------------------------------------------------------------------------


def sub_id(parent, *parts):
    """A stable id for something that belongs to ``parent`` (a UUID or its text)."""
    return str(uuid.uuid5(uuid.UUID(str(parent)), "/".join(str(p) for p in parts)))


def taxonomy_id(code):
    return sub_id(NAMESPACE, "taxonomy", code)


def term_id(taxonomy, key):
    """``key`` is the primary key of a Thema or Doelgroep, or the code of a soort."""
    return sub_id(NAMESPACE, "term", taxonomy, key)


def page_id(page):
    return str(page.translation_key)


# --- What is visible ------------------------------------------------------------------------------


@dataclass
class Context:
    """What every serialiser of one request needs: the request (for absolute URLs), today's date and
    which pages the public may see. Built once per request; ``visible()`` needs no query."""

    request: object
    today: dt.date
    locale_id: int
    restricted_paths: list[str] = field(default_factory=list)

    @classmethod
    def for_request(cls, request, today=None):
        return cls(
            request=request,
            today=today or timezone.localdate(),
            locale_id=Locale.get_default().pk,
            restricted_paths=list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        )

    def public_q(self):
        """Live pages in the default locale outside every private section (as Wagtail's ``public()``)."""
        q = Q(live=True, locale_id=self.locale_id)
        for path in self.restricted_paths:
            q &= ~Q(path__startswith=path)
        return q

    def visible(self, page):
        return (
            page is not None
            and page.live
            and page.locale_id == self.locale_id
            and not any(page.path.startswith(path) for path in self.restricted_paths)
        )

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def page_url(self, page):
        return page.get_full_url(self.request)


def compact(data, keep=()):
    """Leave out what has no value, as HSDS leaves optional fields out (but never a field in ``keep``)."""
    return {key: value for key, value in data.items() if key in keep or value not in (None, "", [])}


def hhmm(value):
    return f"{value:%H:%M}"


def local_date_text(day):
    return formats.date_format(day, "j F Y")


def _capitalise(text):
    return text[:1].upper() + text[1:]


def iso(moment):
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Querysets with everything a serialiser reads ---------------------------------------------------


def agenda_items(ids):
    """Agenda items with their tags, place, organiser, slots and exceptions: a fixed number of queries."""
    return (
        AgendaItemPage.objects.filter(pk__in=ids)
        .select_related("locatie__wijk", "organisator__logo")
        .defer("body", "locatie__body", "organisator__body")
        .prefetch_related(
            "tijdsloten",
            Prefetch("uitzonderingen", queryset=Uitzondering.objects.select_related("nieuwe_locatie")),
            "wijken",
            "themas",
            "doelgroepen",
            "talen",
            "locatie__openingstijden",
            "organisator__wijken",
        )
    )


def initiatives(ids):
    return (
        InitiatiefPage.objects.filter(pk__in=ids)
        .defer("body")
        .prefetch_related("wijken", "themas", "behoeften")
    )


def locations(queryset):
    return queryset.select_related("wijk").defer("body").prefetch_related("openingstijden")


def organizations(queryset):
    return queryset.select_related("logo").defer("body").prefetch_related("wijken")


# --- Taxonomies -----------------------------------------------------------------------------------


def taxonomy(code):
    name, description = TAXONOMIES[code]
    return {"id": taxonomy_id(code), "name": name, "description": description}


def _term(taxonomy_code, key, code, name, description=""):
    return {
        "id": term_id(taxonomy_code, key),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": f"Huis van de Wijk: {TAXONOMIES[taxonomy_code][0]}",
        "taxonomy_id": taxonomy_id(taxonomy_code),
        "taxonomy_detail": taxonomy(taxonomy_code),
        "language": LANGUAGE,
    }


def thema_term(thema):
    return _term("thema", thema.pk, thema.slug, thema.naam)


def doelgroep_term(doelgroep):
    return _term("doelgroep", doelgroep.pk, doelgroep.slug, doelgroep.naam)


def soort_term(code):
    name, description = SOORTEN[code]
    return _term("soort", code, code, name, description)


def all_terms(themas, doelgroepen):
    return (
        [thema_term(t) for t in themas]
        + [doelgroep_term(d) for d in doelgroepen]
        + [soort_term(code) for code in SOORTEN]
    )


def _attribute(link_id, link_entity, link_type, term=None, value=None):
    key = term["id"] if term else value
    return compact(
        {
            "id": sub_id(link_id, "attribute", link_type, key),
            "link_id": link_id,
            "link_entity": link_entity,
            "link_type": link_type,
            "taxonomy_term_id": term["id"] if term else None,
            "taxonomy_term": term,
            "value": value,
        }
    )


def _term_attributes(service_id, soort, themas, doelgroepen=()):
    attributes = [_attribute(service_id, "service", "soort", soort_term(soort))]
    attributes += [_attribute(service_id, "service", "thema", thema_term(t)) for t in themas]
    attributes += [_attribute(service_id, "service", "doelgroep", doelgroep_term(d)) for d in doelgroepen]
    return attributes


# --- Locations ------------------------------------------------------------------------------------


def _phone(owner_id, owner_key, number):
    return {"id": sub_id(owner_id, "phone", number), owner_key: owner_id, "number": number}


def opening_hours(locatie, location_id):
    return [
        {
            "id": sub_id(location_id, "schedule", tijd.pk),
            "location_id": location_id,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": ALL_DAYS[tijd.dag],
            "opens_at": hhmm(tijd.open_om),
            "closes_at": hhmm(tijd.dicht_om),
            "description": f"{tijd.get_dag_display()} {hhmm(tijd.open_om)}–{hhmm(tijd.dicht_om)}",
            "x_timezone": TIMEZONE,
        }
        for tijd in locatie.openingstijden.all()
    ]


def location(locatie, ctx):
    """A LocatiePage: address (the wijk as ``region``), accessibility, opening hours and its host."""
    location_id = page_id(locatie)
    url = ctx.page_url(locatie)
    accessibility = [
        {
            "id": sub_id(location_id, "accessibility", icon),
            "location_id": location_id,
            "description": str(label),
        }
        for icon, label, present in locatie.toegankelijkheid
        if present
    ]
    if locatie.toegankelijkheid_toelichting:
        accessibility.append(
            {
                "id": sub_id(location_id, "accessibility", "toelichting"),
                "location_id": location_id,
                "description": locatie.toegankelijkheid_toelichting,
            }
        )
    for item in accessibility:
        if url:
            item["url"] = url
    contacts = []
    if locatie.gastheer or locatie.telefoon or locatie.email:
        contact_id = sub_id(location_id, "contact")
        contacts.append(
            compact(
                {
                    "id": contact_id,
                    "location_id": location_id,
                    "name": locatie.gastheer,
                    "title": "Gastheer of contactpersoon" if locatie.gastheer else None,
                    "email": locatie.email,
                    "phones": [_phone(contact_id, "contact_id", locatie.telefoon)]
                    if locatie.telefoon
                    else [],
                }
            )
        )
    return compact(
        {
            "id": location_id,
            "location_type": "physical",
            "name": locatie.title,
            "alternate_name": str(locatie.get_soort_display()),
            "description": locatie.intro,
            "latitude": float(locatie.latitude) if locatie.latitude is not None else None,
            "longitude": float(locatie.longitude) if locatie.longitude is not None else None,
            "addresses": [
                {
                    "id": sub_id(location_id, "address"),
                    "location_id": location_id,
                    "address_1": locatie.adres,
                    "city": locatie.plaats,
                    "region": locatie.wijk.naam if locatie.wijk_id else "",
                    "state_province": "",  # the portal does not store the province
                    "postal_code": locatie.postcode,
                    "country": COUNTRY,
                    "address_type": "physical",
                }
            ],
            "accessibility": accessibility,
            "contacts": contacts,
            "schedules": opening_hours(locatie, location_id),
        }
    )


# --- Organizations --------------------------------------------------------------------------------


def organization(organisatie, ctx):
    """An OrganisatiePage; its place on the sociale kaart's two axes and its wijken as attributes."""
    organization_id = page_id(organisatie)
    attributes = [
        _attribute(organization_id, "organization", "soort_organisatie", value=organisatie.soort),
        _attribute(organization_id, "organization", "werkvorm", value=organisatie.werkvorm),
        _attribute(organization_id, "organization", "organisatievorm", value=organisatie.organisatievorm),
    ]
    if organisatie.heel_de_stad:
        attributes.append(_attribute(organization_id, "organization", "wijk", value="heel-de-stad"))
    attributes += [
        _attribute(organization_id, "organization", "wijk", value=wijk.slug)
        for wijk in organisatie.wijken.all()
    ]
    logo = ctx.absolute(organisatie.logo.file.url) if organisatie.logo_id and organisatie.logo else None
    return compact(
        {
            "id": organization_id,
            "name": organisatie.title,
            "description": organisatie.intro or "",
            "email": organisatie.email,
            "website": organisatie.website,
            "logo": logo,
            "phones": [_phone(organization_id, "organization_id", organisatie.telefoon)]
            if organisatie.telefoon
            else [],
            "attributes": attributes,
        },
        keep={"description"},
    )


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


# --- Services -------------------------------------------------------------------------------------


def _service_areas(service_id, page):
    if page.heel_de_stad:
        return [
            {
                "id": sub_id(service_id, "area", "heel-de-stad"),
                "service_id": service_id,
                "name": "Heel de stad",
            }
        ]
    return [
        compact(
            {
                "id": sub_id(service_id, "area", wijk.slug),
                "service_id": service_id,
                "name": wijk.naam,
                "description": f"Stadsdeel {wijk.stadsdeel}" if wijk.stadsdeel else None,
            }
        )
        for wijk in page.wijken.all()
    ]


def _last_modified(*pages):
    moments = [p.last_published_at for p in pages if p is not None and p.last_published_at]
    return iso(max(moments)) if moments else None


def _places(page, service_id, ctx):
    """service_at_locations: the location page, a free address, and/or online."""
    places = []
    if page.locatie_id and ctx.visible(page.locatie):
        places.append(location(page.locatie, ctx))
    elif page.adres_vrij:
        places.append(
            {
                "id": sub_id(service_id, "location", "adres"),
                "location_type": "physical",
                "name": page.adres_vrij,
            }
        )
    if page.online:
        places.append(
            {
                "id": sub_id(service_id, "location", "online"),
                "location_type": "virtual",
                "name": "Online",
                "url": ctx.page_url(page),
            }
        )
    return [
        {
            "id": sub_id(service_id, "service_at_location", place["id"]),
            "service_id": service_id,
            "location_id": place["id"],
            "location": place,
        }
        for place in places
    ]


def agenda_item_service(page, ctx, onderwerpen=""):
    """An ActiviteitPage or SpreekuurPage (loaded through ``agenda_items``); ``onderwerpen`` is a
    spreekuur's "waarmee kun je komen?", one per line."""
    service_id = page_id(page)
    locations_by_pk = {
        u.nieuwe_locatie_id: u.nieuwe_locatie for u in page.uitzonderingen.all() if u.nieuwe_locatie_id
    }
    facts = ScheduleWriter(page, service_id, ctx, locations_by_pk).facts()
    organisator = page.organisator if page.organisator_id and ctx.visible(page.organisator) else None
    description = page.intro
    topics = [line.strip() for line in onderwerpen.splitlines() if line.strip()]
    if topics:
        description = "\n\n".join(filter(None, [description, "Waarmee kun je komen? " + "; ".join(topics)]))
    application = [str(page.get_aanmelden_label())]
    if page.aanmelden_hoe:
        application.append(page.aanmelden_hoe)
    if page.iemand_mag_mee:
        application.append("Je mag iemand meenemen.")
    doelgroepen = list(page.doelgroepen.all())
    contact_name = page.contact_naam or (page.organisator_naam if not organisator else "")
    contacts = []
    if contact_name or page.contact_telefoon or page.contact_email:
        contact_id = sub_id(service_id, "contact")
        title = "Contactpersoon" if page.contact_naam else ("Organisator" if contact_name else None)
        contacts.append(
            compact(
                {
                    "id": contact_id,
                    "service_id": service_id,
                    "name": contact_name,
                    "title": title,
                    "department": page.organisator_display if page.contact_naam else None,
                    "email": page.contact_email,
                    "phones": [_phone(contact_id, "contact_id", page.contact_telefoon)]
                    if page.contact_telefoon
                    else [],
                }
            )
        )
    return compact(
        {
            "id": service_id,
            "organization_id": page_id(organisator) if organisator else None,
            "name": page.title,
            "description": description,
            "url": ctx.page_url(page),
            "email": page.contact_email,
            "status": "active" if facts.active else "inactive",
            "application_process": " ".join(a if a.endswith(".") else a + "." for a in application),
            "fees_description": page.get_kosten_display_full() if not page.is_gratis else "Gratis",
            "eligibility_description": "Voor: " + ", ".join(d.naam for d in doelgroepen)
            if doelgroepen
            else None,
            "last_modified": _last_modified(page, page.locatie if page.locatie_id else None, organisator),
            "schedules": facts.schedules,
            "service_areas": _service_areas(service_id, page),
            "service_at_locations": _places(page, service_id, ctx),
            "languages": [
                {
                    "id": sub_id(service_id, "language", taal.code),
                    "service_id": service_id,
                    "name": taal.naam,
                    "code": taal.code,
                }
                for taal in page.talen.all()
            ],
            "organization": organization(organisator, ctx) if organisator else None,
            "cost_options": [_cost_option(page, service_id)],
            "contacts": contacts,
            "attributes": _term_attributes(
                service_id, "spreekuur" if page.is_spreekuur else "activiteit", page.themas.all(), doelgroepen
            ),
        }
    )


def _cost_option(page, service_id):
    option = {"id": sub_id(service_id, "cost"), "service_id": service_id, "currency": "EUR"}
    if page.is_gratis:
        return option | {"option": "Gratis", "amount": 0}
    if page.kosten == "bedrag":
        return option | {"amount": float(page.bedrag), "amount_description": page.get_kosten_display_full()}
    return option | {"option": "Vrijwillige bijdrage", "amount_description": "Geef wat je kunt missen."}


INITIATIEF_STATUS = {"loopt": "active", "in_opbouw": "active", "gestopt": "defunct"}
JOIN_WITH_FORM = "Doe mee of stel een vraag: stuur een bericht met het formulier op de pagina."
JOIN_THROUGH_MAKELAAR = "Doe mee of stel een vraag: de sociaal makelaar van je wijk brengt je in contact."


def initiative_service(page, ctx, has_form=False):
    """An InitiatiefPage (loaded through ``initiatives``). No contact address: the page's form (there when
    ``has_form``) relays messages to the initiator, whose e-mail stays private."""
    service_id = page_id(page)
    description = page.intro
    behoeften = list(page.behoeften.all())
    if behoeften and page.status != "gestopt":
        wanted = "; ".join(f"{b.get_soort_display()}: {b.tekst}" for b in behoeften)
        description = "\n\n".join(filter(None, [description, f"Wat we zoeken: {wanted}"]))
    return compact(
        {
            "id": service_id,
            "name": page.title,
            "description": description,
            "url": ctx.page_url(page),
            "status": INITIATIEF_STATUS.get(page.status, "active"),
            "alert": "Dit initiatief is nog in opbouw." if page.status == "in_opbouw" else None,
            "application_process": JOIN_WITH_FORM if has_form else JOIN_THROUGH_MAKELAAR,
            "last_modified": _last_modified(page),
            "service_areas": _service_areas(service_id, page),
            "contacts": [
                {
                    "id": sub_id(service_id, "contact"),
                    "service_id": service_id,
                    "name": page.initiatiefnemer,
                    "title": "Initiatiefnemer",
                }
            ]
            if page.initiatiefnemer
            else [],
            "attributes": _term_attributes(service_id, "initiatief", page.themas.all()),
        }
    )


def services(rows, ctx):
    """``rows`` are (pk, content_type_id) in the order to show; a fixed number of queries."""
    from django.contrib.contenttypes.models import ContentType

    initiatief_type = ContentType.objects.get_for_model(InitiatiefPage).pk
    initiatief_ids = [pk for pk, type_id in rows if type_id == initiatief_type]
    agenda_ids = [pk for pk, type_id in rows if type_id != initiatief_type]
    loaded = {}
    if agenda_ids:
        topics = dict(SpreekuurPage.objects.filter(pk__in=agenda_ids).values_list("pk", "onderwerpen"))
        loaded.update(
            {p.pk: agenda_item_service(p, ctx, topics.get(p.pk, "")) for p in agenda_items(agenda_ids)}
        )
    if initiatief_ids:
        # Only which initiatives have a contact form (InitiatiefPage.contact_address), never the address.
        with_form = set(
            Bijdrage.objects.filter(page_id__in=initiatief_ids)
            .exclude(email="")
            .values_list("page_id", flat=True)
        )
        loaded.update(
            {p.pk: initiative_service(p, ctx, p.pk in with_form) for p in initiatives(initiatief_ids)}
        )
    return [loaded[pk] for pk, _type in rows if pk in loaded]


def service_content_types():
    """code -> content type id for the three kinds of service."""
    from django.contrib.contenttypes.models import ContentType

    return {
        code: ContentType.objects.get_by_natural_key(app, model).pk for code, app, model in _SERVICE_MODELS
    }


_SERVICE_MODELS = [
    ("activiteit", "activiteiten", "activiteitpage"),
    ("spreekuur", "activiteiten", "spreekuurpage"),
    ("initiatief", "initiatieven", "initiatiefpage"),
]


def served_page_types():
    """Content type ids of every page type the API shows (for the ETag)."""
    from django.contrib.contenttypes.models import ContentType

    models = [LocatiePage, OrganisatiePage]
    return [*service_content_types().values(), *(ContentType.objects.get_for_model(m).pk for m in models)]


# --- The profile: our extension fields, as HSDS's profile mechanism describes them ----------------


def schedule_patch():
    """A JSON Merge Patch (RFC 7386) on HSDS's schedule.json that adds our extension fields."""
    time = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}
    date = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    return {
        "properties": {
            "x_rrule": {
                "type": "string",
                "description": "Huis van de Wijk: the exact RFC 5545 RRULE of this time slot, without "
                "DTSTART. Present on every repeating schedule, also when HSDS's own fields cannot express "
                "the rule (then freq is left out).",
            },
            "x_timezone": {
                "type": "string",
                "enum": [TIMEZONE],
                "description": "Huis van de Wijk: the IANA time zone of every date and time in this "
                "schedule. Times are local wall-clock times, in summer and in winter.",
            },
            "x_exceptions": {
                "type": "array",
                "description": "Huis van de Wijk: the dates in the coming 18 months on which this "
                "schedule's rule does not hold as written. status 'vervalt': it does not take place; "
                "'verplaatst': it moves to new_date; 'gewijzigd': another time or place on the same date. "
                "The same dates are written in plain Dutch in notes.",
                "items": {
                    "type": "object",
                    "required": ["date", "status"],
                    "additionalProperties": False,
                    "properties": {
                        "date": date | {"description": "The date the rule gives (YYYY-MM-DD)."},
                        "status": {"type": "string", "enum": list(STATUS_TEXT)},
                        "new_date": date | {"description": "Where a moved date goes (status 'verplaatst')."},
                        "new_opens_at": time,
                        "new_closes_at": time,
                        "new_location_id": {"type": "string", "format": "uuid"},
                        "new_location_name": {"type": "string"},
                        "note": {"type": "string", "description": "The editor's explanation, in Dutch."},
                    },
                },
            },
        }
    }


def profile_document(ctx):
    return {
        "name": "Huis van de Wijk",
        "description": "Het HSDS 3.0-profiel van Huis van de Wijk: HSDS 3.0 met drie extra velden op "
        "schedule (x_rrule, x_timezone, x_exceptions) en de endpoints /locations en /locations/{id}. "
        "Alle tijden zijn Nederlandse tijd (Europe/Amsterdam). Services, organisaties en locaties zijn de "
        "Nederlandse pagina's: een vertaling (Engels, Turks, Arabisch, Pools) is geen aparte service.",
        "hsds_version": HSDS_VERSION,
        "modifications": {"schedule.json": ctx.absolute(reverse("hsds:profile-schedule"))},
    }


def root_document(ctx):
    return {
        "version": HSDS_VERSION,
        "profile": ctx.absolute(reverse("hsds:profile")),
        "openapi_url": OPENAPI_URL,
    }


def page_rows(queryset):
    """(pk, content_type_id) of pages, for ``services``."""
    return list(queryset.values_list("pk", "content_type_id"))
