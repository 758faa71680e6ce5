"""The agenda on other pages: today on the home page, a wijk's week, what is on at a place."""

import datetime as dt

import pytest

from django.utils import timezone

from activiteiten.occurrences import rebuild_occurrences

from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    WijkenIndexPageFactory,
    WijkFactory,
    WijkPageFactory,
)


@pytest.fixture
def tree(home):
    oost, noord = WijkFactory(naam="Oost"), WijkFactory(naam="Noord")
    wijken = WijkenIndexPageFactory(parent=home)
    locaties = LocatiesIndexPageFactory(parent=home)
    tulp = LocatiePageFactory(parent=locaties, title="Buurthuis De Tulp", wijk=oost)
    agenda = AgendaPageFactory(parent=home)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    pages = [
        ActiviteitPageFactory(
            parent=agenda,
            title="Koffie in Oost",
            heel_de_stad=False,
            wijken=[oost],
            locatie=tulp,
            start_datum=tomorrow,
            recurrence="",
        ),
        ActiviteitPageFactory(
            parent=agenda,
            title="Wandelen in Noord",
            heel_de_stad=False,
            wijken=[noord],
            start_datum=tomorrow,
            recurrence="",
        ),
        ActiviteitPageFactory(
            parent=agenda,
            title="Avondje laat",
            heel_de_stad=True,
            start_datum=timezone.localdate(),
            recurrence="",
            slots=[(dt.time(23, 58), dt.time(23, 59))],
        ),
    ]
    for page in pages:
        rebuild_occurrences(page)
    return {"oost": WijkPageFactory(parent=wijken, wijk=oost), "tulp": tulp, "agenda": agenda}


@pytest.fixture
def agenda_later(tree):
    later = ActiviteitPageFactory(
        parent=tree["agenda"],
        title="Over drie dagen",
        start_datum=timezone.localdate() + dt.timedelta(days=3),
        recurrence="",
    )
    rebuild_occurrences(later)
    return later


def test_wijk_page_shows_its_week_and_links_to_the_filtered_agenda(client, tree):
    html = client.get(tree["oost"].url).content.decode()
    assert "Deze week in Oost" in html
    assert "Koffie in Oost" in html and "Wandelen in Noord" not in html
    assert "/agenda/?wijk=oost" in html


def test_locatie_page_shows_what_is_on_there(client, tree):
    html = client.get(tree["tulp"].url).content.decode()
    assert "Wat is hier te doen?" in html
    assert "Koffie in Oost" in html and "Wandelen in Noord" not in html


def test_home_page_shows_today_and_tomorrow(client, tree, agenda_later):
    html = client.get("/").content.decode()
    assert "Vandaag en morgen in de wijk" in html
    assert "Koffie in Oost" in html  # tomorrow
    assert "Over drie dagen" not in html
