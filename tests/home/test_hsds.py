"""The open-data API at /api/hsds/: HSDS 3.0 shapes, filters, bad input, ETags, privacy, query counts.

The HSDS 3.0 JSON schemas are read in place from ``HSDS_SCHEMA_DIR`` (``make test`` sets it). Their
``$ref``s to the compiled schemas on the web are resolved to those local files with a ``referencing``
registry; nothing is fetched. The compiled ``*_list.json`` schemas the OpenAPI file names for list items
are not in the folder; list items are checked against the full schema of the same object, which is
stricter (it also types the nested arrays).
"""

import datetime as dt
import json
import os
import urllib.parse
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activiteiten.models import ActiviteitPage, AgendaItemPage, SpreekuurPage, Tijdslot, Uitzondering
from activiteiten.occurrences import window
from activiteiten.recurrence import Schedule, expand, holiday_name
from initiatieven.models import InitiatiefPage

from ..bulk import add_page_sequence, add_slots, add_tags
from ..factories import (
    ActiviteitPageFactory,
    AgendaPageFactory,
    InitiatiefPageFactory,
    InitiatievenIndexPageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    OpeningstijdFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    SpreekuurPageFactory,
    ThemaFactory,
    WijkFactory,
)
from .hsds_data import PRIVATE, build_portal, publish, rule

API = "/api/hsds"
REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
LISTS = {"service_list.json": "service.json", "organization_list.json": "organization.json"}
LISTS["service_at_location_list.json"] = "service_at_location.json"


# --- The HSDS schemas, read in place ----------------------------------------------------------------


def schema_dir():
    folder = os.environ.get("HSDS_SCHEMA_DIR", "")
    if not folder or not (Path(folder) / "openapi.json").is_file():
        pytest.skip(
            "HSDS 3.0 schemas not found: set HSDS_SCHEMA_DIR to the folder with openapi.json "
            f"(now: {folder!r}); `make test` sets it to ../shared/hsds-3.0/schema."
        )
    return Path(folder)


@pytest.fixture(scope="session")
def registry():
    """Every schema file under its web address, also under .../compiled/, and the list schemas."""
    folder = schema_dir()
    resources = {}
    for path in folder.glob("*.json"):
        resource = DRAFT202012.create_resource(json.loads(path.read_text(encoding="utf-8")))
        resources[REMOTE + path.name] = resource
        resources[REMOTE + "compiled/" + path.name] = resource
    for list_name, full in LISTS.items():
        resources[REMOTE + "compiled/" + list_name] = resources[REMOTE + full]
    return Registry().with_resources(resources.items())


def format_checker():
    checker = FormatChecker()

    @checker.checks("uri", raises=ValueError)
    def is_uri(value):
        parts = urllib.parse.urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value):
        return dt.datetime.fromisoformat(value).tzinfo is not None

    return checker


def openapi_schema(path):
    """The 200 response schema of one path in HSDS's openapi.json."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {
        "$ref": f"{REMOTE}openapi.json#/paths/{pointer}/get/responses/200/content/application~1json/schema"
    }


def page_of(object_file):
    """For /locations, which HSDS's OpenAPI file does not have: its page object with locations."""
    return {
        "allOf": [{"$ref": f"{REMOTE}openapi.json#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": {"$ref": REMOTE + object_file}}},
    }


def assert_valid(data, schema, registry):
    validator = Draft202012Validator(schema, registry=registry, format_checker=format_checker())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, "\n".join(errors[:10])


