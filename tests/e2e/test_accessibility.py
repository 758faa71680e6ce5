"""WCAG 2.2 AA, checked by axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) in chromium: every public
template and state, in every language, must have 0 violations.

Each language is one test on one demo load, visiting every page on a phone: the page's look and its axe
result do not depend on the database, so PostgreSQL's run checks Dutch and Arabic only (the default
language and the right-to-left one) and SQLite's run all five.
"""

import pytest
from playwright.sync_api import expect

from django.db import connection

from activiteiten.models import ActiviteitPage, SpreekuurPage
from initiatieven.models import InitiatiefPage
from portal.models import LocatiePage, OrganisatiePage

from .conftest import axe_violations

pytestmark = pytest.mark.e2e

LANGUAGES = ["nl", "en", "tr", "ar", "pl"]
NOTHING = "gratis=on&inloop=on"
DAYTIME_FREE = "dagdeel=overdag&gratis=1"
FORMS = [
    "/meedoen/idee/",
    "/meedoen/talent/",
    "/meedoen/activiteit/",
    "/meedoen/initiatief/",
    "/meedoen/nieuwe-link/",
]
EMPTY_ALL = (
    "document.querySelectorAll('main form').forEach(f => f.noValidate = true);"
    "document.querySelectorAll('main form input[type=text], main form input[type=email], main form textarea')"
    ".forEach(e => e.value = '')"
)


def prefixed(code, path):
    return path if code == "nl" else f"/{code}{path}"


def pages_to_check(demo):
    """(name, path) of every public template and state, the forms' error states aside."""
    dutch = {"locale__language_code": "nl"}  # the Dutch pages; prefixed() gives their address per language
    activiteit = ActiviteitPage.objects.live().filter(**dutch).first()
    spreekuur = SpreekuurPage.objects.live().filter(**dutch).first()
    locatie = LocatiePage.objects.live().filter(**dutch).first()
    organisatie = OrganisatiePage.objects.live().filter(**dutch).first()
    initiatief = InitiatiefPage.objects.live().filter(**dutch).first()
    wijk_slug = "schalkwijk"
    return [
        ("home", "/"),
        ("agenda", "/agenda/"),
        ("agenda met filters", f"/agenda/?wijk={wijk_slug}&gratis=on&dagdeel=ochtend"),
        (
            "agenda zonder resultaat",
            f"/agenda/?wijk={wijk_slug}&thema=cultuur&dagdeel=avond&gratis=on&inloop=on",
        ),
        ("activiteit", activiteit.url),
        ("spreekuur", spreekuur.url),
        ("wijken", "/wijken/"),
        ("wijk", f"/wijken/{wijk_slug}/"),
        ("locaties", "/locaties/"),
        ("locatie", locatie.url),
        ("organisaties", "/organisaties/"),
        ("organisatie", organisatie.url),
        ("initiatieven", "/initiatieven/"),
        ("initiatief", initiatief.url),
        ("meedoen", "/meedoen/"),
        *[(f"formulier {path}", path) for path in FORMS],  # /meedoen/nieuwe-link/ among them
        ("bedankt", "/meedoen/bedankt/"),
        ("ontvangen", "/meedoen/ontvangen/"),
        ("verwijzen", "/verwijzen/"),
        (
            "verwijzen met resultaten",
            f"/verwijzen/?hulpvraag=eenzaam&wijk={wijk_slug}&dagdeel=overdag&gratis=1",
        ),
        ("verwijsbriefje", f"/verwijzen/briefje/{activiteit.pk}/"),
        ("poster", f"/verwijzen/poster/{activiteit.pk}/"),
        ("zoeken met resultaten", "/zoeken/?q=koffie"),
        ("zoeken zonder resultaat", "/zoeken/?q=xylofoonorkest"),
        ("toegankelijkheid", "/toegankelijkheid/"),
        ("404", "/bestaat-niet/"),
    ]


def resident_pages(demo):
    """(name, path, form selector) of what a resident reaches by link: the edit link of a live initiative
    (its page, and the change form) and of a proposal that waits for the redactie, and an initiative's
    contact form. Each form is also sent empty for its error state."""
    from initiatieven.meedoen.tokens import edit_path
    from initiatieven.models import Bijdrage

    live = Bijdrage.objects.filter(page__live=True, soort="initiatief").exclude(email="").first()
    waiting = Bijdrage.objects.filter(status="wacht", soort="activiteit").exclude(email="").first()
    with_contact = next(
        p for p in InitiatiefPage.objects.live().filter(locale__language_code="nl") if p.contact_address()
    )
    return [
        ("bewerken (initiatief)", edit_path(live), None),
        ("wijzigen (initiatief)", edit_path(live) + "wijzigen/", "main form[method=post]"),
        ("bewerken (wacht op de redactie)", edit_path(waiting), None),
        ("initiatief met contactformulier", with_contact.url, "#bericht form"),
        ("initiatief: bericht verstuurd", with_contact.url + "?bericht=verstuurd", None),
        ("ongeldige link", f"/meedoen/bewerken/{live.page_id}/verlopen-of-fout/", None),
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_template_and_state_has_no_axe_violations(demo_server, phone, axe, settings, code):
    if connection.vendor == "postgresql" and code not in ("nl", "ar"):
        pytest.skip("axe checks every language on SQLite; the pages do not depend on the database")
    settings.PORTAL_FORM_MIN_SECONDS = 0
    base = demo_server.url
    page = phone
    failures = []
    checked = []

    def check(name):
        expect(page.locator("html")).to_have_attribute("lang", code)
        violations, result = axe_violations(axe, page)
        checked.append(name)
        if violations:
            failures.append(f"{name} ({page.url}):\n{result.generate_report()}")

    for name, path in pages_to_check(demo_server):
        page.goto(base + prefixed(code, path))
        check(name)

    for path in FORMS:  # the error state: sent empty, the browser's own checks switched off
        page.goto(base + prefixed(code, path))
        page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
        page.locator("main form[method=post] [type=submit]").first.click()
        page.wait_for_load_state()
        assert page.locator(".error-summary, [role=alert]").count(), f"{path}: no error summary"
        check(f"foutmeldingen {path}")

    page.goto(base + prefixed(code, "/meedoen/nieuwe-link/"))
    page.locator("main form input[type=email]").fill("bewoner@example.org")
    page.locator("main form[method=post] [type=submit]").first.click()
    page.wait_for_load_state()
    check("nieuwe link verstuurd")

    extra = resident_pages(demo_server)
    for name, path, form in extra:
        page.goto(base + prefixed(code, path))
        check(name)
        if form:
            page.evaluate(EMPTY_ALL)
            page.locator(f"{form} [type=submit]").first.click()
            page.wait_for_load_state()
            assert page.locator(".error-summary, [role=alert], .field--error").count(), f"{name}: no errors"
            check(f"foutmeldingen {name}")

    expected = len(pages_to_check(demo_server)) + len(FORMS) + 1 + len(extra) + sum(1 for e in extra if e[2])
    assert len(checked) == expected
    assert not failures, "\n\n".join(failures)
