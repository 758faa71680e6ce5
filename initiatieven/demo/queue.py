"""Demo content for the sociaal makelaar's queue: 31 ideas, talents and signals.

Spread so that the queue shows what it is for: two thema-and-wijk cells with three or more open items
in the last 90 days (loneliness in Schalkwijk, money and paperwork in Oost), items in every status (mostly
nieuw and in gesprek), some waiting in nieuw longer than 5 working days, some handled by the demo
makelaars, and talents whose skills match what the demo initiatives ask for (koken, tuinieren, klussen,
fietsen repareren, administratie, naaien, autorijden ...).

Rows are made directly: no form, no e-mail. Idempotent: an idea is found again by name and idea text, a
talent by name and e-mail address, a signal by wijk and text. Seeded: the hour of the day each item came in
is drawn from its own generator, so every run gives the same times relative to today.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.demo import SEED

SCHALKWIJK = "makelaar-schalkwijk"
OOST = "makelaar-oost"

# (days ago, status, thema slug or None, wijk slug, handled by, fields, note)
IDEEEN = [
    (
        3,
        "nieuw",
        "ontmoeting",
        "schalkwijk",
        None,
        {
            "naam": "Fatima Benali",
            "email": "fatima.benali@example.org",
            "idee": "Een koffietafel op woensdagochtend in de hal van onze flat. Veel ouderen zitten de hele "
            "dag alleen thuis.",
            "voor_wie": "Ouderen in de flats",
            "nodig": "Een tafel, een koffiezetapparaat en toestemming van de woningcorporatie.",
            "goed_in": "Ik ken veel mensen in de flat en ik bak graag.",
            "wie_nog": "Mijn buurvrouw wil helpen.",
        },
        "",
    ),
    (
        9,
        "nieuw",
        "ontmoeting",
        "schalkwijk",
        None,
        {
            "naam": "Henk Visser",
            "telefoon": "06 12345601",
            "idee": "Elke zaterdag samen wandelen in het park, en daarna koffie drinken.",
            "voor_wie": "Iedereen die niet graag alleen loopt",
            "nodig": "Een plek om na afloop koffie te drinken.",
            "goed_in": "Ik wandel elke dag en ik ken de mooie routes.",
            "wie_nog": "Nog niemand.",
        },
        "",
    ),
    (
        20,
        "in_gesprek",
        "eten-en-drinken",
        "schalkwijk",
        SCHALKWIJK,
        {
            "naam": "Aylin Demir",
            "email": "aylin.demir@example.org",
            "telefoon": "06 12345602",
            "idee": "Een buurtmaaltijd één keer per maand. Iedereen kookt iets uit zijn eigen land.",
            "voor_wie": "Voor de hele buurt",
            "nodig": "Een keuken die groot genoeg is, en een beetje geld voor de boodschappen.",
            "goed_in": "Koken voor veel mensen.",
            "wie_nog": "Drie vrouwen uit de taalklas.",
        },
        "Gebeld. Ze wil beginnen in buurthuis De Tulp; ik vraag na of de keuken vrij is.",
    ),
    (
        70,
        "afgerond",
        "ontmoeting",
        "schalkwijk",
        SCHALKWIJK,
        {
            "naam": "Kees de Wit",
            "email": "kees.dewit@example.org",
            "idee": "Koffie op straat, met een tafel en stoelen op het pleintje. Gewoon om buren te leren "
            "kennen.",
            "voor_wie": "Buren die elkaar nog niet kennen",
            "nodig": "Een statafel en een thermoskan.",
            "goed_in": "Een praatje maken.",
            "wie_nog": "Twee buren van hiernaast.",
            "initiatief": "bakkie-in-de-wijk-parkwijk",
        },
        "Is nu Bakkie in de Wijk Parkwijk. Loopt goed.",
    ),
    (
        35,
        "gekoppeld",
        "taal-en-digitaal",
        "schalkwijk",
        SCHALKWIJK,
        {
            "naam": "Samir Haddou",
            "email": "samir.haddou@example.org",
            "idee": "Een taalcafé waar nieuwkomers Nederlands oefenen met buren, zonder les.",
            "voor_wie": "Nieuwkomers",
            "nodig": "Vrijwilligers die gewoon willen praten.",
            "goed_in": "Ik spreek Arabisch, Frans en Nederlands.",
            "wie_nog": "",
        },
        "Gekoppeld aan de bibliotheek, die heeft op dinsdag een zaal.",
    ),
    (
        2,
        "nieuw",
        "geld-en-administratie",
        "oost",
        None,
        {
            "naam": "Wim Vermeulen",
            "email": "wim.vermeulen@example.org",
            "idee": "Een avond per maand waarop buren elkaar helpen met brieven en formulieren.",
            "voor_wie": "Mensen die moeite hebben met post van instanties",
            "nodig": "Een rustige ruimte en een printer.",
            "goed_in": "Ik werkte vroeger bij een bank.",
            "wie_nog": "Misschien iemand van de schuldhulp.",
        },
        "",
    ),
    (
        30,
        "in_gesprek",
        "ontmoeting",
        "oost",
        OOST,
        {
            "naam": "Zeynep Arslan",
            "telefoon": "06 12345603",
            "idee": "Een vrouwengroep in het buurthuis: samen naaien en thee drinken.",
            "voor_wie": "Vrouwen uit de buurt, ook als je weinig Nederlands spreekt",
            "nodig": "Twee naaimachines en een ruimte op de middag.",
            "goed_in": "Naaien en mensen welkom laten voelen.",
            "wie_nog": "Vijf vrouwen van de moskee.",
        },
        "Op bezoek geweest. Buurthuis heeft donderdagmiddag ruimte. Naaimachines: vragen bij kledingruil.",
    ),
    (
        12,
        "nieuw",
        "wonen-en-buurt",
        "oost",
        None,
        {
            "naam": "Ria Smit",
            "email": "ria.smit@example.org",
            "idee": "Bloembakken in onze straat, die we samen onderhouden.",
            "voor_wie": "De hele straat",
            "nodig": "Bakken, aarde en planten.",
            "goed_in": "Tuinieren.",
            "wie_nog": "De buren van nummer 3 en 5 doen mee.",
        },
        "",
    ),
    (
        45,
        "in_gesprek",
        "cultuur-en-creatief",
        "noord",
        None,
        {
            "naam": "Lotte Janssen",
            "email": "lotte.janssen@example.org",
            "idee": "Een buurtkoor voor iedereen, ook als je denkt dat je niet kunt zingen.",
            "voor_wie": "Iedereen",
            "nodig": "Een piano en een ruimte voor een avond per week.",
            "goed_in": "Ik ben muzieklerares.",
            "wie_nog": "",
        },
        "",
    ),
    (
        1,
        "nieuw",
        None,
        "centrum",
        None,
        {
            "naam": "Sophie Meijer",
            "email": "sophie.meijer@example.org",
            "idee": "Een ruilkast voor speelgoed bij de speeltuin.",
            "voor_wie": "Ouders met jonge kinderen",
            "nodig": "Een kast die tegen regen kan.",
            "goed_in": "",
            "wie_nog": "",
        },
        "",
    ),
    (
        60,
        "niet_doorgegaan",
        "bewegen-en-sport",
        "zuid-west",
        None,
        {
            "naam": "Gerard Bos",
            "telefoon": "06 12345604",
            "idee": "Jeu de boules in het park, voor ouderen.",
            "voor_wie": "Ouderen",
            "nodig": "Een baan en een paar sets ballen.",
            "goed_in": "Ik speel al dertig jaar.",
            "wie_nog": "",
        },
        "Gemeente legt geen baan aan. Meneer speelt nu mee bij de club in Noord.",
    ),
]

# (days ago, status, wijk slugs, handled by, fields, skill tags, note)
TALENTEN = [
    (
        4,
        "nieuw",
        ["schalkwijk"],
        None,
        {
            "naam": "Marieke de Jong",
            "email": "marieke.dejong@example.org",
            "toelichting": "Ik kook graag voor een grote groep en ik houd van een praatje.",
            "tijd": "wekelijks",
            "dagdelen": ["middag", "avond"],
        },
        ["koken", "gezelschap"],
        "",
    ),
    (
        16,
        "in_gesprek",
        ["oost"],
        OOST,
        {
            "naam": "Ahmed Yilmaz",
            "telefoon": "06 12345605",
            "toelichting": "Ik heb een eigen werkplaats en veel gereedschap.",
            "tijd": "af_en_toe",
            "dagdelen": ["weekend"],
        },
        ["klussen", "fietsen repareren"],
        "Past bij de fietsenwerkplaats. Afspraak gemaakt om te kijken.",
    ),
    (
        8,
        "nieuw",
        ["schalkwijk", "oost"],
        None,
        {
            "naam": "Els Bakker",
            "email": "els.bakker@example.org",
            "toelichting": "Ik heb geen tuin meer, maar wel groene vingers.",
            "tijd": "wekelijks",
            "dagdelen": ["ochtend"],
        },
        ["tuinieren"],
        "",
    ),
    (
        6,
        "nieuw",
        ["oost"],
        None,
        {
            "naam": "Youssef El Idrissi",
            "email": "youssef.elidrissi@example.org",
            "telefoon": "06 12345606",
            "toelichting": "Ik studeer informatica en help graag met telefoons en DigiD.",
            "tijd": "wekelijks",
            "dagdelen": ["avond"],
        },
        ["computer en telefoon", "nederlands oefenen"],
        "",
    ),
    (
        40,
        "gekoppeld",
        ["oost"],
        OOST,
        {
            "naam": "Gerda Mulder",
            "email": "gerda.mulder@example.org",
            "toelichting": "Ik was boekhouder. Ik kan helpen met de kas of met brieven.",
            "tijd": "af_en_toe",
            "dagdelen": ["ochtend", "middag"],
        },
        ["administratie"],
        "Doet nu de kas van de eetgroep Tulpenstraat.",
    ),
    (
        25,
        "in_gesprek",
        ["noord"],
        None,
        {
            "naam": "Tom Hendriks",
            "email": "tom.hendriks@example.org",
            "toelichting": "Ik heb een auto en kan mensen ophalen of boodschappen doen.",
            "tijd": "af_en_toe",
            "dagdelen": ["middag"],
        },
        ["vervoer", "autorijden"],
        "",
    ),
    (
        11,
        "nieuw",
        ["zuid-west", "schalkwijk"],
        None,
        {
            "naam": "Priya Ramdin",
            "email": "priya.ramdin@example.org",
            "toelichting": "Ik speel gitaar en doe graag spelletjes met kinderen.",
            "tijd": "eenmalig",
            "dagdelen": ["weekend"],
        },
        ["kinderen", "muziek", "spelletjes met kinderen"],
        "",
    ),
    (
        65,
        "afgerond",
        ["noord", "centrum"],
        None,
        {
            "naam": "Joost van Dam",
            "telefoon": "06 12345607",
            "toelichting": "Gepensioneerd timmerman.",
            "tijd": "af_en_toe",
            "dagdelen": ["ochtend", "weekend"],
        },
        ["klussen", "tuinieren"],
        "Heeft de minibieb in het Centrum gebouwd.",
    ),
    (
        18,
        "in_gesprek",
        ["oost"],
        OOST,
        {
            "naam": "Naima Ouali",
            "email": "naima.ouali@example.org",
            "toelichting": "Ik naai al mijn hele leven en wil het graag aan anderen leren.",
            "tijd": "wekelijks",
            "dagdelen": ["middag"],
        },
        ["naaien", "gezelschap"],
        "Misschien samen met het idee van de vrouwengroep?",
    ),
    (
        2,
        "nieuw",
        ["zuid-west"],
        None,
        {
            "naam": "Bram Koster",
            "email": "bram.koster@example.org",
            "toelichting": "Ik ben voetbaltrainer en wil iets doen voor jongeren in de buurt.",
            "tijd": "wekelijks",
            "dagdelen": ["avond"],
        },
        ["sport en bewegen"],
        "",
    ),
]

# (days ago, status, thema slug, wijk slug, reported by, handled by, aantal bewoners, text)
SIGNALEN = [
    (
        5,
        "nieuw",
        "ontmoeting",
        "schalkwijk",
        None,
        None,
        4,
        "Meerdere ouderen in de flats zeggen dat ze de hele week niemand spreken.",
    ),
    (
        22,
        "in_gesprek",
        "ontmoeting",
        "schalkwijk",
        SCHALKWIJK,
        SCHALKWIJK,
        2,
        "Mantelzorgers vertellen dat ze zelf geen tijd meer hebben om mensen te zien.",
    ),
    (
        40,
        "nieuw",
        "ontmoeting",
        "schalkwijk",
        None,
        None,
        3,
        "Sinds de koffiehoek in het winkelcentrum dicht is, hebben ouderen geen plek meer om even te zitten.",
    ),
    (
        7,
        "nieuw",
        "geld-en-administratie",
        "oost",
        None,
        None,
        3,
        "Gezinnen met schulden durven niet naar het spreekuur. Ze schamen zich.",
    ),
    (
        14,
        "in_gesprek",
        "geld-en-administratie",
        "oost",
        OOST,
        OOST,
        5,
        "Veel vragen over de energietoeslag. Mensen begrijpen de brief van de gemeente niet.",
    ),
    (
        50,
        "nieuw",
        "geld-en-administratie",
        "oost",
        None,
        None,
        2,
        "Ouderen krijgen brieven alleen nog digitaal en missen daardoor betalingen.",
    ),
    (
        3,
        "nieuw",
        "taal-en-digitaal",
        "oost",
        None,
        None,
        4,
        "Nieuwkomers willen Nederlands oefenen buiten de les, maar weten niet waar.",
    ),
    (
        10,
        "nieuw",
        "opvoeden-en-gezin",
        "noord",
        None,
        None,
        1,
        "Jonge moeders zoeken een plek om andere ouders te ontmoeten.",
    ),
    (
        33,
        "in_gesprek",
        "wonen-en-buurt",
        "centrum",
        None,
        None,
        2,
        "Bewoners ergeren zich aan zwerfafval rond de hofjes en weten niet bij wie ze terecht kunnen.",
    ),
    (
        72,
        "afgerond",
        "bewegen-en-sport",
        "zuid-west",
        None,
        None,
        1,
        "Jongeren hangen 's avonds rond; er is na zes uur geen sport voor ze in de buurt.",
    ),
]

CLOSED = ("afgerond", "niet_doorgegaan")


def _moments(rng, days, status):
    """When it came in (a working hour, ``days`` ago), since when it has its status, and when it closed."""
    now = timezone.now()
    came_in = now - dt.timedelta(days=days, hours=rng.randint(1, 8), minutes=rng.randint(0, 59))
    if status == "nieuw":
        return came_in, came_in, None
    since = min(came_in + dt.timedelta(days=max(1, days // 3), hours=rng.randint(0, 6)), now)
    return came_in, since, since if status in CLOSED else None


def _note(item, text, author, when):
    if text:
        item.notities.create(tekst=text, auteur=author, aangemaakt_op=when)


def load_queue(ctx):
    from portal.models import Thema, Wijk

    from ..models import Idee, InitiatiefPage, Signaal, Talent

    rng = random.Random(f"{SEED}-queue")  # noqa: S311  (demo times, not security)
    wijken = {w.slug: w for w in Wijk.objects.all()}
    themas = {t.slug: t for t in Thema.objects.all()}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[SCHALKWIJK, OOST])}
    made = 0

    for days, status, thema, wijk, makelaar, fields, note in IDEEEN:
        came_in, since, closed = _moments(rng, days, status)
        fields = dict(fields)
        slug = fields.pop("initiatief", None)
        if Idee.objects.filter(naam=fields["naam"], idee=fields["idee"]).exists():
            continue
        user = users.get(makelaar)
        idee = Idee.objects.create(
            wijk=wijken[wijk],
            thema=themas.get(thema),
            status=status,
            toegewezen_aan=user,
            aangemaakt_op=came_in,
            status_sinds=since,
            afgesloten_op=closed,
            toestemming_op=came_in,
            initiatief=InitiatiefPage.objects.filter(slug=slug).first() if slug else None,
            **fields,
        )
        _note(idee, note, user, since)
        made += 1

    for days, status, wijk_slugs, makelaar, fields, skills, note in TALENTEN:
        came_in, since, closed = _moments(rng, days, status)
        if Talent.objects.filter(naam=fields["naam"], email=fields.get("email", "")).exists():
            continue
        user = users.get(makelaar)
        talent = Talent.objects.create(
            status=status,
            toegewezen_aan=user,
            aangemaakt_op=came_in,
            status_sinds=since,
            afgesloten_op=closed,
            toestemming_op=came_in,
            **fields,
        )
        talent.wijken.set([wijken[s] for s in wijk_slugs])
        talent.vaardigheden.set(skills)
        _note(talent, note, user, since)
        made += 1

    for days, status, thema, wijk, gemeld_door, makelaar, aantal, tekst in SIGNALEN:
        came_in, since, closed = _moments(rng, days, status)
        if Signaal.objects.filter(wijk=wijken[wijk], tekst=tekst).exists():
            continue
        Signaal.objects.create(
            wijk=wijken[wijk],
            thema=themas[thema],
            tekst=tekst,
            aantal_bewoners=aantal,
            gemeld_door=users.get(gemeld_door),
            status=status,
            toegewezen_aan=users.get(makelaar),
            aangemaakt_op=came_in,
            status_sinds=since,
            afgesloten_op=closed,
        )
        made += 1

    if made:
        ctx.note(f"{made} ideeën, talenten en signalen voor de sociaal makelaar")
