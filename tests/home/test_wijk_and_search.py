import pytest

from ..factories import (
    ContentPageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    WijkenIndexPageFactory,
    WijkFactory,
    WijkPageFactory,
)


@pytest.fixture
def tree(home):
    oost, noord = WijkFactory(naam="Oost"), WijkFactory(naam="Noord")
    wijken = WijkenIndexPageFactory(parent=home)
    locaties = LocatiesIndexPageFactory(parent=home)
    organisaties = OrganisatiesIndexPageFactory(parent=home)
    return {
        "oost": WijkPageFactory(parent=wijken, wijk=oost),
        "noord": WijkPageFactory(parent=wijken, wijk=noord),
        "locaties": locaties,
        "organisaties": organisaties,
        "wijk_oost": oost,
        "wijk_noord": noord,
    }


def test_wijk_page_shows_only_its_own_places_and_organisations(client, tree):
    LocatiePageFactory(parent=tree["locaties"], title="Buurthuis De Tulp", wijk=tree["wijk_oost"])
    LocatiePageFactory(parent=tree["locaties"], title="Kerk Noord", wijk=tree["wijk_noord"])
    OrganisatiePageFactory(parent=tree["organisaties"], title="Wijkteam Oost", wijken=[tree["wijk_oost"]])
    OrganisatiePageFactory(parent=tree["organisaties"], title="Wijkteam Noord", wijken=[tree["wijk_noord"]])
    OrganisatiePageFactory(parent=tree["organisaties"], title="Raadslieden", heel_de_stad=True)

    html = client.get(tree["oost"].url).content.decode()
    assert "Buurthuis De Tulp" in html and "Wijkteam Oost" in html
    assert "Kerk Noord" not in html and "Wijkteam Noord" not in html
    assert "Voor iedereen in de stad" in html and "Raadslieden" in html


def test_wijk_page_points_to_its_huis_van_de_wijk(client, tree):
    LocatiePageFactory(
        parent=tree["locaties"],
        title="Huis van de Wijk Oost",
        soort="huis_van_de_wijk",
        wijk=tree["wijk_oost"],
    )
    html = client.get(tree["oost"].url).content.decode()
    assert "Hier kun je binnenlopen" in html
    assert "Hier kun je binnenlopen" not in client.get(tree["noord"].url).content.decode()


def test_unpublished_places_do_not_appear_on_the_wijk_page(client, tree):
    locatie = LocatiePageFactory(parent=tree["locaties"], title="Geheim Buurthuis", wijk=tree["wijk_oost"])
    locatie.unpublish()
    assert "Geheim Buurthuis" not in client.get(tree["oost"].url).content.decode()


