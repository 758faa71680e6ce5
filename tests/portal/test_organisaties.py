import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.models import OrganisatiePage

from ..factories import OrganisatiePageFactory, OrganisatiesIndexPageFactory, WijkFactory


@pytest.fixture
def index(home):
    return OrganisatiesIndexPageFactory(parent=home)


@pytest.fixture
def sociale_kaart(index):
    oost, schalkwijk = WijkFactory(naam="Oost"), WijkFactory(naam="Schalkwijk")
    OrganisatiePageFactory(
        parent=index, title="Wijkteam Oost", werkvorm="individueel", organisatievorm="formeel", wijken=[oost]
    )
    OrganisatiePageFactory(
        parent=index,
        title="Moestuin Schalkwijk",
        werkvorm="collectief",
        organisatievorm="informeel",
        wijken=[schalkwijk],
    )
    OrganisatiePageFactory(
        parent=index,
        title="Taalmaatjes",
        werkvorm="individueel",
        organisatievorm="informeel",
        heel_de_stad=True,
    )
    return index


def test_index_places_organisations_in_their_quadrant(client, sociale_kaart):
    response = client.get(sociale_kaart.url)
    quadrants = {k["sleutel"]: [o.title for o in k["organisaties"]] for k in response.context["kwadranten"]}
    assert quadrants == {
        "formeel-individueel": ["Wijkteam Oost"],
        "formeel-collectief": [],
        "informeel-individueel": ["Taalmaatjes"],
        "informeel-collectief": ["Moestuin Schalkwijk"],
    }


def test_filtering_by_wijk_keeps_city_wide_organisations(client, sociale_kaart):
    html = client.get(sociale_kaart.url, {"wijk": "oost"}).content.decode()
    assert "Wijkteam Oost" in html
    assert "Taalmaatjes" in html
    assert "Moestuin Schalkwijk" not in html
    assert "2 organisaties in Oost of in heel de stad." in html


def test_unknown_wijk_filter_shows_everything_instead_of_an_error(client, sociale_kaart):
    response = client.get(sociale_kaart.url, {"wijk": "<script>"})
    assert response.status_code == 200
    assert len(response.context["organisaties"]) == 3


def test_index_query_count_does_not_grow_with_organisations(client, index, django_assert_max_num_queries):
    wijk = WijkFactory(naam="Noord")
    for _ in range(3):
        OrganisatiePageFactory(parent=index, wijken=[wijk])
    with django_assert_max_num_queries(30) as few:
        client.get(index.url)
    for _ in range(20):
        OrganisatiePageFactory(parent=index, wijken=[wijk])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(index.url)


def _organisatie_form(**overrides):
    data = {
        "title": "Buurtkeuken",
        "slug": "buurtkeuken",
        "intro": "",
        "soort": "bewonersgroep",
        "werkvorm": "collectief",
        "organisatievorm": "informeel",
        "telefoon": "",
        "email": "",
        "website": "",
        "adres": "",
        "body": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_admin_requires_a_wijk_or_heel_de_stad(client, index):
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.nl", "x")
    client.force_login(admin)
    url = f"/admin/pages/add/portal/organisatiepage/{index.pk}/"
    response = client.post(url, _organisatie_form())
    assert response.status_code == 200
    assert "Kies minstens één wijk" in response.content.decode()
    assert not OrganisatiePage.objects.filter(slug="buurtkeuken").exists()

    response = client.post(url, _organisatie_form(heel_de_stad="on"))
    assert response.status_code == 302
    assert OrganisatiePage.objects.get(slug="buurtkeuken").live
