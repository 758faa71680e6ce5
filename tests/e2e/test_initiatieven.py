"""A resident on a phone looks for an initiative in their wijk that needs help, and opens it."""

import re

import pytest
from playwright.sync_api import expect

from initiatieven.models import InitiatiefPage

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.e2e


def test_find_an_initiative_in_schalkwijk_that_needs_help_on_a_phone(demo_server, phone, axe):
    wanted = sorted(
        p.title
        for p in InitiatiefPage.objects.live().prefetch_related("wijken", "behoeften")
        if p.zoekt_hulp and (p.heel_de_stad or "schalkwijk" in {w.slug for w in p.wijken.all()})
    )
    assert len(wanted) >= 2  # the demo has something to find

    page = phone
    page.goto(demo_server.url + "/initiatieven/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewonersinitiatieven")
    expect(page.get_by_role("link", name="Meld je initiatief aan")).to_have_attribute(
        "href", "/meedoen/initiatief/"
    )
    assert_no_axe_violations(axe, page)

    page.locator("summary.filters__summary").click()
    page.get_by_label(re.compile(r"^Alleen initiatieven die hulp zoeken")).check()
    page.get_by_role("group", name="Wijk").get_by_label(re.compile(r"^Schalkwijk")).check()
    page.get_by_role("button", name="Toon initiatieven").click()

    expect(page).to_have_url(re.compile(r"zoekt_hulp=on.*wijk=schalkwijk"))
    cards = page.locator("article.card--initiatief")
    expect(cards).to_have_count(len(wanted))
    titles = sorted(cards.locator(".card__title").all_inner_texts())
    assert titles == wanted
    for card in cards.all():
        expect(card.get_by_text("Zoekt hulp")).to_be_visible()
    expect(page.get_by_role("heading", name=f"{len(wanted)} initiatieven gevonden")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Buurtmoestuin De Ringvaart").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buurtmoestuin De Ringvaart")
    expect(page.get_by_role("heading", name="Wat we zoeken")).to_be_visible()
    expect(page.get_by_text("Mensen die helpen").first).to_be_visible()
    expect(page.get_by_role("heading", name="Activiteiten in de agenda")).to_be_visible()
    expect(page.get_by_text(re.compile("Volgende keer:")).first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Ik wil helpen").click()
    expect(page).to_have_url(re.compile(r"#bericht$"))
