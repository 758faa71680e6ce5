"""The core's demo section and the tools every app's section uses: SEED, DemoContext, get_or_create_page.

The core's own content: the taxonomy (wijken, thema's, doelgroepen, the finder's hulpvragen and their
translations), the locaties, the organisaties, and the users and groups. The sections of the other layers
live in ``activiteiten.demo``, ``initiatieven.demo`` and ``home.demo``; ``portal.demo_loader`` runs them all,
in order.

Idempotent: every object is looked up by its slug or username first, so running it twice gives the
same counts. Seeded: whatever varies is drawn from ``random.Random(SEED)``.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from . import data

SEED = 42


@dataclass
class DemoContext:
    """What the sections share: the random generator, the site's key pages, and a log."""

    rng: random.Random
    today: datetime.date = field(default_factory=datetime.date.today)
    home: Page = None
    pages: dict = field(default_factory=dict)
    created: list = field(default_factory=list)

    def note(self, what):
        self.created.append(what)


def get_or_create_page(parent, model, slug, *, publish=True, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if missing.

    Many-to-many and child relations can be passed as fields (``wijken=[...]``,
    ``openingstijden=[...]``); modelcluster saves them with the page.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


def load_taxonomy(ctx):
    from portal.models import Doelgroep, Thema, Wijk

    for naam, slug, stadsdeel, beschrijving in data.WIJKEN:
        _obj, made = Wijk.objects.get_or_create(
            slug=slug, defaults={"naam": naam, "stadsdeel": stadsdeel, "beschrijving": beschrijving}
        )
        if made:
            ctx.note(f"wijk {naam}")
    for order, (naam, slug, icoon) in enumerate(data.THEMAS):
        Thema.objects.get_or_create(slug=slug, defaults={"naam": naam, "icoon": icoon, "sort_order": order})
    for order, (naam, slug) in enumerate(data.DOELGROEPEN):
        Doelgroep.objects.get_or_create(slug=slug, defaults={"naam": naam, "sort_order": order})


def load_hulpvragen(ctx):
    """The finder's questions. Thema's and doelgroepen are set once, when a hulpvraag is new, so an
    editor's changes survive the next run."""
    from portal.models import Doelgroep, Hulpvraag, Thema

    themas = {t.slug: t for t in Thema.objects.all()}
    doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}
    for order, (naam, slug, uitleg, icoon, thema_slugs, doelgroep_slugs, zoekwoorden) in enumerate(
        data.HULPVRAGEN
    ):
        hulpvraag, made = Hulpvraag.objects.get_or_create(
            slug=slug,
            defaults={
                "naam": naam,
                "uitleg": uitleg,
                "icoon": icoon,
                "sort_order": order,
                "zoekwoorden": zoekwoorden,
            },
        )
        if made:
            hulpvraag.themas.set([themas[s] for s in thema_slugs])
            hulpvraag.doelgroepen.set([doelgroepen[s] for s in doelgroep_slugs])
            ctx.note(f"hulpvraag {naam}")


def load_taxonomy_translations(ctx):
    """The names of the thema's, doelgroepen and hulpvragen in the four other languages. Only empty fields
    are set, so an editor's own wording survives the next run."""
    from portal.models import Doelgroep, Hulpvraag, Thema

    from . import vertalingen

    def fill(model, texts, fields_of):
        for obj in model.objects.filter(slug__in=texts):
            changed = []
            for code, value in texts[obj.slug].items():
                for veld, text in fields_of(value):
                    name = f"{veld}_{code}"
                    if not getattr(obj, name):
                        setattr(obj, name, text)
                        changed.append(name)
            if changed:
                obj.save(update_fields=changed)
                ctx.note(f"vertaalde namen {obj.slug}")

    fill(Thema, vertalingen.THEMAS, lambda naam: [("naam", naam)])
    fill(Doelgroep, vertalingen.DOELGROEPEN, lambda naam: [("naam", naam)])
    fill(Hulpvraag, vertalingen.HULPVRAGEN, lambda pair: [("naam", pair[0]), ("uitleg", pair[1])])


def _paragraph(html):
    return [("paragraph", html)]


def load_locaties(ctx):
    from portal.models import LocatiePage, LocatiesIndexPage, Openingstijd, Wijk

    index, _ = get_or_create_page(
        ctx.home,
        LocatiesIndexPage,
        "locaties",
        title="Plekken in de buurt",
        intro="Buurthuizen, huizen van de wijk, bibliotheken en andere plekken waar je terecht kunt.",
        show_in_menus=True,
    )
    ctx.pages["locaties"] = index
    wijken = {w.slug: w for w in Wijk.objects.all()}
    for item in data.LOCATIES:
        fields = {k: v for k, v in item.items() if k not in ("slug", "wijk", "openingstijden", "tekst")}
        fields["openingstijden"] = [
            Openingstijd(
                dag=dag,
                open_om=datetime.time.fromisoformat(van),
                dicht_om=datetime.time.fromisoformat(tot),
                sort_order=i,
            )
            for i, (dag, van, tot) in enumerate(item["openingstijden"])
        ]
        page, made = get_or_create_page(
            index,
            LocatiePage,
            item["slug"],
            wijk=wijken[item["wijk"]],
            body=_paragraph(f"<p>{item['tekst']}</p>"),
            **fields,
        )
        ctx.pages[item["slug"]] = page
        if made:
            ctx.note(f"locatie {page.title}")


