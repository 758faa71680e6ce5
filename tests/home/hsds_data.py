"""A small portal for the HSDS API tests: every kind of page the API shows, with the schedule cases
that matter (exceptions, a holiday, two time slots, a rule HSDS cannot write), pages it must leave out,
and private data of residents that must never appear."""

import datetime as dt
from dataclasses import dataclass

import recurrence

from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

from activiteiten.models import Taal, Uitzondering
from initiatieven.models import Bijdrage, Idee, Talent

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    DoelgroepFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    OpeningstijdFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    SpreekuurPageFactory,
    ThemaFactory,
    WijkFactory,
)

# What residents sent in privately: none of it may ever be in a response.
PRIVATE = [
    "prive.indiener@example.org",
    "Geheime Indiener",
    "06-11112222",
    "idee.bewoner@example.org",
    "Ida Idee",
    "06-33334444",
    "talent.bewoner@example.org",
    "Tom Talent",
    "06-55556666",
    "initiatiefnemer.prive@example.org",
]


def rule(text):
    return recurrence.deserialize(text, include_dtstart=False)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def next_weekday(day, weekday):
    """The first ``weekday`` (0 = Monday) after ``day``."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


@dataclass
class Portal:
    oost: object
    schalkwijk: object
    eten: object
    ontmoeting: object
    ouderen: object
    tulp: object
    badhuis: object
    wijkteam: object
    restaurant: object
    spreekuur: object
    camping: object
    om_de_drie_dagen: object
    moestuin: object
    hidden: list
    translation: object
    cancelled: dt.date
    moved: dt.date
    moved_to: dt.date
    changed: dt.date


def build_portal(home, today=None):
    today = today or timezone.localdate()
    oost = WijkFactory(naam="Oost", slug="oost", stadsdeel="Haarlem-Oost")
    schalkwijk = WijkFactory(naam="Schalkwijk", slug="schalkwijk")
    eten = ThemaFactory(naam="Eten en drinken", slug="eten-en-drinken")
    ontmoeting = ThemaFactory(naam="Ontmoeting", slug="ontmoeting")
    ouderen = DoelgroepFactory(naam="Ouderen", slug="ouderen")
    nederlands = Taal.objects.create(code="nl", naam="Nederlands")
    turks = Taal.objects.create(code="tr", naam="Turks")

    locaties = LocatiesIndexPageFactory(parent=home)
    tulp = LocatiePageFactory(
        parent=locaties,
        title="Buurthuis De Tulp",
        intro="Het buurthuis aan de Tulpenstraat.",
        wijk=oost,
        rolstoeltoegankelijk=True,
        ringleiding=True,
        toegankelijkheid_toelichting="Ingang aan de achterkant heeft geen drempel.",
        gastheer="Ineke",
        telefoon="023 555 01 10",
        email="detulp@example.nl",
        latitude="52.381200",
        longitude="4.656700",
    )
    OpeningstijdFactory(page=tulp, dag=0, open_om=dt.time(9), dicht_om=dt.time(17))
    OpeningstijdFactory(page=tulp, dag=2, open_om=dt.time(13), dicht_om=dt.time(21))
    publish(tulp)
    badhuis = publish(LocatiePageFactory(parent=locaties, title="Het Badhuis", wijk=schalkwijk))

    organisaties = OrganisatiesIndexPageFactory(parent=home)
    wijkteam = OrganisatiePageFactory(
        parent=organisaties,
        title="Wijkteam Oost",
        intro="Het sociaal wijkteam van Oost.",
        soort="wijkteam",
        werkvorm="individueel",
        email="wijkteam-oost@example.nl",
        telefoon="023 555 02 20",
        website="https://wijkteam.example.nl/",
        wijken=[oost],
    )
    publish(wijkteam)

    agenda = AgendaPageFactory(parent=home)
    start = today - dt.timedelta(days=21)
    fridays = [next_weekday(today, 4) + dt.timedelta(weeks=n) for n in range(4)]
    restaurant = ActiviteitPageFactory(
        parent=agenda,
        title="Buurtrestaurant",
        intro="Samen eten voor weinig geld.",
        start_datum=start,
        recurrence=rule("RRULE:FREQ=WEEKLY;BYDAY=FR"),
        slots=[(dt.time(17, 30), dt.time(19, 30))],
        heel_de_stad=False,
        wijken=[oost],
        themas=[eten, ontmoeting],
        locatie=tulp,
        adres_vrij="",
        organisator=wijkteam,
        contact_naam="Ineke",
        contact_telefoon="023 555 01 10",
        contact_email="buurtrestaurant@example.nl",
        kosten="bedrag",
        bedrag="3.50",
        aanmelden="aanmelden",
        aanmelden_hoe="Bel Ineke: 023 555 01 10",
        vervalt_op_feestdagen=True,
    )
    restaurant.doelgroepen.set([ouderen])
    restaurant.talen.set([nederlands, turks])
    restaurant.save()
    Uitzondering.objects.create(page=restaurant, datum=fridays[0], soort="vervalt", toelichting="Kok is ziek")
    Uitzondering.objects.create(
        page=restaurant,
        datum=fridays[1],
        soort="verplaatst",
        nieuwe_datum=fridays[1] + dt.timedelta(days=1),
        nieuwe_locatie=badhuis,
        toelichting="Feest in het buurthuis",
    )
    Uitzondering.objects.create(
        page=restaurant,
        datum=fridays[2],
        soort="gewijzigd",
        nieuwe_start_tijd=dt.time(18),
        nieuwe_eind_tijd=dt.time(20),
    )
    publish(restaurant)

    spreekuur = SpreekuurPageFactory(
        parent=agenda,
        title="Digitaal Sterk",
        intro="Hulp met je telefoon of computer.",
        onderwerpen="DigiD aanvragen\nMails van de gemeente",
        start_datum=start,
        recurrence=rule("RRULE:FREQ=MONTHLY;BYDAY=+2TU"),
        slots=[(dt.time(10), dt.time(12)), (dt.time(14), dt.time(16))],
        heel_de_stad=True,
        locatie=badhuis,
        adres_vrij="",
        kosten="gratis",
        aanmelden="inloop",
    )
    publish(spreekuur)

    camping = ActiviteitPageFactory(
        parent=agenda,
        title="Buurtcamping",
        start_datum=today + dt.timedelta(days=40),
        recurrence="",
        dagen=2,
        slots=[(dt.time(10), dt.time(16))],
        kosten="vrijwillig",
        themas=[ontmoeting],
    )
    publish(camping)

    om_de_drie_dagen = ActiviteitPageFactory(
        parent=agenda,
        title="Online taalcafé",
        start_datum=start,
        recurrence=rule("RRULE:FREQ=DAILY;INTERVAL=3"),
        slots=[(dt.time(20), dt.time(21))],
        adres_vrij="",
        online=True,
    )
    publish(om_de_drie_dagen)

    initiatieven = InitiatievenIndexPageFactory(parent=home)
    moestuin = InitiatiefPageFactory(
        parent=initiatieven,
        title="Buurtmoestuin",
        intro="Samen groente kweken.",
        initiatiefnemer="Bewoners van de Tulpenstraat",
        wijken=[oost],
        themas=[ontmoeting],
        behoeften=[("helpers", "Iemand die op zaterdag water geeft")],
    )
    publish(moestuin)

    # Private: who sent things in. Never in the API.
    Bijdrage.objects.create(
        page=restaurant, soort="activiteit", naam="Geheime Indiener", email=PRIVATE[0], telefoon="06-11112222"
    )
    Bijdrage.objects.create(
        page=moestuin, soort="initiatief", naam="Bewoners", email="initiatiefnemer.prive@example.org"
    )
    Idee.objects.create(
        wijk=oost,
        naam="Ida Idee",
        email="idee.bewoner@example.org",
        telefoon="06-33334444",
        idee="Een bankje",
    )
    talent = Talent.objects.create(
        naam="Tom Talent", email="talent.bewoner@example.org", telefoon="06-55556666"
    )
    talent.wijken.set([oost])

    # Pages the API leaves out: a draft, a page in a private section and a translation.
    draft = ActiviteitPageFactory(parent=agenda, title="Conceptactiviteit", live=False)
    besloten = publish(ActiviteitPageFactory(parent=agenda, title="Besloten bijeenkomst"))
    PageViewRestriction.objects.create(page=besloten, restriction_type=PageViewRestriction.LOGIN)
    english = Locale.objects.create(language_code="en")
    home.copy_for_translation(english, copy_parents=True)
    agenda.copy_for_translation(english)
    translation = restaurant.copy_for_translation(english)
    translation.title = "Neighbourhood restaurant"
    publish(translation)

    return Portal(
        oost=oost,
        schalkwijk=schalkwijk,
        eten=eten,
        ontmoeting=ontmoeting,
        ouderen=ouderen,
        tulp=tulp,
        badhuis=badhuis,
        wijkteam=wijkteam,
        restaurant=restaurant,
        spreekuur=spreekuur,
        camping=camping,
        om_de_drie_dagen=om_de_drie_dagen,
        moestuin=moestuin,
        hidden=[draft, besloten],
        translation=translation,
        cancelled=fridays[0],
        moved=fridays[1],
        moved_to=fridays[1] + dt.timedelta(days=1),
        changed=fridays[2],
    )
