"""The demo content loader behind ``manage.py load_demo``.

Idempotent: every object is looked up by its slug or username first, so running it twice gives the
same counts. Seeded: whatever varies is drawn from ``random.Random(SEED)``.
Each app adds its own section through ``SECTIONS`` below, in dependency order.
"""

import contextlib
import datetime
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site

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


def ensure_site(ctx):
    from home.models import HomePage

    nl, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=nl))

    home = HomePage.objects.filter(depth=2, locale=nl).first()
    if home is None:
        # Wagtail's own first migration leaves a plain "Welcome" page at the top; replace it.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        root.refresh_from_db()
        home, _ = get_or_create_page(
            root,
            HomePage,
            "home",
            title="Huis van de Wijk Haarlem",
            intro="Wat is er te doen in jouw wijk? Hier vind je activiteiten, spreekuren en hulp "
            "dichtbij. En je kunt je eigen idee delen.",
            locale=nl,
        )
        ctx.note("startpagina")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Huis van de Wijk"
    site.save()
    ctx.home = home
    ctx.site = site


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


def load_wijk_pages(ctx):
    from home.models import WijkenIndexPage, WijkPage
    from portal.models import Wijk

    index, _ = get_or_create_page(
        ctx.home,
        WijkenIndexPage,
        "wijken",
        title="Wijken",
        intro="Kies je wijk en zie wat er dichtbij te doen is.",
        show_in_menus=True,
    )
    ctx.pages["wijken"] = index
    for wijk in Wijk.objects.all():
        page, made = get_or_create_page(index, WijkPage, wijk.slug, title=wijk.naam, wijk=wijk)
        ctx.pages[f"wijk-{wijk.slug}"] = page
        if made:
            ctx.note(f"wijkpagina {wijk.naam}")


def load_content_pages(ctx):
    from home.models import ContentPage

    for item in data.CONTENT_PAGES:
        page, _ = get_or_create_page(
            ctx.home,
            ContentPage,
            item["slug"],
            title=item["title"],
            intro=item["intro"],
            show_in_menus=item["show_in_menus"],
            body=item["body"],
        )
        ctx.pages[item["slug"]] = page


def load_home_and_settings(ctx):
    """Entry points and footer links point at pages that exist, so there are no dead links.
    Rewritten on every run so later sections (agenda, forms) can replace the targets."""
    from portal.models import PortalSettings

    entries = [
        (
            "Wat is er te doen?",
            "Activiteiten, plekken en hulp in jouw wijk.",
            ctx.pages.get("agenda") or ctx.pages["wijken"],
            "agenda",
            "",
        ),
        (
            "Ik heb een idee",
            "Wil je iets beginnen in de buurt? We helpen je.",
            ctx.pages.get("idee") or ctx.pages["meedoen"],
            "idee",
            reverse("initiatieven:idee"),
        ),
        (
            "Ik wil helpen",
            "Vertel wat je kunt en hoeveel tijd je hebt.",
            ctx.pages.get("talent") or ctx.pages["meedoen"],
            "helpen",
            reverse("initiatieven:talent"),
        ),
        (
            "Hulp of advies",
            "Het wijkteam, spreekuren en wie je verder kan helpen.",
            ctx.pages["organisaties"],
            "advies",
            "",
        ),
    ]
    home = ctx.home.specific
    # The two resident forms are views, not pages: their tiles link there, with /meedoen/ as the page.
    wanted = [{"title": t, "text": x, "page": p.id, "icon": i, "link": u} for t, x, p, i, u in entries]
    current = [
        {
            "title": b.value["title"],
            "text": b.value["text"],
            "page": b.value["page"].id,
            "icon": b.value["icon"],
            "link": b.value.get("link") or "",
        }
        for b in home.entry_points
    ]
    if current != wanted:
        home.entry_points = [("entry", {**w, "page": Page.objects.get(id=w["page"])}) for w in wanted]
        home.save_revision().publish()

    instellingen = PortalSettings.for_site(ctx.site)
    instellingen.organisatie = "Huis van de Wijk"
    instellingen.contact_email = "info@huisvandewijk.example.nl"
    instellingen.contact_telefoon = "023 555 00 00"
    instellingen.contact_tekst = "Bel of mail ons op werkdagen van 9.00 tot 17.00 uur."
    instellingen.footer_links = [
        ("link", {"page": ctx.pages[slug], "text": ""})
        for slug in ("over", "privacy")  # the accessibility statement is /toegankelijkheid/ itself
    ]
    instellingen.save()


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


def load_agenda(ctx):
    from activiteiten.demo import load_agenda as load

    load(ctx)


def load_initiatieven(ctx):
    from initiatieven.demo import load_initiatieven as load

    load(ctx)


def translate_page(page, locale, **fields):
    """The live translation of ``page`` into ``locale``: made with ``fields`` when it is missing, else left
    as it is (an editor's changes survive the next run). Returns (translation, created)."""
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing, False
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated, True


def _localized_link(link, code):
    """A path on this site in another language: /meedoen/idee/ becomes /en/meedoen/idee/."""
    from django.urls import translate_url
    from django.utils import translation

    if not link.startswith("/"):
        return link
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(link, code)