def load_organisaties(ctx):
    from portal.models import OrganisatiePage, OrganisatiesIndexPage, Wijk

    index, _ = get_or_create_page(
        ctx.home,
        OrganisatiesIndexPage,
        "organisaties",
        title="Hulp en organisaties",
        intro="Wie helpt er in jouw wijk? Van het wijkteam tot een bewonersgroep: hier vind je ze.",
        show_in_menus=True,
    )
    ctx.pages["organisaties"] = index
    wijken = {w.slug: w for w in Wijk.objects.all()}
    for (
        slug,
        title,
        soort,
        werkvorm,
        organisatievorm,
        wijk_slugs,
        heel_de_stad,
        intro,
        telefoon,
        email,
        website,
    ) in data.ORGANISATIES:
        page, made = get_or_create_page(
            index,
            OrganisatiePage,
            slug,
            title=title,
            soort=soort,
            werkvorm=werkvorm,
            organisatievorm=organisatievorm,
            wijken=[wijken[s] for s in wijk_slugs],
            heel_de_stad=heel_de_stad,
            intro=intro,
            telefoon=telefoon,
            email=email,
            website=website,
            body=_paragraph(f"<p>{intro}</p><p>Bel of mail gerust als je twijfelt of dit bij je past.</p>"),
        )
        ctx.pages[slug] = page
        if made:
            ctx.note(f"organisatie {title}")


# --- Users and groups --------------------------------------------------------------------------------

REDACTEUR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
REDACTEUR_MODEL_PERMISSIONS = [
    ("portal", "wijk", ["add", "change", "delete", "view"]),
    ("portal", "thema", ["add", "change", "delete", "view"]),
    ("portal", "doelgroep", ["add", "change", "delete", "view"]),
    ("portal", "hulpvraag", ["add", "change", "delete", "view"]),
    ("portal", "portalsettings", ["change"]),
    ("initiatieven", "bijdrage", ["view", "change"]),
]


def _model_permissions(specs):
    perms = []
    for app_label, model, actions in specs:
        for action in actions:
            perms.append(
                Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            )
    return perms


def ensure_groups(ctx):
    """The two roles every portal has; their rights are set on every run."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    redacteuren, _ = Group.objects.get_or_create(name="Redacteuren")
    redacteuren.permissions.add(admin_access, *_model_permissions(REDACTEUR_MODEL_PERMISSIONS))
    root_page = Page.get_first_root_node()
    for codename in REDACTEUR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=redacteuren,
            page=root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in (
        ("wagtailimages", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", ["add_document", "change_document", "choose_document"]),
    ):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=redacteuren,
                collection=root_collection,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
            )

    makelaars, _ = Group.objects.get_or_create(name="Sociaal makelaars")
    makelaars.permissions.add(
        admin_access,
        *_model_permissions(
            [
                ("portal", "wijk", ["view"]),
                ("initiatieven", "idee", ["add", "change", "delete", "view"]),
                ("initiatieven", "talent", ["add", "change", "delete", "view"]),
                ("initiatieven", "signaal", ["add", "change", "delete", "view"]),
                ("initiatieven", "bundel", ["add", "change", "delete", "view"]),
            ]
        ),
    )
    # Generalists of the wijkteam log anonymous signals; they do not see the queue.
    wijkteam, _ = Group.objects.get_or_create(name="Wijkteam")
    wijkteam.permissions.add(admin_access, *_model_permissions([("initiatieven", "signaal", ["add"])]))
    return redacteuren, makelaars, wijkteam


def load_users(ctx):
    from portal.models import Wijk

    redacteuren, makelaars, wijkteam = ensure_groups(ctx)
    if not getattr(settings, "DEMO_USERS_ALLOWED", False):
        return []
    User = get_user_model()
    logins = []
    for username, first, last, email, role, wijk_slugs in data.USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first, last_name=last, email=email)
            user.set_password(data.DEMO_PASSWORD)
            user.is_superuser = user.is_staff = role == "admin"
            user.save()
            ctx.note(f"gebruiker {username}")
        if role == "redacteur":
            user.groups.add(redacteuren)
        elif role == "makelaar":
            user.groups.add(makelaars)
            for wijk in Wijk.objects.filter(slug__in=wijk_slugs):
                wijk.makelaars.add(user)
        elif role == "wijkteam":
            user.groups.add(wijkteam)
        logins.append((role, username, data.DEMO_PASSWORD, wijk_slugs))
    return logins
