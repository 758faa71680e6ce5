"""The sociaal makelaar's queue in chromium: a resident sends an idea, the Schalkwijk makelaar sees it and
the Oost makelaar does not, a status change e-mails the resident, and the idea becomes a draft initiative."""

import pytest
from playwright.sync_api import expect

from django.core import mail

from initiatieven.models import Idee, InitiatiefPage

from ..helpers import browser_login as login
from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.e2e

IDEE = "Een ruilkast voor kinderkleding in de hal van de flat"


def test_idea_reaches_the_right_makelaar_and_becomes_a_draft_initiative(
    demo_server, phone, browser, axe, settings
):
    settings.PORTAL_FORM_MIN_SECONDS = 1
    base = demo_server.url

    # 1. A resident sends an idea from a phone.
    page = phone
    page.goto(base + "/meedoen/idee/")
    assert_no_axe_violations(axe, page)
    page.get_by_label("Wat is je idee?").fill(IDEE)
    page.get_by_label("Wat is er nodig? (mag leeg)").fill("Een kast en iemand die hem ophangt")
    page.get_by_role("radio", name="Schalkwijk").check()
    page.get_by_label("Je naam").fill("Nadia Bakkali")
    page.get_by_label("Je e-mailadres").fill("nadia@example.org")
    page.get_by_label("Ja, de sociaal makelaar mag mijn gegevens gebruiken").check()
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Schalkwijk").first).to_be_visible()
    expect(page.get_by_text("5 werkdagen").first).to_be_visible()
    assert_no_axe_violations(axe, page)
    idee = Idee.objects.get(idee=IDEE)
    # The Schalkwijk makelaar is told; the Oost makelaar is not.
    told = {address for m in mail.outbox if m.subject.startswith("Nieuw idee") for address in m.to}
    assert told and "olaf@huisvandewijk.example.nl" not in told

    # 2. The Oost makelaar does not see it; the Schalkwijk makelaar does.
    oost = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    login(oost, base, "makelaar-oost")
    oost.goto(base + "/admin/ideeen/")
    expect(oost.get_by_role("heading", name="Ideeën")).to_be_visible()
    expect(oost.get_by_text(IDEE)).to_have_count(0)
    response = oost.goto(f"{base}/admin/ideeen/inspect/{idee.pk}/")
    assert response.status == 404
    oost.context.close()

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    login(desk, base, "makelaar-schalkwijk")
    expect(desk.get_by_role("heading", name="Wat speelt er?")).to_be_visible()
    desk.goto(base + "/admin/ideeen/")
    desk.get_by_role("link", name=IDEE).click()

    # 3. A status change e-mails the resident.
    mail.outbox.clear()
    desk.get_by_label("Status", exact=True).select_option("in_gesprek")
    desk.get_by_role("button", name="Status opslaan").click()
    expect(desk.get_by_text("Status is nu: In gesprek.")).to_be_visible()
    (message,) = [m for m in mail.outbox if m.to == ["nadia@example.org"]]
    assert "Schalkwijk" in message.body

    # 4. The idea becomes a draft initiative, opened in the page editor.
    desk.get_by_role("button", name="Maak er een initiatief van").click()
    expect(desk.get_by_text("Er is een concept-initiatief gemaakt")).to_be_visible()
    initiatief = InitiatiefPage.objects.get(ideeen=idee)
    assert not initiatief.live
    assert f"/admin/pages/{initiatief.pk}/edit/" in desk.url
    desk.context.close()