def _translate_entry_points(home, translated, code):
    """The home page's tiles in ``code``, leading to the translated page where there is one."""
    from . import vertalingen

    tiles = vertalingen.ENTRY_POINTS[code]
    wanted = []
    for block, (title, text) in zip(home.entry_points, tiles, strict=True):
        target = block.value["page"].specific
        target = target.get_translation_or_none(translated.locale) or target
        link = _localized_link(block.value.get("link") or "", code)
        wanted.append(
            {"title": title, "text": text, "page": target, "icon": block.value["icon"], "link": link}
        )
    current = [{**b.value, "link": b.value.get("link") or ""} for b in translated.entry_points]
    if [(w["title"], w["page"].pk, w["link"]) for w in wanted] != [
        (c["title"], c["page"].pk if c["page"] else None, c["link"]) for c in current
    ]:
        translated.entry_points = [("entry", w) for w in wanted]
        translated.save_revision().publish()


def load_translations(ctx):
    """The home page, the agenda, six activities and spreekuren and /meedoen/ in en, tr, ar and pl
    (``vertalingen``). A translation shares its Dutch page's dates, so no occurrences are rebuilt."""
    from django.urls import reverse
    from django.utils import translation
    from django.utils.html import escape

    from activiteiten.models import AgendaItemPage
    from activiteiten.signals import rebuilds_deferred

    from . import vertalingen

    home = ctx.home.specific
    agenda = ctx.pages["agenda"]
    items = {
        p.slug: p for p in AgendaItemPage.objects.child_of(agenda).filter(slug__in=vertalingen.AGENDA_ITEMS)
    }
    with rebuilds_deferred():
        for code in vertalingen.LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            translate_page(home, locale, **vertalingen.HOME[code])
            translate_page(agenda, locale, **vertalingen.AGENDA[code])
            for slug, texts in vertalingen.AGENDA_ITEMS.items():
                text = texts[code]
                fields = {"title": text["title"], "slug": text["slug"], "intro": text["intro"]}
                if "tekst" in text:
                    fields["body"] = [("paragraph", f"<p>{escape(text['tekst'])}</p>")]
                if "aanmelden_hoe" in text:
                    fields["aanmelden_hoe"] = text["aanmelden_hoe"]
                if "onderwerpen" in text:
                    fields["onderwerpen"] = "\n".join(text["onderwerpen"])
                _page, made = translate_page(items[slug], locale, **fields)
                if made:
                    ctx.note(f"vertaling {code} {slug}")
            meedoen = vertalingen.MEEDOEN[code]
            with translation.override(code):
                links = {
                    "activiteit": reverse("initiatieven:voorstel-activiteit"),
                    "initiatief": reverse("initiatieven:voorstel-initiatief"),
                    "nieuwe_link": reverse("initiatieven:nieuwe-link"),
                    "idee": reverse("initiatieven:idee"),
                    "talent": reverse("initiatieven:talent"),
                }
            body = []
            for heading, html in meedoen["sections"]:
                body += [("heading", {"text": heading, "level": "h2"}), ("paragraph", html.format(**links))]
            translate_page(
                ctx.pages["meedoen"],
                locale,
                title=meedoen["title"],
                slug=meedoen["slug"],
                intro=meedoen["intro"],
                body=body,
            )
            # Fetched again: the copy in hand still counts no children, and saving it would hide them.
            _translate_entry_points(home, home.get_translation(locale), code)


SECTIONS = [
    ensure_site,
    load_taxonomy,
    load_hulpvragen,
    load_taxonomy_translations,
    load_wijk_pages,
    load_locaties,
    load_organisaties,
    load_agenda,
    load_initiatieven,
    load_content_pages,
    load_home_and_settings,
    load_translations,  # last: it translates pages the other sections made
]


@transaction.atomic
def load_demo():
    """Load everything; returns (context, demo logins)."""
    ctx = DemoContext(rng=random.Random(SEED), today=timezone.localdate())
    with indexes_updated_once_at_the_end():
        for section in SECTIONS:
            section(ctx)
        logins = load_users(ctx)
        load_moderation(ctx)
        load_queue(ctx)
    return ctx, logins


@contextlib.contextmanager
def indexes_updated_once_at_the_end():
    """The demo saves most pages three times or more (create, revision, publish), and each save updates the
    search index and Wagtail's reference index. Here each saved object is indexed once, in bulk, at the
    end: the same indexes, in a fraction of the time."""
    from modelsearch import index as search_index
    from modelsearch import signal_handlers
    from modelsearch.backends import get_search_backends

    from django.db.models.signals import post_save

    from modelcluster.fields import ParentalKey
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    searched = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(sender, set()).add(instance.pk)

    for model in searched:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    post_save.connect(remember, dispatch_uid="demo-index", weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(remember, dispatch_uid="demo-index")
        for model in searched:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
    backends = list(get_search_backends(with_auto_update=True))  # a generator otherwise
    for model, pks in saved.items():
        if model in searched:
            objects = list(model.get_indexed_objects().filter(pk__in=pks))
            for backend in backends:
                backend.add_bulk(model, objects)
    # As Wagtail's own handler does: a child object (a ParentalKey) counts for its parent, once.
    sources = {}
    for model, pks in saved.items():
        if model not in ReferenceIndex.tracked_models:
            continue
        for obj in model._default_manager.filter(pk__in=pks):
            while (parental := [f for f in obj._meta.get_fields() if isinstance(f, ParentalKey)]) and obj:
                obj = getattr(obj, parental[0].name)
            if obj is not None and ReferenceIndex.is_indexed(obj._meta.model):
                sources[(obj._meta.label, obj.pk)] = obj
    for obj in sources.values():
        ReferenceIndex.create_or_update_for_object(obj)


def load_moderation(ctx):
    """After the groups exist: the moderation workflow, and a few contributions that wait for it."""
    from initiatieven.demo import load_moderation as load

    load(ctx)


def load_queue(ctx):
    """After the users exist: the sociaal makelaar's queue of ideas, talents and signals."""
    from initiatieven.demo_queue import load_queue as load

    load(ctx)
