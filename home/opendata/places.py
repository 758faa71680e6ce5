"""HSDS locations and organizations: a LocatiePage (address, accessibility, opening hours, its host) and
an OrganisatiePage (contact details, its place on the sociale kaart, its wijken)."""

from .common import ALL_DAYS, TIMEZONE, compact, hhmm, page_id, sub_id
from .taxonomy import attribute

COUNTRY = "NL"

# --- Querysets with everything a serialiser reads -------------------------------------------------


def locations(queryset):
    return queryset.select_related("wijk").defer("body").prefetch_related("openingstijden")


def organizations(queryset):
    return queryset.select_related("logo").defer("body").prefetch_related("wijken")


# --- Locations ------------------------------------------------------------------------------------


def phone(owner_id, owner_key, number):
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
                    "phones": [phone(contact_id, "contact_id", locatie.telefoon)] if locatie.telefoon else [],
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
        attribute(organization_id, "organization", "soort_organisatie", value=organisatie.soort),
        attribute(organization_id, "organization", "werkvorm", value=organisatie.werkvorm),
        attribute(organization_id, "organization", "organisatievorm", value=organisatie.organisatievorm),
    ]
    if organisatie.heel_de_stad:
        attributes.append(attribute(organization_id, "organization", "wijk", value="heel-de-stad"))
    attributes += [
        attribute(organization_id, "organization", "wijk", value=wijk.slug)
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
            "phones": [phone(organization_id, "organization_id", organisatie.telefoon)]
            if organisatie.telefoon
            else [],
            "attributes": attributes,
        },
        keep={"description"},
    )