def walk(data, key):
    """Every value under ``key``, at any depth."""
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield value
            yield from walk(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from walk(item, key)


# --- Fixtures and helpers ---------------------------------------------------------------------------


@pytest.fixture
def portal(home):
    return build_portal(home)


@pytest.fixture
def tags(home):
    """Enough for the messages about bad input: two wijken and a thema, no pages."""
    return [WijkFactory(naam="Oost"), WijkFactory(naam="Schalkwijk"), ThemaFactory(naam="Ontmoeting")]


def get(client, path, status=200, **params):
    response = client.get(API + path, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(listing):
    return [item["id"] for item in listing["contents"]]


def by_name(listing):
    return {item["name"]: item for item in listing["contents"]}


def service_of(client, page):
    return get(client, f"/services/{page.translation_key}")


# --- Conformance: every endpoint against the HSDS schemas --------------------------------------------


ENDPOINTS = [
    ("/", lambda p: "/", "/"),
    ("/services", lambda p: "/services", "/services"),
    ("/services/{id}", lambda p: f"/services/{p.restaurant.translation_key}", "/services/{id}"),
    ("/services/{id} (spreekuur)", lambda p: f"/services/{p.spreekuur.translation_key}", "/services/{id}"),
    ("/services/{id} (initiatief)", lambda p: f"/services/{p.moestuin.translation_key}", "/services/{id}"),
    ("/organizations", lambda p: "/organizations", "/organizations"),
    ("/organizations/{id}", lambda p: f"/organizations/{p.wijkteam.translation_key}", "/organizations/{id}"),
    ("/locations", lambda p: "/locations", page_of("location.json")),
    ("/locations/{id}", lambda p: f"/locations/{p.tulp.translation_key}", {"$ref": REMOTE + "location.json"}),
    ("/taxonomies", lambda p: "/taxonomies", "/taxonomies"),
    ("/taxonomies/{id}", None, "/taxonomies/{id}"),
    ("/taxonomy_terms", lambda p: "/taxonomy_terms", "/taxonomy_terms"),
    ("/taxonomy_terms/{id}", None, "/taxonomy_terms/{id}"),
]


@pytest.mark.parametrize(("name", "url", "schema"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_response_validates_against_the_hsds_3_schema(registry, client, portal, name, url, schema):
    if url is None:  # the first item of the list endpoint
        first = get(client, name.replace("/{id}", ""))["contents"][0]
        path = name.replace("{id}", first["id"])
    else:
        path = url(portal)
    data = get(client, path)
    assert_valid(data, openapi_schema(schema) if isinstance(schema, str) else schema, registry)
    if "contents" in data:  # HSDS's page object: the schema types these fields, but requires none
        assert set(data) >= {"total_items", "total_pages", "page_number", "size", "first_page", "last_page"}
        assert data["size"] == len(data["contents"]) > 0


def test_every_schedule_also_validates_against_the_profile_with_our_extension(registry, client, portal):
    """The profile's JSON Merge Patch on schedule.json, merged as RFC 7386 says, gives the schema of
    our schedules: x_exceptions items may have no other fields than the documented ones."""
    patch = get(client, "/profile/schedule.json")
    original = registry[REMOTE + "schedule.json"].contents

    def merge(target, change):
        if not isinstance(change, dict):
            return change
        result = dict(target) if isinstance(target, dict) else {}
        for key, value in change.items():
            if value is None:
                result.pop(key, None)
            else:
                result[key] = merge(result.get(key), value)
        return result

    merged = merge(original, patch) | {"$id": REMOTE + "schedule.json"}
    Draft202012Validator.check_schema(merged)
    schedules = [
        s
        for path in ("/services", "/locations")
        for listed in walk(get(client, path, per_page=100), "schedules")
        for s in listed
    ]
    assert any(s["x_exceptions"] for s in schedules if "x_exceptions" in s)
    for schedule in schedules:
        assert_valid(schedule, merged, registry)
    profile = get(client, "/profile")
    assert profile["modifications"]["schedule.json"].endswith("/api/hsds/profile/schedule.json")
    assert get(client, "/")["profile"] == "http://testserver/api/hsds/profile"


# --- What is in a service ----------------------------------------------------------------------------


def test_weekly_activity_has_its_rule_time_place_cost_and_tags(client, portal):
    service = service_of(client, portal.restaurant)
    (schedule,) = service["schedules"]
    assert schedule["freq"] == "WEEKLY" and schedule["interval"] == 1 and schedule["byday"] == "FR"
    assert (schedule["opens_at"], schedule["closes_at"]) == ("17:30", "19:30")
    assert schedule["x_timezone"] == "Europe/Amsterdam"
    assert schedule["x_rrule"] == "FREQ=WEEKLY;BYDAY=FR"
    assert schedule["description"] == "Elke vrijdag, 17:30–19:30"
    english = client.get(f"{API}/services/{portal.restaurant.translation_key}", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["schedules"][0]["description"] == schedule["description"]  # always Dutch
    assert dt.date.fromisoformat(schedule["dtstart"]).weekday() == 4
    assert service["organization_id"] == str(portal.wijkteam.translation_key)
    assert service["organization"]["name"] == "Wijkteam Oost"
    assert service["cost_options"][0]["amount"] == 3.5 and service["cost_options"][0]["currency"] == "EUR"
    assert service["fees_description"] == "€ 3,50"
    assert {lang["code"] for lang in service["languages"]} == {"nl", "tr"}
    assert [area["name"] for area in service["service_areas"]] == ["Oost"]
    (place,) = service["service_at_locations"]
    assert place["location"]["name"] == "Buurthuis De Tulp"
    assert {a["description"] for a in place["location"]["accessibility"]} >= {"Toegankelijk met rolstoel"}
    terms = {(a["link_type"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
    assert terms == {
        ("soort", "activiteit"),
        ("thema", "eten-en-drinken"),
        ("thema", "ontmoeting"),
        ("doelgroep", "ouderen"),
    }
    assert "Aanmelden nodig" in service["application_process"]
    assert "Bel Ineke" in service["application_process"]
    assert service["status"] == "active"


def test_cancelled_moved_and_changed_dates_are_in_x_exceptions_and_in_plain_dutch_notes(client, portal):
    (schedule,) = service_of(client, portal.restaurant)["schedules"]
    exceptions = {e["date"]: e for e in schedule["x_exceptions"]}
    cancelled = exceptions[portal.cancelled.isoformat()]
    assert cancelled == {"date": portal.cancelled.isoformat(), "status": "vervalt", "note": "Kok is ziek"}
    moved = exceptions[portal.moved.isoformat()]
    assert moved["status"] == "verplaatst" and moved["new_date"] == portal.moved_to.isoformat()
    assert moved["new_location_id"] == str(portal.badhuis.translation_key)
    assert (moved["new_opens_at"], moved["new_closes_at"]) == ("17:30", "19:30")
    changed = exceptions[portal.changed.isoformat()]
    assert changed["status"] == "gewijzigd" and (changed["new_opens_at"], changed["new_closes_at"]) == (
        "18:00",
        "20:00",
    )
    assert "gaat niet door (Kok is ziek)" in schedule["notes"]
    assert "verplaatst naar" in schedule["notes"] and "Het Badhuis" in schedule["notes"]


def test_public_holidays_are_cancellations_when_the_activity_skips_them(client, home):
    agenda = AgendaPageFactory(parent=home)
    today = timezone.localdate()
    page = ActiviteitPageFactory(
        parent=agenda, start_datum=today, recurrence=rule("RRULE:FREQ=DAILY"), vervalt_op_feestdagen=True
    )
    day = next(
        today + dt.timedelta(days=n) for n in range(1, 400) if holiday_name(today + dt.timedelta(days=n))
    )
    (schedule,) = service_of(client, page)["schedules"]
    assert schedule["freq"] == "WEEKLY" and schedule["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    (holiday,) = [e for e in schedule["x_exceptions"] if e["date"] == day.isoformat()]
    assert holiday["status"] == "vervalt" and holiday_name(day) in holiday["note"]


RULES = [
    "RRULE:FREQ=WEEKLY;BYDAY=TU",
    "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    "RRULE:FREQ=MONTHLY;BYDAY=+2TU",
    "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=31",
    "RRULE:FREQ=DAILY",
    "RRULE:FREQ=DAILY;INTERVAL=14",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=WE",
    "RRULE:FREQ=WEEKLY;BYDAY=FR\nEXDATE:{next_friday}T000000",
    "RRULE:FREQ=WEEKLY;BYDAY=TU\nRDATE:{next_friday}T000000",
]


@pytest.mark.parametrize("text", RULES)
def test_hsds_rule_fields_give_the_same_dates_as_the_agenda(client, home, text):
    """A consumer who expands freq/interval/byday/bymonthday/count/until from dtstart, leaves out the
    'vervalt' dates of x_exceptions and adds the one-day schedules, gets exactly the agenda's dates."""
    agenda = AgendaPageFactory(parent=home)
    today = timezone.localdate()
    next_friday = today + dt.timedelta(days=(4 - today.weekday()) % 7 + 7)
    page = ActiviteitPageFactory(
        parent=agenda,
        start_datum=today - dt.timedelta(days=30),
        recurrence=rule(text.format(next_friday=f"{next_friday:%Y%m%d}")),
        slots=[(dt.time(10), dt.time(12))],
    )
    start, end = window(today)
    agenda_dates = {p.datum for p in expand(Schedule.from_page(page), start, end) if p.status != "vervalt"}
    first, last = start.date() - dt.timedelta(days=1), end.date()
    got = set()
    for schedule in service_of(client, page)["schedules"]:
        dtstart = dt.datetime.fromisoformat(schedule["dtstart"])
        if "freq" in schedule:
            parts = [f"FREQ={schedule['freq']}", f"INTERVAL={schedule['interval']}"]
            parts += [
                f"{key.upper()}={schedule[key]}"
                for key in ("byday", "bymonthday", "count")
                if key in schedule
            ]
            if "until" in schedule:
                parts.append(f"UNTIL={schedule['until'].replace('-', '')}T235959")
            days = {
                d.date()
                for d in rrulestr(";".join(parts), dtstart=dtstart).between(
                    dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True
                )
            } | {dtstart.date()}
        else:
            assert "x_rrule" not in schedule  # a rule is only left without freq when HSDS cannot write it
            days = {dtstart.date()}
        days -= {
            dt.date.fromisoformat(e["date"]) for e in schedule["x_exceptions"] if e["status"] == "vervalt"
        }
        got |= {d for d in days if start.date() <= d < end.date()}
    assert got == {d for d in agenda_dates if start.date() <= d < end.date()}


def test_a_rule_hsds_cannot_write_has_no_freq_but_keeps_its_exact_rrule(client, portal):
    (schedule,) = service_of(client, portal.om_de_drie_dagen)["schedules"]
    assert "freq" not in schedule and "byday" not in schedule
    assert schedule["x_rrule"] == "FREQ=DAILY;INTERVAL=3"
    assert schedule["description"] == "Elke 3 dagen, 20:00–21:00"
    (place,) = service_of(client, portal.om_de_drie_dagen)["service_at_locations"]
    assert place["location"]["location_type"] == "virtual"


def test_two_time_slots_are_two_schedules_and_a_one_off_is_one_day(client, portal):
    spreekuur = service_of(client, portal.spreekuur)
    assert [(s["opens_at"], s["byday"]) for s in spreekuur["schedules"]] == [
        ("10:00", "2TU"),
        ("14:00", "2TU"),
    ]
    assert "DigiD aanvragen" in spreekuur["description"]
    assert [a["taxonomy_term"]["code"] for a in spreekuur["attributes"] if a["link_type"] == "soort"] == [
        "spreekuur"
    ]
    (camping,) = service_of(client, portal.camping)["schedules"]
    start = portal.camping.start_datum
    assert camping["valid_from"] == camping["dtstart"] == start.isoformat()
    assert camping["valid_to"] == (start + dt.timedelta(days=1)).isoformat()
    assert "freq" not in camping and "x_rrule" not in camping


def test_location_has_address_accessibility_opening_hours_and_host(client, portal):
    location = get(client, f"/locations/{portal.tulp.translation_key}")
    (address,) = location["addresses"]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"]) == (
        "Tulpenstraat 14",
        "2033 KN",
        "Haarlem",
        "NL",
    )
    assert address["region"] == "Oost"
    assert (location["latitude"], location["longitude"]) == (52.3812, 4.6567)
    descriptions = [a["description"] for a in location["accessibility"]]
    assert "Toegankelijk met rolstoel" in descriptions and "Ringleiding" in descriptions
    assert "Lift" not in descriptions
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in location["schedules"]] == [
        ("MO", "09:00", "17:00"),
        ("WE", "13:00", "21:00"),
    ]
    assert location["contacts"][0]["email"] == "detulp@example.nl"


def test_initiative_is_a_service_with_its_initiator_name_but_no_contact_address(client, portal):
    service = service_of(client, portal.moestuin)
    assert service["contacts"] == [
        {
            "id": service["contacts"][0]["id"],
            "service_id": service["id"],
            "name": "Bewoners van de Tulpenstraat",
            "title": "Initiatiefnemer",
        }
    ]
    assert "email" not in service and "Iemand die op zaterdag water geeft" in service["description"]
    assert "formulier op de pagina" in service["application_process"]  # a resident left an address for it
    portal.moestuin.bijdragen.all().delete()
    assert "sociaal makelaar" in service_of(client, portal.moestuin)["application_process"]


def test_ids_stay_the_same_between_requests_and_after_publishing_again(client, portal):
    before = get(client, "/services")
    publish(portal.restaurant)
    after = get(client, "/services")
    assert ids(before) == ids(after)
    assert [s["id"] for group in walk(before, "schedules") for s in group] == [
        s["id"] for group in walk(after, "schedules") for s in group
    ]
    assert len(set(ids(after))) == len(ids(after))


# --- What never appears ------------------------------------------------------------------------------


def test_no_personal_data_of_residents_appears_anywhere(client, portal):
    bodies = []
    for path in ("/services", "/organizations", "/locations", "/taxonomy_terms"):
        listing = get(client, path, per_page=100)
        bodies.append(json.dumps(listing, ensure_ascii=False))
        for item_id in ids(listing):
            bodies.append(json.dumps(get(client, f"{path}/{item_id}"), ensure_ascii=False))
    text = "\n".join(bodies)
    for private in PRIVATE:
        assert private not in text
    assert "buurtrestaurant@example.nl" in text  # the contact an editor published on the page is public


def test_drafts_private_sections_and_translations_are_left_out(client, portal):
    names = set(by_name(get(client, "/services", per_page=100)))
    assert names == {"Buurtrestaurant", "Digitaal Sterk", "Buurtcamping", "Online taalcafé", "Buurtmoestuin"}
    for page in portal.hidden:
        get(client, f"/services/{page.translation_key}", status=404)
    # A translation is the same service as its Dutch original: same id, Dutch text.
    assert portal.translation.translation_key == portal.restaurant.translation_key
    assert service_of(client, portal.translation)["name"] == "Buurtrestaurant"


# --- Filters and pagination --------------------------------------------------------------------------


def test_wijk_thema_and_doelgroep_filters_narrow_the_services(client, portal):
    everything = {"Buurtrestaurant", "Buurtmoestuin", "Digitaal Sterk", "Buurtcamping", "Online taalcafé"}
    assert set(by_name(get(client, "/services", wijk="oost"))) == everything  # city-wide ones count too
    assert set(by_name(get(client, "/services", wijk="schalkwijk"))) == {
        "Digitaal Sterk",
        "Buurtcamping",
        "Online taalcafé",
    }
    assert set(by_name(get(client, "/services", thema="eten-en-drinken"))) == {"Buurtrestaurant"}
    assert set(by_name(get(client, "/services", thema=["eten-en-drinken", "ontmoeting"]))) == {
        "Buurtrestaurant",
        "Buurtcamping",
        "Buurtmoestuin",
    }
    assert set(by_name(get(client, "/services", doelgroep="ouderen", wijk="oost"))) == {"Buurtrestaurant"}
    assert set(by_name(get(client, "/locations", wijk="oost"))) == {"Buurthuis De Tulp"}
    assert set(by_name(get(client, "/organizations", wijk="schalkwijk"))) == set()


def test_hsds_id_filters_find_services_by_term_taxonomy_and_organization(client, portal):
    terms = {t["code"]: t for t in get(client, "/taxonomy_terms")["contents"]}
    spreekuren = get(client, "/services", taxonomy_term_id=terms["spreekuur"]["id"])
    assert set(by_name(spreekuren)) == {"Digitaal Sterk"}
    with_doelgroep = get(client, "/services", taxonomy_id=terms["ouderen"]["taxonomy_id"])
    assert set(by_name(with_doelgroep)) == {"Buurtrestaurant"}
    by_org = get(client, "/services", organization_id=str(portal.wijkteam.translation_key))
    assert set(by_name(by_org)) == {"Buurtrestaurant"}
    only_themas = get(client, "/taxonomy_terms", taxonomy_id=terms["ouderen"]["taxonomy_id"])
    assert [t["code"] for t in only_themas["contents"]] == ["ouderen"]


def test_modified_after_returns_what_was_published_since_and_what_it_shows(client, portal):
    assert get(client, "/services", modified_after="2999-01-01")["total_items"] == 0
    moment = timezone.now()
    assert get(client, "/services", modified_after=moment.isoformat())["total_items"] == 0
    publish(portal.moestuin)
    publish(portal.badhuis)  # the place of Digitaal Sterk: its nested location changed
    assert set(by_name(get(client, "/services", modified_after=moment.isoformat()))) == {
        "Buurtmoestuin",
        "Digitaal Sterk",
    }
    assert set(by_name(get(client, "/locations", modified_after=moment.isoformat()))) == {"Het Badhuis"}
    assert get(client, "/services", modified_after=timezone.localdate().isoformat())["total_items"] == 5


def test_pages_follow_the_hsds_page_object(client, portal):
    first = get(client, "/services", per_page=2)
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (5, 3, 1, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = get(client, "/services", per_page=2, page=3)
    assert (last["size"], last["first_page"], last["last_page"]) == (1, False, True)
    every = ids(first) + ids(get(client, "/services", per_page=2, page=2)) + ids(last)
    assert every == ids(get(client, "/services", per_page=100))
    none = get(client, "/services", modified_after="2999-01-01")
    assert none["empty"] and none["contents"] == [] and none["total_pages"] == 1


# --- Bad input: a 400 with a Dutch message, never a 500 ---------------------------------------------


BAD = [
    ("/services", {"page": "0"}, "page moet een heel getal"),
    ("/services", {"page": "-1"}, "page moet een heel getal"),
    ("/services", {"page": "twee"}, "page moet een heel getal"),
    ("/services", {"page": "1.5"}, "page moet een heel getal"),
    ("/services", {"page": "9" * 40}, "page moet een heel getal"),
    ("/services", {"page": ""}, "page moet een heel getal"),
    ("/services", {"page": "9"}, "Pagina 9 bestaat niet. Er is 1 pagina."),
    ("/services", {"page": ["1", "2"]}, "Geef page maar één keer mee."),
    ("/services", {"per_page": "0"}, "per_page moet een heel getal van 1 tot en met 100"),
    ("/services", {"per_page": "101"}, "per_page moet een heel getal van 1 tot en met 100"),
    ("/services", {"per_page": "veel"}, "per_page moet"),
    ("/services", {"modified_after": "gisteren"}, "modified_after moet een datum of tijdstip zijn"),
    ("/services", {"modified_after": "2026-13-01"}, "modified_after moet een datum"),
    ("/services", {"modified_after": "2026-02-30T10:00"}, "modified_after moet een datum"),
    ("/services", {"modified_after": "0001-01-01T00:00:00+01:00"}, "modified_after moet een datum"),
    ("/services", {"modified_after": "2026-03-01T09:00:00 01:00"}, "schrijf je als %2B"),
    ("/services", {"modified_after": "2026\x00"}, "modified_after moet een datum"),
    (
        "/services",
        {"wijk": "bestaat-niet"},
        "De wijk 'bestaat-niet' bestaat niet. Kies uit: oost, schalkwijk.",
    ),
    ("/services", {"wijk": ["oost", "nergens"]}, "De wijk 'nergens' bestaat niet"),
    ("/services", {"wijk": "oo\x00st"}, "De wijk 'oost' bestaat niet"),
    ("/services", {"wijk": ""}, "Vul bij wijk een waarde in"),
    ("/services", {"thema": "koken"}, "Het thema 'koken' bestaat niet. Kies uit:"),
    ("/services", {"doelgroep": "robots"}, "De doelgroep 'robots' bestaat niet"),
    ("/services", {"taxonomy_term_id": "abc"}, "Er is geen taxonomy_term met id 'abc'"),
    ("/services", {"taxonomy_term_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2"}, "Er is geen taxonomy_term"),
    ("/services", {"taxonomy_id": "abc"}, "Er is geen taxonomy met id"),
    ("/services", {"organization_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2"}, "Er is geen organisatie"),
    ("/services", {"format": "ndjson"}, "Alleen format=json kan."),
    ("/services", {"zoek": "koffie"}, "De parameter 'zoek' bestaat niet. Hier kan:"),
    ("/services", {"\x00": "1"}, "bestaat niet"),
    ("/organizations", {"thema": "ontmoeting"}, "De parameter thema kan niet bij /organizations."),
    ("/locations", {"doelgroep": "ouderen"}, "De parameter doelgroep kan niet bij /locations."),
    ("/taxonomies", {"wijk": "oost"}, "De parameter wijk kan niet bij /taxonomies."),
    ("/taxonomy_terms", {"modified_after": "2026-01-01"}, "kan niet bij /taxonomy_terms"),
    ("/services/abc", {}, "'abc' is geen geldige id. Een id is een UUID"),
    ("/services/%00", {}, "is geen geldige id"),
    ("/locations/" + "9" * 40, {}, "is geen geldige id"),
    ("/services/3f7b145d-84af-42d7-8fae-eaca714b02b2", {"page": "2"}, "De parameter page kan niet bij"),
]


@pytest.mark.parametrize(("path", "params", "message"), BAD, ids=[f"{p} {q}" for p, q, _m in BAD])
def test_bad_parameters_get_a_400_with_a_dutch_message(client, tags, path, params, message):
    data = get(client, path, status=400, **params)
    assert message in data["message"]
    assert data["status"] == 400 and data["errors"][0]["message"] in data["message"]


def test_two_bad_parameters_are_both_named(client, tags):
    data = get(client, "/services", status=400, page="0", wijk="nergens")
    assert [e["parameter"] for e in data["errors"]] == ["page", "wijk"]


def test_unknown_ids_and_addresses_get_a_json_404_and_writing_a_405(client, tags):
    missing = "3f7b145d-84af-42d7-8fae-eaca714b02b2"
    for path in ("services", "organizations", "locations", "taxonomies", "taxonomy_terms"):
        assert "bestaat niet" in get(client, f"/{path}/{missing}", status=404)["message"]
    assert "Dit adres bestaat niet" in get(client, "/diensten", status=404)["message"]
    response = client.post(API + "/services", {})
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert "alleen lezen" in response.json()["message"]


def test_detail_with_and_without_a_trailing_slash_and_head(client, portal):
    path = f"{API}/services/{portal.restaurant.translation_key}"
    assert client.get(path).json() == client.get(path + "/").json()
    head = client.head(path)
    assert head.status_code == 200 and head["ETag"] == client.get(path)["ETag"]
    assert client.get(path)["Access-Control-Allow-Origin"] == "*"


# --- ETags ---------------------------------------------------------------------------------------------


def test_if_none_match_gets_a_304_without_loading_the_services(client, portal):
    first = client.get(API + "/services")
    etag = first["ETag"]
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(API + "/services", HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304 and cached.content == b""
    assert cached["ETag"] == etag
    assert not [q for q in queries.captured_queries if "tijdslot" in q["sql"] or "uitzondering" in q["sql"]]
    assert client.get(API + "/services", {"wijk": "oost"})["ETag"] != etag


def test_the_etag_changes_when_a_page_is_published_or_a_thema_renamed(client, portal):
    etag = client.get(API + "/services")["ETag"]
    portal.restaurant.title = "Buurtrestaurant De Tulp"
    publish(portal.restaurant)
    changed = client.get(API + "/services", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and "Buurtrestaurant De Tulp" in by_name(changed.json())
    etag = changed["ETag"]
    portal.eten.naam = "Eten"
    portal.eten.save()
    renamed = client.get(API + "/services", HTTP_IF_NONE_MATCH=etag)
    assert renamed.status_code == 200 and renamed["ETag"] != etag
    portal.moestuin.bijdragen.update(email="")  # an AVG erasure: the initiative loses its contact form
    erased = client.get(API + "/services", HTTP_IF_NONE_MATCH=renamed["ETag"])
    assert erased.status_code == 200
    portal.restaurant.unpublish()
    assert client.get(API + "/services", HTTP_IF_NONE_MATCH=erased["ETag"]).status_code == 200


# --- Query counts do not grow with the data --------------------------------------------------------------


def add_services(agenda, initiatieven, locatie, organisatie, thema, wijk, count, bulk=False):
    """``count`` services: mostly activities, every 7th a spreekuur, every 10th an initiative, in that
    order of ids. Tags, languages and exceptions in bulk; with ``bulk`` the pages too (``tests/bulk.py``,
    with the factories' fields), so 1,000 take a second or two."""
    kinds = [
        InitiatiefPage if i % 10 == 9 else SpreekuurPage if i % 7 == 6 else ActiviteitPage
        for i in range(count)
    ]
    if bulk:
        activiteit = {"locatie": locatie, "organisator": organisatie, "adres_vrij": "", "heel_de_stad": True}
        activiteit |= {"start_datum": dt.date(2025, 3, 4), "vervalt_op_feestdagen": False}
        initiatief = {
            "initiatiefnemer": "Bewoners van de Tulpstraat",
            "status": "loopt",
            "heel_de_stad": True,
        }
        made = add_page_sequence(
            (initiatieven, kind, initiatief)
            if kind is InitiatiefPage
            else (agenda, kind, activiteit | {"recurrence": rule("RRULE:FREQ=WEEKLY;BYDAY=TU")})
            for kind in kinds
        )
        add_slots([p for p in made if isinstance(p, AgendaItemPage)])  # the factories' 19:00-21:00
    else:
        factories = {ActiviteitPage: ActiviteitPageFactory, SpreekuurPage: SpreekuurPageFactory}
        made = [
            InitiatiefPageFactory(parent=initiatieven, heel_de_stad=True)
            if kind is InitiatiefPage
            else factories[kind](parent=agenda, locatie=locatie, organisator=organisatie, adres_vrij="")
            for kind in kinds
        ]
    agenda_items = [p for p in made if isinstance(p, AgendaItemPage)]
    add_tags(agenda_items, "themas", [thema])
    add_tags(agenda_items, "wijken", [wijk])
    add_tags([p for p in made if isinstance(p, InitiatiefPage)], "themas", [thema])
    Uitzondering.objects.bulk_create(
        Uitzondering(page_id=p.pk, datum=p.start_datum + dt.timedelta(days=7), soort="vervalt")
        for p in agenda_items
    )
    Tijdslot.objects.bulk_create(
        Tijdslot(page_id=p.pk, start_tijd=dt.time(9), eind_tijd=dt.time(10), sort_order=1)
        for p in agenda_items
    )


def test_services_query_count_is_the_same_at_10_and_at_1000_services(client, home, django_assert_num_queries):
    agenda, initiatieven = AgendaPageFactory(parent=home), InitiatievenIndexPageFactory(parent=home)
    wijk, thema = WijkFactory(naam="Oost"), ThemaFactory(naam="Eten")
    locatie = LocatiePageFactory(parent=LocatiesIndexPageFactory(parent=home), wijk=wijk)
    OpeningstijdFactory(page=locatie)
    organisatie = OrganisatiePageFactory(parent=OrganisatiesIndexPageFactory(parent=home), wijken=[wijk])
    add_services(agenda, initiatieven, locatie, organisatie, thema, wijk, 10)
    params = {"per_page": 100, "wijk": "oost", "thema": thema.slug}
    assert get(client, "/services", **params)["total_items"] == 10  # also warms the per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(API + "/services", params)
    add_services(agenda, initiatieven, locatie, organisatie, thema, wijk, 990, bulk=True)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(API + "/services", params)
    data = response.json()
    assert data["total_items"] == 1000 and data["size"] == 100
    kinds = {
        a["taxonomy_term"]["code"]
        for s in data["contents"]
        for a in s["attributes"]
        if a["link_type"] == "soort"
    }
    assert kinds == {"activiteit", "spreekuur", "initiatief"}


@pytest.mark.parametrize("path", ["/locations", "/organizations"])
def test_locations_and_organizations_query_count_does_not_grow(client, home, django_assert_num_queries, path):
    wijk = WijkFactory(naam="Oost")
    locaties = LocatiesIndexPageFactory(parent=home)
    organisaties = OrganisatiesIndexPageFactory(parent=home)

    def add(n):
        for _ in range(n):
            if path == "/locations":
                OpeningstijdFactory(
                    page=LocatiePageFactory(parent=locaties, wijk=wijk, telefoon="023 555 00 00")
                )
            else:
                OrganisatiePageFactory(parent=organisaties, wijken=[wijk], telefoon="023 555 00 00")

    add(10)
    client.get(API + path, {"per_page": 100})
    with CaptureQueriesContext(connection) as few:
        client.get(API + path, {"per_page": 100, "wijk": "oost"})
    add(140)
    with django_assert_num_queries(len(few.captured_queries)):
        data = client.get(API + path, {"per_page": 100, "wijk": "oost"}).json()
    assert data["total_items"] == 150 and data["size"] == 100
