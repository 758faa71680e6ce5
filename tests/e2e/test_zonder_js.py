"""Without JavaScript a resident can still browse, filter the agenda and send an idea (the slip without
JavaScript: tests/e2e/test_verwijzen.py); and the idea form works with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from initiatieven.models import Idee

pytestmark = pytest.mark.e2e

IDEE_ZONDER_JS = "Een boekenkastje bij de bushalte"
IDEE_TOETSENBORD = "Samen de speeltuin opknappen"


def test_without_javascript_browse_filter_the_agenda_and_send_an_idea(demo_server, browser, settings):
    settings.PORTAL_FORM_MIN_SECONDS = 0
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_server.url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Agenda").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Agenda")

    page.locator("summary.filters__summary").click()  # <details> opens without JavaScript
    page.get_by_label(re.compile(r"^Schalkwijk")).check()
    page.get_by_role("button", name="Toon activiteiten").click()
    expect(page).to_have_url(re.compile(r"wijk=schalkwijk"))
    first = page.locator("#resultaten-titel")
    expect(first).to_contain_text("keer iets te doen")

    page.locator(".card__title a").first.click()
    expect(page.get_by_role("link", name="Print een briefje")).to_be_visible()

    page.goto(demo_server.url + "/meedoen/idee/")
    page.get_by_label("Wat is je idee?").fill(IDEE_ZONDER_JS)
    page.get_by_role("radio", name="Schalkwijk").check()
    page.get_by_label("Je naam").fill("Kees de Boer")
    page.get_by_label("Je e-mailadres").fill("kees@example.org")
    page.get_by_label("Ja, de sociaal makelaar mag mijn gegevens gebruiken").check()
    page.get_by_role("button", name="Idee versturen").click()
    expect(page.get_by_text("5 werkdagen").first).to_be_visible()
    assert Idee.objects.filter(idee=IDEE_ZONDER_JS, wijk__slug="schalkwijk").exists()
    context.close()


def tab_to(page, selector, limit=80):
    """Press Tab until ``selector`` has the focus, as a keyboard user moves through the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_an_idea_can_be_sent_with_the_keyboard_alone(demo_server, desktop, settings):
    settings.PORTAL_FORM_MIN_SECONDS = 0
    page = desktop
    page.goto(demo_server.url + "/meedoen/idee/")
    tab_to(page, "textarea[name=idee]")
    page.keyboard.type(IDEE_TOETSENBORD)
    tab_to(page, "input[name=wijk]")
    for _ in range(10):  # arrow keys move through a radio group
        if page.evaluate("document.activeElement.labels[0].textContent").strip().startswith("Schalkwijk"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    tab_to(page, "input[name=naam]")
    page.keyboard.type("Amal Haddad")
    tab_to(page, "input[name=email]")
    page.keyboard.type("amal@example.org")
    tab_to(page, "input[type=checkbox][name=toestemming]")
    page.keyboard.press("Space")
    tab_to(page, "form.meedoen-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("5 werkdagen").first).to_be_visible()
    assert Idee.objects.filter(idee=IDEE_TOETSENBORD, wijk__slug="schalkwijk", naam="Amal Haddad").exists()
