"""Every resident can read it (issue 7): translated pages share their Dutch page's schedule and dates,
listings show every item once (the Dutch page, with the visitor's translation's title where there is
one), and the demo has the home page, the agenda, activities and /meedoen/ in en, tr, ar and pl."""

import pytest

from django.utils import timezone, translation

from wagtail.models import Locale

from activiteiten.models import AgendaItemPage, AgendaPage, Occurrence
from activiteiten.occurrences import rebuild_occurrences
from initiatieven.models import InitiatiefPage

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    WijkenIndexPageFactory,
    WijkFactory,
    WijkPageFactory,
)

LANGUAGES = ["en", "tr", "ar", "pl"]


@pytest.fixture(autouse=True)
def dutch():
    yield
    translation.activate("nl")


@pytest.fixture
def english(db):
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code="en")


def translate(page, locale, **fields):
    """As an editor does: a copy in ``locale`` with translated fields, published."""
    translated = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


@pytest.fixture
def agenda(home, english):
    """An agenda with a translated coffee morning and an untranslated taalcafé, both with stored dates."""
    agenda = AgendaPageFactory(parent=home)
    koffie = ActiviteitPageFactory(parent=agenda, title="Koffie-ochtend", slug="koffie-ochtend")
    taalcafe = ActiviteitPageFactory(parent=agenda, title="Taalcafé", slug="taalcafe")
    for page in (koffie, taalcafe):
        rebuild_occurrences(page)
    translate(home, english, title="Huis van de Wijk")
    translate(agenda, english, title="Calendar")
    coffee = translate(
        koffie, english, title="Coffee morning", slug="coffee-morning", intro="Coffee and a chat."
    )
    return agenda, koffie, taalcafe, coffee


def test_translations_synchronise_schedule_tags_and_relations_and_translate_the_prose():
    fields = {f.field_name: f.is_translated(None) for f in AgendaItemPage.translatable_fields}
    for prose in ("title", "slug", "intro", "body", "aanmelden_hoe", "seo_title", "search_description"):
        assert fields[prose] is True
    for synced in (
        "start_datum",
        "recurrence",
        "tijdsloten",
        "uitzonderingen",
        "wijken",
        "themas",
        "locatie",
    ):
        assert fields[synced] is False


