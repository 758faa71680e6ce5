import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_resident_picks_a_wijk_on_the_home_page_and_lands_on_its_page(request, demo_server, axe, device):
    page = request.getfixturevalue(device)
    page.goto(demo_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Huis van de Wijk")
    assert_no_axe_violations(axe, page)

    page.get_by_role("region", name="Kies je wijk").get_by_role("link", name="Schalkwijk").click()

    expect(page).to_have_url(re.compile(r"/wijken/schalkwijk/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Schalkwijk")
    expect(page.get_by_role("heading", name="Plekken in Schalkwijk")).to_be_visible()
    expect(page.get_by_text("Huis van de Wijk Schalkwijk").first).to_be_visible()
    assert_no_axe_violations(axe, page)


def test_skip_link_moves_keyboard_focus_to_the_content(demo_server, desktop):
    desktop.goto(demo_server.url + "/wijken/oost/")
    desktop.keyboard.press("Tab")
    skip = desktop.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    desktop.keyboard.press("Enter")
    expect(desktop).to_have_url(re.compile(r"#inhoud$"))


def test_sociale_kaart_filter_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_server.url + "/organisaties/")
    page.get_by_label("Kies een wijk").select_option("oost")
    page.get_by_role("button", name="Toon organisaties").click()
    expect(page).to_have_url(re.compile(r"\?wijk=oost$"))
    expect(page.get_by_role("link", name="Sociaal Wijkteam Oost")).to_be_visible()
    expect(page.get_by_role("link", name="Sociaal Wijkteam Schalkwijk")).to_have_count(0)
    context.close()
