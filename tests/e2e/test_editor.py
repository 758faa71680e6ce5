"""An editor changes a schedule with the recurrence widget in the Wagtail editor and publishes."""

from itertools import pairwise

import pytest
from playwright.sync_api import expect

from activiteiten.models import ActiviteitPage, Occurrence

from ..helpers import browser_login as login

pytestmark = pytest.mark.e2e


def test_editor_sets_every_other_thursday_with_the_dutch_widget(demo_server, desktop):
    activiteit = ActiviteitPage.objects.get(slug="koffie-ochtend-de-tulp", locale__language_code="nl")
    page = desktop
    login(page, demo_server.url, "redacteur")
    page.goto(f"{demo_server.url}/admin/pages/{activiteit.pk}/edit/")
    page.get_by_role("tab", name="Wanneer").click()

    widget = page.locator("div.recurrence-widget")
    while widget.locator("a.remove").count():
        widget.locator("a.remove").first.click()
    widget.get_by_text("Herhaling toevoegen").click()
    widget.locator("select[name=freq]").select_option("2")  # Wekelijks
    widget.locator("input[name=interval]").fill("2")
    widget.locator("input[name=interval]").dispatch_event("change")
    widget.get_by_text("do", exact=True).click()
    expect(widget.locator("a.recurrence-label").first).to_contain_text("donderdag")

    page.locator("footer").get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("is gepubliceerd")).to_be_visible()

    activiteit.refresh_from_db()
    rule = activiteit.recurrence.rrules[0]
    assert (rule.interval, [d.number for d in rule.byday]) == (2, [3])
    dates = list(Occurrence.objects.filter(page=activiteit).values_list("datum", flat=True))
    assert dates and {d.weekday() for d in dates} == {3}
    assert {(b - a).days for a, b in pairwise(dates)} <= {14, 7 * 4}  # a holiday may skip one