def test_a_translated_activity_shows_its_english_title_the_dates_and_no_notice(client, agenda):
    _agenda, koffie, _taalcafe, _coffee = agenda
    response = client.get("/en/agenda/coffee-morning/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Coffee morning" in html and "Coffee and a chat." in html
    assert "notice--untranslated" not in html
    first = koffie.shared_occurrences.filter(end__gt=timezone.now()).first()
    assert f'datetime="{timezone.localtime(first.start).isoformat()}"' in html


def test_an_untranslated_activity_under_en_shows_the_dutch_page_with_a_notice(client, agenda):
    html = client.get("/en/agenda/taalcafe/").content.decode()
    assert "Taalcafé" in html and "notice--untranslated" in html


def test_a_translation_shares_the_dates_of_its_dutch_page(agenda):
    _agenda, koffie, _taalcafe, coffee = agenda
    before = Occurrence.objects.count()
    rebuild_occurrences(coffee)  # what publishing the translation does
    assert Occurrence.objects.count() == before
    assert not Occurrence.objects.filter(page=coffee).exists()
    assert list(coffee.shared_occurrences) == list(koffie.shared_occurrences)


def test_the_english_agenda_lists_each_date_once_with_the_english_title(client, agenda):
    _agenda, koffie, taalcafe, _coffee = agenda
    response = client.get("/en/agenda/")
    cards = list(response.context["occurrences"])
    assert cards and {c.page_id for c in cards} == {koffie.pk, taalcafe.pk}
    assert len(cards) == len({c.pk for c in cards})
    shown = {c.page_id: (c.page.shown_title, c.page.shown_url) for c in cards}
    assert shown[koffie.pk] == ("Coffee morning", "/en/agenda/coffee-morning/")
    assert shown[taalcafe.pk] == ("Taalcafé", "/en/agenda/taalcafe/")  # the Dutch page, English interface
    html = response.content.decode()
    assert 'href="/en/agenda/coffee-morning/">Coffee morning</a>' in html
    assert "Koffie-ochtend" not in html


def test_the_dutch_agenda_lists_the_dutch_pages_once(client, agenda):
    cards = list(client.get("/agenda/").context["occurrences"])
    assert all(c.page.locale.language_code == "nl" for c in cards)
    assert len({c.page_id for c in cards}) == 2
    html = client.get("/agenda/").content.decode()
    assert "Coffee morning" not in html and 'href="/agenda/koffie-ochtend/"' in html


def test_the_menu_in_english_keeps_the_untranslated_sections(client, agenda, english):
    home = agenda[0].get_parent().specific
    organisaties = OrganisatiesIndexPageFactory(parent=home, show_in_menus=True)
    AgendaPage.objects.filter(pk=agenda[0].pk).update(show_in_menus=True)
    html = client.get("/en/").content.decode()
    nav = html[html.index('<nav class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert f'href="/en/{organisaties.slug}/"' in nav and 'lang="nl"' in nav
    assert 'href="/en/agenda/"' in nav


def test_the_editors_contact_text_in_the_footer_is_marked_dutch_in_another_language(client, agenda):
    from portal.models import PortalSettings

    home = agenda[0].get_parent().specific
    settings_ = PortalSettings.for_site(home.get_site())
    settings_.contact_tekst = "Bel ons op werkdagen."
    settings_.save()
    english_page = client.get("/en/").content.decode()
    dutch_page = client.get("/").content.decode()
    assert '<p lang="nl" dir="ltr">Bel ons op werkdagen.</p>' in english_page
    assert "<p>Bel ons op werkdagen.</p>" in dutch_page


def test_home_and_wijken_list_each_wijk_page_once(client, home, english):
    wijken = WijkenIndexPageFactory(parent=home)
    oost = WijkPageFactory(parent=wijken, wijk=WijkFactory(naam="Oost", slug="oost"), title="Oost")
    translate(home, english)
    translate(oost, english, intro="What is on in Oost.")
    for url in ("/en/", "/"):
        listed = client.get(url).context["wijk_pages"]
        assert [p.pk for p in listed] == [oost.pk]
    listed = client.get("/en/wijken/").context["stadsdelen"]
    assert [p.pk for _stadsdeel, pages in listed for p in pages] == [oost.pk]
    assert listed[0][1][0].shown_intro == "What is on in Oost."


def test_organisaties_list_each_organisation_once_with_its_translation(client, home, english):
    index = OrganisatiesIndexPageFactory(parent=home)
    wijkteam = OrganisatiePageFactory(parent=index, title="Sociaal Wijkteam")
    translate(home, english)
    translate(index, english, title="Organisations")
    translate(wijkteam, english, title="Social neighbourhood team", slug="social-team")
    for url, title in (
        ("/en/organisaties/", "Social neighbourhood team"),
        ("/organisaties/", "Sociaal Wijkteam"),
    ):
        listed = client.get(url).context["organisaties"]
        assert [o.pk for o in listed] == [wijkteam.pk]
        assert getattr(listed[0], "shown_title", listed[0].title) == title
    # The English index (a translation) lists the Dutch index's organisations too.
    english_index = index.get_translation(english)
    assert client.get(english_index.url).context["organisaties"][0].pk == wijkteam.pk


def test_initiatieven_list_each_initiative_once_with_its_translation(client, home, english):
    index = InitiatievenIndexPageFactory(parent=home)
    moestuin = InitiatiefPageFactory(parent=index, title="Buurtmoestuin")
    translate(home, english)
    translate(index, english, title="Initiatives", slug="initiatives")
    translate(moestuin, english, title="Neighbourhood garden", slug="neighbourhood-garden")
    assert InitiatiefPage.objects.count() == 2
    response = client.get("/en/initiatives/")
    cards = list(response.context["initiatieven"])
    assert [c.pk for c in cards] == [moestuin.pk]
    assert cards[0].shown_url == "/en/initiatives/neighbourhood-garden/"
    assert "Neighbourhood garden" in response.content.decode()
    assert [c.pk for c in client.get("/initiatieven/").context["initiatieven"]] == [moestuin.pk]


def test_open_data_serves_each_activity_once_as_its_dutch_page(client, agenda):
    services = client.get("/api/hsds/services").json()
    assert services["total_items"] == 2
    assert {s["name"] for s in services["contents"]} == {"Koffie-ochtend", "Taalcafé"}
    assert "geen aparte service" in client.get("/api/hsds/profile").json()["description"]


def test_the_english_finder_shows_the_english_title_and_marks_the_dutch_one(client, agenda):
    html = client.get("/en/verwijzen/?hulpvraag=").content.decode()
    assert '<a href="/en/agenda/coffee-morning/">Coffee morning</a>' in html
    assert "Coffee and a chat." in html
    assert '<h3 class="card__title" lang="nl" dir="ltr"><a href="/en/agenda/taalcafe/">Taalcafé</a>' in html
    assert ">Koffie-ochtend<" not in html


def test_local_path_gives_the_translation_the_prefixed_dutch_page_or_a_form_and_no_query_in_dutch(
    agenda, django_assert_num_queries
):
    from portal.translations import local_path

    with django_assert_num_queries(0):
        assert local_path("/agenda/") == "/agenda/"
    with translation.override("en"):
        assert local_path("/agenda/") == "/en/agenda/"  # the English agenda ("Calendar") keeps the slug
        assert local_path("/agenda/koffie-ochtend/") == "/en/agenda/coffee-morning/"
        assert local_path("/agenda/taalcafe/") == "/en/agenda/taalcafe/"  # untranslated: Dutch page, notice
        assert local_path("/meedoen/idee/") == "/en/meedoen/idee/"  # a form, not a page
        assert local_path("/") == "/en/"


def test_the_thanks_page_links_home_and_agenda_in_the_visitors_language(client, agenda):
    html = client.get("/en/meedoen/bedankt/").content.decode()
    assert 'href="/en/agenda/"' in html and 'href="/en/"' in html
    assert 'href="/agenda/"' not in html
