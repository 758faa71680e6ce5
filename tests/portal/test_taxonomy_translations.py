"""Thema, doelgroep and hulpvraag names in the visitor's language (issue 7): the agenda's filters, the
forms, the finder and the initiative cards name them in the page's language, fall back to the Dutch name
where an editor left a translation empty, and keep filtering by the same (Dutch) slugs."""

import pytest

from django.utils import translation

from wagtail.models import Locale

from activiteiten.occurrences import rebuild_occurrences
from portal.models import Hulpvraag

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    DoelgroepFactory,
    HulpvraagFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    ThemaFactory,
    WijkFactory,
)

LANGUAGES = ["en", "tr", "ar", "pl"]


@pytest.fixture(autouse=True)
def dutch():
    yield
    translation.activate("nl")


@pytest.fixture
def locales(db):
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@pytest.fixture
def themas(locales):
    ontmoeting = ThemaFactory(
        naam="Ontmoeting",
        slug="ontmoeting",
        naam_en="Meeting people",
        naam_tr="Buluşma",
        naam_ar="اللقاء",
        naam_pl="Spotkania",
    )
    geld = ThemaFactory(naam="Geld en administratie", slug="geld")  # nobody translated this one yet
    return ontmoeting, geld


@pytest.fixture
def agenda(home, themas):
    ontmoeting, geld = themas
    agenda = AgendaPageFactory(parent=home)
    koffie = ActiviteitPageFactory(
        parent=agenda, title="Koffie-ochtend", slug="koffie-ochtend", themas=[ontmoeting]
    )
    spreekuur = ActiviteitPageFactory(
        parent=agenda, title="Formulierenhulp", slug="formulierenhulp", themas=[geld]
    )
    for page in (koffie, spreekuur):
        rebuild_occurrences(page)
    return agenda


def test_str_and_label_follow_the_active_language_and_fall_back_to_dutch(themas):
    ontmoeting, geld = themas
    assert str(ontmoeting) == "Ontmoeting"
    for code, name in [("en", "Meeting people"), ("tr", "Buluşma"), ("ar", "اللقاء"), ("pl", "Spotkania")]:
        with translation.override(code):
            assert str(ontmoeting) == ontmoeting.label == name
            assert str(geld) == "Geld en administratie"


def test_the_turkish_agenda_names_its_themes_in_turkish_and_filters_by_the_same_slug(client, agenda):
    html = client.get("/tr/agenda/").content.decode()
    assert "Buluşma" in html
    assert "Geld en administratie" in html  # the Dutch name until an editor translates it
    assert ">Ontmoeting<" not in html
    dutch = client.get("/agenda/").content.decode()
    assert "Ontmoeting" in dutch and "Buluşma" not in dutch
    filtered = client.get("/tr/agenda/?thema=ontmoeting").content.decode()
    assert "Koffie-ochtend" in filtered and "Formulierenhulp" not in filtered


def test_the_idea_form_offers_the_themes_in_arabic(client, themas):
    html = client.get("/ar/meedoen/idee/").content.decode()
    assert "اللقاء" in html and "Geld en administratie" in html
    assert "Ontmoeting" not in html


def test_the_finder_shows_question_explanation_and_reasons_in_english(client, home, themas):
    ontmoeting, _geld = themas
    wijk = WijkFactory(naam="Schalkwijk", slug="schalkwijk")
    ouderen = DoelgroepFactory(naam="Ouderen", slug="ouderen", naam_en="Older people")
    hulpvraag = HulpvraagFactory(
        naam="Eenzaam",
        slug="eenzaam",
        uitleg="Een praatje, koffie",
        naam_en="Lonely",
        uitleg_en="A chat, coffee",
        themas=[ontmoeting],
    )
    assert Hulpvraag.objects.get(pk=hulpvraag.pk).uitleg_label == "Een praatje, koffie"
    agenda = AgendaPageFactory(parent=home)
    page = ActiviteitPageFactory(parent=agenda, title="Koffie-ochtend", themas=[ontmoeting], wijken=[wijk])
    page.doelgroepen.set([ouderen])
    page.save()
    rebuild_occurrences(page)
    html = client.get("/en/verwijzen/?hulpvraag=eenzaam&doelgroep=ouderen").content.decode()
    assert "Lonely" in html and "A chat, coffee" in html
    assert "meeting people" in html  # "Past omdat: thema: meeting people"
    assert "older people" in html
    assert "Eenzaam" not in html and "Een praatje" not in html


def test_an_initiative_card_and_page_name_the_theme_in_polish(client, home, themas):
    ontmoeting, _geld = themas
    index = InitiatievenIndexPageFactory(parent=home)
    initiatief = InitiatiefPageFactory(parent=index, title="Buurtmoestuin", themas=[ontmoeting])
    card = client.get(f"/pl{index.url}").content.decode()
    page = client.get(f"/pl{initiatief.url}").content.decode()
    for html in (card, page):
        assert "Spotkania" in html and "Ontmoeting" not in html


def test_editors_translate_a_name_in_the_snippet_editor(admin_client, themas):
    _ontmoeting, geld = themas
    url = f"/admin/snippets/portal/thema/edit/{geld.pk}/"
    form = admin_client.get(url).content.decode()
    for code in LANGUAGES:
        assert f'name="naam_{code}"' in form
    response = admin_client.post(
        url,
        {
            "naam": "Geld en administratie",
            "slug": "geld",
            "icoon": "geld",
            "naam_en": "Money and paperwork",
            "naam_tr": "",
            "naam_ar": "",
            "naam_pl": "",
        },
    )
    assert response.status_code == 302
    geld.refresh_from_db()
    with translation.override("en"):
        assert geld.label == "Money and paperwork"
    with translation.override("tr"):
        assert geld.label == "Geld en administratie"


def test_a_turkish_visitor_finds_an_activity_by_its_theme_in_turkish(
    client, home, themas, django_capture_on_commit_callbacks
):
    ontmoeting, geld = themas
    agenda = AgendaPageFactory(parent=home)
    page = ActiviteitPageFactory(
        parent=agenda, title="Koffie-ochtend", intro="Koffie en een praatje.", themas=[ontmoeting, geld]
    )
    page.save_revision().publish()  # as an editor publishes: the index then holds the page's thema's
    html = client.get("/tr/zoeken/?q=buluşma").content.decode()
    assert "Koffie-ochtend" in html
    # Translated later: the tagged pages are indexed again once the thema is saved.
    assert "Koffie-ochtend" not in client.get("/tr/zoeken/?q=evrak").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        geld.naam_tr = "Para ve evrak işleri"
        geld.save()
    assert "Koffie-ochtend" in client.get("/tr/zoeken/?q=evrak").content.decode()
