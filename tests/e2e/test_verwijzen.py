"""A social worker finds an activity for a client, prints a slip in the client's language, and shares it.

The QR code is read back from a screenshot of the printed slip with Debian's zbarimg (zbar-tools).
"""

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from activiteiten.models import ActiviteitPage
from home.verwijzen.models import VerwijzingTelling
from portal.translations import url_in_language

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.e2e


def zbarimg(path):
    """The text of every QR code in the image, read by a real decoder."""
    binary = shutil.which("zbarimg")
    if not binary:
        pytest.fail("zbarimg is missing: install Debian's zbar-tools (make system-deps).")
    result = subprocess.run([binary, "--raw", "-q", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"no QR code found in {path}: {result.stderr}"
    return result.stdout.strip().splitlines()


def counts(page):
    return dict(VerwijzingTelling.objects.filter(page=page).values_list("soort", "aantal"))


def test_find_an_activity_print_a_turkish_slip_and_read_its_qr_code(demo_server, desktop, axe, tmp_path):
    page = desktop
    # Headless chromium has no print dialog: note that print.js asked for one.
    page.add_init_script("window.printed = 0; window.print = function () { window.printed += 1; };")

    # The finder: a lonely client in Schalkwijk, during the day, nothing that costs money.
    page.goto(demo_server.url + "/verwijzen/")
    page.get_by_label(re.compile(r"^Eenzaam")).check()
    page.get_by_label("Wijk", exact=True).select_option(label="Schalkwijk")
    page.get_by_label(re.compile(r"^Overdag")).check()
    page.locator("#vraag").get_by_label("Gratis", exact=True).check()
    page.get_by_role("button", name="Zoek wat past").click()
    expect(page).to_have_url(re.compile(r"hulpvraag=eenzaam.*wijk=schalkwijk"))

    first = page.locator(".finder-result--activiteit").first
    title = first.locator(".card__title").inner_text().strip()
    activity = ActiviteitPage.objects.live().get(title=title, locale__language_code="nl")
    # The Turkish slip leads to the Turkish site: the translation, or the Dutch page with a Turkish notice.
    expected_url = demo_server.url + url_in_language(activity, "tr")
    assert expected_url.startswith(demo_server.url + "/tr/")
    first.get_by_role("link", name=re.compile(r"^Verwijsbriefje")).click()

    # The slip: Turkish for the client, with the professional's own name and number.
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    page.get_by_label("Taal van het briefje").select_option("tr")
    page.get_by_label("Jouw naam (komt op het briefje)").fill("Sanne de Vries")
    page.get_by_label("Jouw telefoonnummer (komt op het briefje)").fill("06 1234 5678")
    page.get_by_role("button", name="Briefje bijwerken").click()
    expect(page).to_have_url(re.compile(r"taal=tr.*naam=Sanne"))
    slip = page.locator("article.slip")
    expect(slip).to_have_attribute("lang", "tr")
    expect(slip.get_by_role("heading", name="Sonraki tarihler")).to_be_visible()
    expect(slip).to_contain_text("Sanne de Vries")
    expect(slip).to_contain_text("06 1234 5678")
    assert_no_axe_violations(axe, page)

    # "Afdrukken" counts once, comes back to the slip and opens the print dialog (static print.js).
    assert counts(activity) == {}
    page.get_by_role("button", name="Afdrukken").click()
    expect(page).to_have_url(re.compile(r"taal=tr"))
    page.wait_for_function("() => window.printed === 1")
    assert "afdrukken" not in page.url  # a reload does not print again
    assert counts(activity) == {"afgedrukt": 1}
    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate("window.printed") == 0
    assert counts(activity) == {"afgedrukt": 1}

    # What the printer gets: only the slip, and a QR code that opens the activity's page.
    page.emulate_media(media="print")
    expect(page.locator(".slip-controls")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Kies een taal")).to_be_hidden()  # no language bar on paper
    expect(slip).to_contain_text("Sanne de Vries")
    screenshot = tmp_path / "slip-print.png"
    page.screenshot(path=screenshot, full_page=True)
    assert zbarimg(screenshot) == [expected_url]
    scanned = page.context.new_page()
    scanned.goto(expected_url)
    expect(scanned.locator("html")).to_have_attribute("lang", "tr")
    scanned.close()
    # On A5, on one sheet.
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    assert re.search(rb"/MediaBox\s*\[0 0 420 59[45]", pdf)


def test_arabic_slip_and_poster_on_a_phone_then_share_by_whatsapp(demo_server, phone, axe):
    """Right to left, no axe violations, nothing loaded from elsewhere; WhatsApp is counted once."""
    page = phone
    activity = ActiviteitPage.objects.live().get(slug="turkse-vrouwengroep")
    outside = []
    page.route(
        re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"),
        lambda route: (outside.append(route.request.url), route.fulfill(status=200, body="ok")),
    )
    page.goto(f"{demo_server.url}/verwijzen/poster/{activity.pk}/?taal=pl")
    expect(page.locator("article.poster")).to_contain_text("Zeskanuj mnie!")
    assert_no_axe_violations(axe, page)
    page.goto(f"{demo_server.url}/verwijzen/briefje/{activity.pk}/?taal=ar")
    slip = page.locator("article.slip")
    expect(slip).to_have_attribute("lang", "ar")
    expect(slip).to_have_attribute("dir", "rtl")
    assert_no_axe_violations(axe, page)
    assert outside == []  # the slip and poster load nothing from elsewhere

    page.get_by_role("button", name="Via WhatsApp").click()
    page.wait_for_url(re.compile(r"^https://wa\.me/"))
    assert len(outside) == 1 and outside[0].startswith("https://wa.me/?text=")
    assert counts(activity) == {"gedeeld-whatsapp": 1}


def test_without_javascript_the_detail_page_leads_to_a_slip_that_fills_in_and_counts(demo_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    activity = ActiviteitPage.objects.live().get(slug="turkse-vrouwengroep")
    page.goto(demo_server.url + activity.url)
    page.get_by_role("link", name="Print een briefje").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verwijsbriefje")
    page.get_by_label("Jouw naam (komt op het briefje)").fill("Ahmet Yılmaz")
    page.get_by_role("button", name="Briefje bijwerken").click()
    expect(page.locator("article.slip")).to_contain_text("Ahmet Yılmaz")
    page.get_by_role("button", name="Afdrukken").click()
    expect(page).to_have_url(re.compile(r"afdrukken=1"))
    expect(page.locator("article.slip")).to_contain_text("Ahmet Yılmaz")
    assert counts(activity) == {"afgedrukt": 1}
    context.close()
