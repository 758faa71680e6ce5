"""HSDS services: an agenda item (ActiviteitPage, SpreekuurPage) or a resident initiative
(InitiatiefPage), with its place, organisation, schedules, costs, contacts and tags."""

import datetime as dt

from django.db.models import Prefetch

from activiteiten.models import AgendaItemPage, SpreekuurPage, Uitzondering
from initiatieven.models import Bijdrage, InitiatiefPage
from portal.models import LocatiePage, OrganisatiePage

from .common import compact, page_id, sub_id
from .places import location, organization, phone
from .schedules import ScheduleWriter
from .taxonomy import term_attributes


def iso(moment):
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Querysets with everything a serialiser reads -------------------------------------------------


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
                    "phones": [phone(contact_id, "contact_id", page.contact_telefoon)]
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
            "attributes": term_attributes(
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
            "attributes": term_attributes(service_id, "initiatief", page.themas.all()),
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


def page_rows(queryset):
    """(pk, content_type_id) of pages, for ``services``."""
    return list(queryset.values_list("pk", "content_type_id"))
