"""The meedoen demo section: bewonersinitiatieven, the moderation workflow and the makelaar's queue.

The /initiatieven/ index, thirteen initiatives (``data``) with their needs, skills, pictures and activities in
the agenda, and one private Bijdrage each; the "Bewonersbijdragen" workflow with three contributions waiting
for it (``load_moderation``); and the ideas, talents and signals of the queue (``queue.load_queue``).

The demo has no photo files, so every picture is drawn here with Pillow: a coloured block with a few simple
shapes, the same on every run (its own random generator per picture, seeded from the demo seed and its
name). Pictures live in the "Demo-afbeeldingen" collection and are found again by their title.

Idempotent: initiatives are looked up by slug, pictures by title, contributions by page and e-mail address.
An existing initiative is left alone.
"""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from django.utils import timezone

from portal.demo import SEED, get_or_create_page

from . import data as demo_data

COLLECTION = "Demo-afbeeldingen"
SIZE = (1200, 800)


def _tint(colour, factor):
    """Lighter (factor > 1) or darker (factor < 1) version of an RGB colour."""
    if factor >= 1:
        return tuple(int(c + (255 - c) * (factor - 1)) for c in colour)
    return tuple(int(c * factor) for c in colour)


def draw_picture(name, colour):
    """PNG bytes: a sky, a ground and a few shapes in shades of ``colour``; the same for the same name."""
    from PIL import Image, ImageDraw

    rng = random.Random(f"{SEED}:{name}")  # noqa: S311 (shapes in a picture, not a secret)
    width, height = SIZE
    image = Image.new("RGB", SIZE, _tint(colour, 1.75))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.7))
    draw.rectangle([0, horizon, width, height], fill=_tint(colour, 0.8))
    sun = rng.randint(70, 120)
    sx, sy = rng.randint(sun, width - sun), rng.randint(sun, horizon - sun)
    draw.ellipse([sx - sun, sy - sun, sx + sun, sy + sun], fill=(250, 215, 90))
    for _ in range(rng.randint(3, 5)):
        w, h = rng.randint(120, 260), rng.randint(120, 300)
        x = rng.randint(0, width - w)
        shade = _tint(colour, rng.uniform(0.45, 1.1))
        if rng.random() < 0.5:
            draw.rectangle([x, horizon - h, x + w, horizon + 20], fill=shade)
        else:
            draw.polygon([(x, horizon + 20), (x + w // 2, horizon - h), (x + w, horizon + 20)], fill=shade)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def demo_collection():
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION).first()
    return collection or root.add_child(name=COLLECTION)


def get_or_create_picture(ctx, collection, name, title, colour):
    """The picture with ``title`` in the demo collection, drawn and saved if it is not there yet."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    data = draw_picture(name, colour)
    image = Image(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(data), name=f"demo-{name}.png"),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),  # as Wagtail stores it
    )
    image.save()
    ctx.note(f"afbeelding {title}")
    return image


def _skills(names):
    from taggit.models import Tag

    from ..models import InitiatiefVaardigheid

    items = []
    for name in names:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        items.append(InitiatiefVaardigheid(tag=tag))
    return items


def page_fields(ctx, item, lookup, collection):
    from ..models import Behoefte, GekoppeldeActiviteit, InitiatiefFoto

    main = get_or_create_picture(
        ctx, collection, item["slug"], f"Voorbeeldafbeelding: {item['titel']}", item["kleur"]
    )
    fotos = [
        InitiatiefFoto(
            image=get_or_create_picture(
                ctx,
                collection,
                f"{item['slug']}-{i}",
                f"Voorbeeldafbeelding {i} bij {item['titel']}",
                _tint(item["kleur"], 0.85 + 0.1 * i),
            ),
            bijschrift=bijschrift,
            sort_order=i - 1,
        )
        for i, bijschrift in enumerate(item["fotos"], start=1)
    ]
    activiteiten = [
        GekoppeldeActiviteit(page=lookup["activiteiten"][slug], sort_order=i)
        for i, slug in enumerate(item["activiteiten"])
        if slug in lookup["activiteiten"]
    ]
    return {
        "title": item["titel"],
        "intro": item["intro"],
        "initiatiefnemer": item["initiatiefnemer"],
        "status": item["status"],
        "wijken": [lookup["wijken"][s] for s in item["wijken"]],
        "heel_de_stad": item.get("stad", False),
        "themas": [lookup["themas"][s] for s in item["themas"]],
        "afbeelding": main,
        "body": [("paragraph", "".join(f"<p>{p}</p>" for p in item["tekst"]))],
        "behoeften": [
            Behoefte(soort=soort, tekst=tekst, sort_order=i)
            for i, (soort, tekst) in enumerate(item["behoeften"])
        ],
        "vaardigheid_items": _skills(item["vaardigheden"]),
        "fotos": fotos,
        "activiteiten": activiteiten,
    }


def ensure_bijdrage(page, naam, email, telefoon):
    """Who sent the initiative in: private, approved, and only created once."""
    from ..models import Bijdrage

    _bijdrage, made = Bijdrage.objects.get_or_create(
        page=page,
        email=email,
        defaults={
            "soort": "initiatief",
            "naam": naam,
            "telefoon": telefoon,
            "status": "goedgekeurd",
            "beoordeeld_op": timezone.now(),
        },
    )
    return made


def load_initiatieven(ctx):
    from activiteiten.models import AgendaItemPage
    from portal.models import Thema, Wijk

    from ..models import InitiatiefPage, InitiatievenIndexPage

    index, made = get_or_create_page(
        ctx.home,
        InitiatievenIndexPage,
        "initiatieven",
        title="Bewonersinitiatieven",
        intro="Buren doen samen iets voor de wijk: een moestuin, een eetgroep of koffie op straat. "
        "Kijk wat er is, doe mee of help een handje.",
        show_in_menus=True,
    )
    if made:
        ctx.note("overzicht initiatieven")
    ctx.pages["initiatieven"] = index

    lookup = {
        "wijken": {w.slug: w for w in Wijk.objects.all()},
        "themas": {t.slug: t for t in Thema.objects.all()},
        "activiteiten": {p.slug: p for p in AgendaItemPage.objects.all()},
    }
    existing = {p.slug: p for p in InitiatiefPage.objects.child_of(index)}
    collection = None
    for item in demo_data.INITIATIEVEN:
        page = existing.get(item["slug"])
        if page is None:
            collection = collection or demo_collection()
            page, made = get_or_create_page(
                index, InitiatiefPage, item["slug"], **page_fields(ctx, item, lookup, collection)
            )
            if made:
                ctx.note(f"initiatief {page.title}")
        ctx.pages[item["slug"]] = page
        naam, email, telefoon = item["bijdrage"]
        if ensure_bijdrage(page, naam, email, telefoon):
            ctx.note(f"bijdrage bij {page.title}")


PENDING = [
    # (kind, days waiting, form data) as a resident would have sent it
    (
        "activiteit",
        5,
        {
            "titel": "Schaakmiddag voor iedereen",
            "intro": "Elke woensdagmiddag schaken in de bibliotheek. Borden zijn er; kunnen hoeft niet.",
            "organisator_naam": "Schaakvrienden Schalkwijk",
            "wijken": ["schalkwijk"],
            "themas": ["ontmoeting"],
            "herhaling": "wekelijks",
            "weekdag": "WE",
            "begintijd": "14:00",
            "eindtijd": "16:30",
            "adres_vrij": "Bibliotheek Schalkwijk, Fie Carelsenplein 2",
            "naam": "Kees Schaap",
            "email": "kees.schaap@example.org",
        },
    ),
    (
        "spreekuur",
        1,
        {
            "titel": "Hulp bij je telefoon",
            "intro": "Vragen over je telefoon of tablet? Vrijwilligers helpen je, zonder afspraak.",
            "organisator_naam": "Digitale buren Oost",
            "wijken": ["oost"],
            "themas": ["taal-en-digitaal"],
            "herhaling": "tweewekelijks",
            "weekdag": "TH",
            "begintijd": "10:00",
            "eindtijd": "12:00",
            "adres_vrij": "Koffiehuis De Ontmoeting, Amsterdamsestraat 40",
            "onderwerpen": "WhatsApp en foto's\nDigiD en inloggen\nVideobellen met familie",
            "naam": "Sanne de Boer",
            "email": "sanne.deboer@example.org",
        },
    ),
    (
        "initiatief",
        2,
        {
            "titel": "Buurtbieb Zonnebloem",
            "intro": "Een kast met boeken op het pleintje. Neem een boek mee, zet er een terug.",
            "initiatiefnemer": "Buren van het Zonnebloemplein",
            "status": "in_opbouw",
            "wijken": ["noord"],
            "themas": ["cultuur-en-creatief"],
            "needs": [
                ("materiaal", "Een oude kast die tegen regen kan"),
                ("helpers", "Iemand die kan timmeren"),
            ],
            "skills": ["klussen", "timmeren"],
            "naam": "Ilse Smit",
            "email": "ilse.smit@example.org",
        },
    ),
]


def load_moderation(ctx):
    """The "Bewonersbijdragen" workflow (approved by the Redacteuren) and three contributions waiting for
    it, made the way the public forms make them."""
    import datetime as dt

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from activiteiten.models import AgendaPage, Taal
    from portal.models import Thema, Wijk

    from ..meedoen import services
    from ..models import Bijdrage

    workflow = services.ensure_workflow()
    for task in workflow.tasks:
        task.specific.groups.add(*Group.objects.filter(name__in=services.MODERATOR_GROUPS))

    # Makelaars turn ideas and bundels into draft initiatives; the redactie publishes them.
    makelaars = Group.objects.filter(name="Sociaal makelaars").first()
    index = ctx.pages.get("initiatieven")
    if makelaars and index:
        from django.contrib.auth.models import Permission

        from wagtail.models import GroupPagePermission

        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=makelaars,
                page=index,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )

    parents = {
        "activiteit": AgendaPage.objects.first(),
        "spreekuur": AgendaPage.objects.first(),
        "initiatief": ctx.pages.get("initiatieven"),
    }
    for kind, days, data in PENDING:
        if Bijdrage.objects.filter(email=data["email"]).exists() or parents[kind] is None:
            continue
        start = ctx.today + dt.timedelta(days=7)
        cleaned = {
            "beschrijving": "",
            "heel_de_stad": False,
            "doelgroepen": [],
            "locatie": None,
            "online": False,
            "kosten": "gratis",
            "aanmelden": "inloop",
            "aanmelden_hoe": "",
            "iemand_mag_mee": True,
            "talen": list(Taal.objects.filter(code="nl")),
            "datum": start,
            "einddatum": None,
            "telefoon": "",
            "photo": None,
            **data,
            "wijken": list(Wijk.objects.filter(slug__in=data["wijken"])),
            "themas": list(Thema.objects.filter(slug__in=data["themas"])),
        }
        if kind != "initiatief":
            from activiteiten.rules import build_rule

            cleaned["begintijd"] = dt.time.fromisoformat(data["begintijd"])
            cleaned["eindtijd"] = dt.time.fromisoformat(data["eindtijd"])
            cleaned["rule"], cleaned["start_datum"] = build_rule(cleaned)
        bijdrage = services.create_contribution(kind, cleaned, notify=False)
        sent = timezone.now() - dt.timedelta(days=days, hours=3)
        Bijdrage.objects.filter(pk=bijdrage.pk).update(aangemaakt_op=sent, ingediend_op=sent)
        ctx.note(f"bijdrage in afwachting: {data['titel']}")