def test_wijk_page_query_count_does_not_grow(client, tree, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            LocatiePageFactory(parent=tree["locaties"], wijk=tree["wijk_oost"])
            OrganisatiePageFactory(parent=tree["organisaties"], wijken=[tree["wijk_oost"]])

    add(2)
    with django_assert_max_num_queries(40) as few:
        client.get(tree["oost"].url)
    add(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(tree["oost"].url)


def test_search_finds_a_live_page_by_a_word_in_its_intro(client, tree):
    LocatiePageFactory(
        parent=tree["locaties"], title="Het Badhuis", intro="Elke dinsdag koffie en een taalcafé."
    )
    draft = ContentPageFactory(parent=tree["locaties"].get_parent(), title="Koffie concept", live=False)
    response = client.get("/zoeken/", {"q": "koffie"})
    titles = [r.title for r in response.context["results"]]
    assert "Het Badhuis" in titles
    assert draft.title not in titles


def test_search_without_results_says_so_in_dutch(client, home):
    html = client.get("/zoeken/", {"q": "xyzzyonbekend"}).content.decode()
    assert "0 resultaten" in html
    assert "We hebben niets gevonden" in html


def test_too_long_search_keeps_the_text_and_explains(client, home):
    query = "koffie " * 60
    response = client.get("/zoeken/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "te lang" in html
    assert 'aria-invalid="true"' in html
    assert query.strip()[:50] in html


def test_search_pagination_keeps_the_query(client, tree):
    for i in range(12):
        LocatiePageFactory(parent=tree["locaties"], title=f"Koffiehuis {i}", intro="Koffie drinken.")
    html = client.get("/zoeken/", {"q": "koffie"}).content.decode()
    assert "Pagina 1 van 2" in html
    assert "?q=koffie&amp;pagina=2" in html


def test_search_uses_dutch_stemming_on_postgresql(client, tree, db_vendor):
    if db_vendor != "postgresql":
        pytest.skip("Dutch stemming comes from PostgreSQL's 'dutch' text search configuration")
    LocatiePageFactory(
        parent=tree["locaties"], title="Groene Long", intro="Hier wandelen we elke week samen."
    )
    titles = [r.title for r in client.get("/zoeken/", {"q": "wandel"}).context["results"]]
    assert titles == ["Groene Long"]


@pytest.fixture
def turkish(tree, home):
    """A Turkish locale with the home page and the locations index translated."""
    from wagtail.models import Locale

    locale = Locale.objects.create(language_code="tr")
    home.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    tree["locaties"].copy_for_translation(locale).save_revision().publish()
    return locale


def translate(page, locale, title, intro):
    copy = page.copy_for_translation(locale)
    copy.title, copy.intro, copy.slug = title, intro, page.slug + "-tr"
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def test_search_in_turkish_finds_pages_by_their_turkish_words_and_dutch_pages_too(client, tree, turkish):
    badhuis = LocatiePageFactory(parent=tree["locaties"], title="Het Badhuis", intro="Elke dinsdag koffie.")
    hamam = translate(badhuis, turkish, "Hamam Evi", "Her salı kahve.")
    LocatiePageFactory(parent=tree["locaties"], title="De Kroon", intro="Koffie en kahve voor iedereen.")

    html = client.get("/tr/zoeken/", {"q": "kahve"}).content.decode()
    assert html.count('<li class="result">') == 2
    # The translation is found by its own words, shown with its own address, and once.
    assert f'<a href="{hamam.url}">Hamam Evi</a>' in html
    assert "Het Badhuis" not in html
    # A page without a Turkish translation: its Dutch title, marked Dutch, under /tr/.
    assert '<h3 lang="nl" dir="ltr"><a href="/tr/' in html and "De Kroon" in html

    # A Dutch word still finds the page, shown in Turkish.
    html = client.get("/tr/zoeken/", {"q": "dinsdag"}).content.decode()
    assert "Hamam Evi" in html and "Het Badhuis" not in html
    # In Dutch nothing changes: the Dutch page, by its Dutch words only.
    titles = [r.title for r in client.get("/zoeken/", {"q": "kahve"}).context["results"]]
    assert titles == ["De Kroon"]


def test_search_in_turkish_pages_through_both_kinds_of_hits_without_repeats(client, tree, turkish):
    for i in range(3):
        page = LocatiePageFactory(parent=tree["locaties"], title=f"Buurthuis {i}", intro="Koffie drinken.")
        translate(page, turkish, f"Mahalle evi {i}", "Kahve içmek, koffie.")
    for i in range(9):
        LocatiePageFactory(parent=tree["locaties"], title=f"Koffiehuis {i}", intro="Koffie drinken.")
    first = client.get("/tr/zoeken/", {"q": "koffie"}).context["results"]
    second = client.get("/tr/zoeken/", {"q": "koffie", "pagina": 2}).context["results"]
    assert first.paginator.count == 12
    titles = [r.shown_title for r in first] + [r.shown_title for r in second]
    assert len(titles) == 12 == len(set(titles))
    # The hits in Turkish first, then the Dutch pages.
    assert set(titles[:3]) == {f"Mahalle evi {i}" for i in range(3)}
    assert not any(title.startswith("Buurthuis") for title in titles)


def test_search_in_turkish_leaves_out_a_translation_whose_dutch_page_is_offline_or_private(
    client, tree, turkish
):
    from wagtail.models import PageViewRestriction

    offline = LocatiePageFactory(parent=tree["locaties"], title="Oud Buurthuis", intro="Koffie.")
    translate(offline, turkish, "Eski mahalle evi", "Kahve.")
    private = LocatiePageFactory(parent=tree["locaties"], title="Besloten huis", intro="Koffie.")
    translate(private, turkish, "Kapalı ev", "Kahve.")
    assert client.get("/tr/zoeken/", {"q": "kahve"}).context["results"].paginator.count == 2
    offline.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/tr/zoeken/", {"q": "kahve"})
    assert response.context["results"].paginator.count == 0
    assert "Eski mahalle evi" not in response.content.decode()
