"""The site's demo section: the home page and site, the wijk pages, the content pages and the translations.

The translations (``vertalingen``) cover pages of every app (the agenda, its items, /meedoen/), so they come
last, once the other sections have made those pages. The shared tools are in ``portal.demo``.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Collection, Locale, Page, Site

from portal.demo import get_or_create_page

from . import data


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
