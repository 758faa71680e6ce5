"""Every card says cost, walk-in or sign-up, "iemand mag mee" and wheelchair access as an icon plus words,
never an icon alone (issue 7), in every language: the agenda's cards and the finder's results."""

import decimal

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from wagtail.models import Locale

from activiteiten.occurrences import rebuild_occurrences

from ..factories import ActiviteitPageFactory, AgendaPageFactory, LocatiePageFactory, WijkFactory

LANGUAGES = ["nl", "en", "tr", "ar", "pl"]
FEATURES = {
    "kosten": ("euro",),
    "aanmelden": ("deur", "aanmelden"),
    "mee": ("samen",),
    "rolstoel": ("rolstoel",),
}


@pytest.fixture(autouse=True)
def dutch():
    yield
    translation.activate("nl")


@pytest.fixture
def items(home):
    for code in LANGUAGES[1:]:
        Locale.objects.get_or_create(language_code=code)
    wijk = WijkFactory(naam="Schalkwijk", slug="schalkwijk")
    agenda = AgendaPageFactory(parent=home)
    drempelvrij = LocatiePageFactory(parent=home, title="De Tulp", wijk=wijk, rolstoeltoegankelijk=True)
    trap = LocatiePageFactory(parent=home, title="Bovenzaal", wijk=wijk, rolstoeltoegankelijk=False)
    pages = {
        "koffie": ActiviteitPageFactory(
            parent=agenda, title="Koffie", locatie=drempelvrij, iemand_mag_mee=True
        ),
        "kookles": ActiviteitPageFactory(
            parent=agenda,
            title="Kookles",
            locatie=trap,
            kosten="bedrag",
            bedrag=decimal.Decimal("3.50"),
            aanmelden="aanmelden",
            iemand_mag_mee=False,
        ),
        "wandelen": ActiviteitPageFactory(parent=agenda, title="Wandelen", adres_vrij="Bij de molen"),
    }
    for page in pages.values():
        rebuild_occurrences(page)
    return pages


def features(card):
    """{feature: words} for one card, asserting that each feature is an icon with words beside it."""
    found = {}
    for li in card.select("li.feature"):
        icon = li.select_one("svg.icon use")
        assert icon is not None, li
        name = icon["href"].rsplit("#", 1)[1]
        words = li.get_text(" ", strip=True)
        assert words, f"icon {name} without words"
        for feature, icons in FEATURES.items():
            if name in icons:
                found[feature] = words
    return found


def cards_by_title(html, selector):
    soup = BeautifulSoup(html, "html.parser")
    return {card.select_one("h3, h2").get_text(strip=True): card for card in soup.select(selector)}


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_agenda_card_names_cost_walk_in_company_and_wheelchair_in_words(client, items, code):
    prefix = "" if code == "nl" else f"/{code}"
    cards = cards_by_title(client.get(f"{prefix}/agenda/").content.decode(), "article.card--agenda")
    assert {"Koffie", "Kookles", "Wandelen"} <= set(cards)
    shown = {title: features(cards[title]) for title in ("Koffie", "Kookles", "Wandelen")}
    for title, found in shown.items():
        assert set(found) == set(FEATURES), (title, found)
    # The words differ where the facts differ, so none of them is a fixed label.
    for feature in FEATURES:
        assert shown["Koffie"][feature] != shown["Kookles"][feature], feature
    assert shown["Wandelen"]["rolstoel"] not in (shown["Koffie"]["rolstoel"], shown["Kookles"]["rolstoel"])
    if code == "nl":
        assert shown["Koffie"]["rolstoel"] == "Toegankelijk met rolstoel"
        assert shown["Kookles"]["rolstoel"] == "Niet toegankelijk met rolstoel"
        assert shown["Wandelen"]["rolstoel"] == "Rolstoel: niet bekend, vraag het na"
        assert shown["Kookles"]["mee"] == "Je kunt niemand meenemen"
    else:
        dutch = {
            t: features(c)
            for t, c in cards_by_title(
                client.get("/agenda/").content.decode(), "article.card--agenda"
            ).items()
        }
        for title, found in shown.items():
            for feature in ("aanmelden", "mee", "rolstoel"):
                assert found[feature] != dutch[title][feature], (code, title, feature)


@pytest.mark.parametrize("code", ["nl", "ar"])
def test_every_finder_result_names_the_same_four_in_words(client, items, code):
    prefix = "" if code == "nl" else f"/{code}"
    html = client.get(f"{prefix}/verwijzen/?hulpvraag=").content.decode()
    cards = cards_by_title(html, "article.finder-result")
    assert {"Koffie", "Kookles", "Wandelen"} <= set(cards), list(cards)
    for title in ("Koffie", "Kookles", "Wandelen"):
        assert set(features(cards[title])) == set(FEATURES), title
