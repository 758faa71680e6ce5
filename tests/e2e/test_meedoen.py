"""The whole resident flow in chromium: propose an activity on a phone, the redacteur approves it in
Wagtail's moderation screens, it shows in the agenda, the resident cancels one date with the private
edit link and the agenda marks that date as vervalt."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from activiteiten.models import ActiviteitPage, Occurrence
from initiatieven.models import Bijdrage

from ..helpers import browser_login as login
from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.e2e


def next_tuesday_after(day):
    day += dt.timedelta(days=1)
    while day.weekday() != 1:
        day += dt.timedelta(days=1)
    return day


def test_resident_proposes_editor_approves_resident_cancels_a_date(
    demo_server, phone, desktop, axe, settings
):
    settings.PORTAL_FORM_MIN_SECONDS = 1
    base = demo_server.url
    page = phone
    start = timezone.localdate() + dt.timedelta(days=1)

    # 1. A resident proposes a weekly activity, on a phone, without an account.
    page.goto(base + "/meedoen/activiteit/")
    assert_no_axe_violations(axe, page)
    # JavaScript shows only the questions that apply: no weekday question for a one-off.
    expect(page.locator('[data-veld="weekdag"]')).to_be_hidden()
    page.get_by_label("Hoe heet het?").fill("Breiclub De Steek")
    page.get_by_label("Wat ga je doen?").fill("Samen breien en haken, met koffie. Beginners zijn welkom.")
    page.get_by_label("Wie organiseert het?").fill("Breiclub De Steek")
    page.get_by_label("Schalkwijk").check()
    page.get_by_label("Cultuur en creatief").check()
    page.get_by_role("radio", name="Elke week", exact=True).check()
    expect(page.locator('[data-veld="weekdag"]')).to_be_visible()
    page.get_by_label("Datum (bij een reeks: de eerste keer)").fill(start.isoformat())
    page.get_by_label("Op welke dag?").select_option("TU")
    page.get_by_label("Hoe laat begint het?").fill("14:00")
    page.get_by_label("Hoe laat is het afgelopen?").fill("16:00")
    page.get_by_label("Waar is het?").select_option(label="Buurthuis De Tulp")
    page.get_by_label("Je naam").fill("Rita Jansen")
    page.get_by_label("Je e-mailadres").fill("rita.jansen@example.org")
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time; a bot does not
    page.get_by_role("button", name="Versturen").click()

    expect(page.get_by_role("heading", name="Bedankt! We hebben het ontvangen.")).to_be_visible()
    assert "rita.jansen" not in page.url
    assert_no_axe_violations(axe, page)

    activiteit = ActiviteitPage.objects.get(title="Breiclub De Steek")
    assert not activiteit.live
    assert Bijdrage.objects.get(page=activiteit).email == "rita.jansen@example.org"
    (confirmation,) = [m for m in mail.outbox if m.to == ["rita.jansen@example.org"]]
    edit_path = re.search(r"(/meedoen/bewerken/\S+/)", confirmation.body).group(1)

    # 2. The redacteur approves it in Wagtail's own moderation interface.
    login(desktop, base, "redacteur")
    desktop.goto(f"{base}/admin/pages/{activiteit.pk}/edit/")
    desktop.locator("footer").get_by_role("button", name="Meer acties").click()
    desktop.locator("footer").get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
    # Back in the page explorer, where the activity is now live.
    expect(desktop).to_have_url(re.compile(r"/admin/pages/\d+/$"))
    expect(desktop.get_by_role("row").filter(has_text="Breiclub De Steek")).to_contain_text("live")
    activiteit.refresh_from_db()
    assert activiteit.live
    assert any("staat online" in m.subject for m in mail.outbox if m.to == ["rita.jansen@example.org"])

    # 3. It is in the agenda.
    first = Occurrence.objects.filter(page=activiteit).order_by("start").first()
    page.goto(f"{base}/agenda/?van={first.datum.isoformat()}&tot={first.datum.isoformat()}")
    expect(page.get_by_role("link", name="Breiclub De Steek")).to_be_visible()

    # 4. The resident opens the private link and cancels one date.
    cancel_day = next_tuesday_after(timezone.localdate() + dt.timedelta(days=7))
    page.goto(base + edit_path)
    expect(page.get_by_text("Staat online")).to_be_visible()
    assert_no_axe_violations(axe, page)
    page.get_by_label("Welke datum gaat niet door?").select_option(cancel_day.isoformat())
    page.get_by_label("Waarom niet?").fill("Zaal is bezet")
    page.get_by_role("button", name="Deze datum gaat niet door").click()
    expect(page.get_by_text("Klaar. De datum staat nu in de agenda")).to_be_visible()
    expect(page.get_by_text("Zaal is bezet")).to_be_visible()

    # 5. The agenda shows that date as vervalt, straight away.
    page.goto(f"{base}/agenda/?van={cancel_day.isoformat()}&tot={cancel_day.isoformat()}")
    card = page.locator("article, li").filter(has_text="Breiclub De Steek").last
    expect(card).to_contain_text("Vervalt")
    expect(card).to_contain_text("Zaal is bezet")
    assert any(m.subject.startswith("Datum vervalt") for m in mail.outbox)


def test_initiative_form_errors_are_readable_on_a_phone(demo_server, phone, axe, settings):
    settings.PORTAL_FORM_MIN_SECONDS = 0
    page = phone
    page.goto(demo_server.url + "/meedoen/initiatief/")
    assert_no_axe_violations(axe, page)
    page.get_by_label("Hoe heet jullie initiatief?").fill("Buurtbieb Zonnebloem")
    page.get_by_role("button", name="Versturen").click()
    summary = page.locator("#fouten")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Wat je hebt ingevuld is bewaard.")
    expect(page.get_by_label("Hoe heet jullie initiatief?")).to_have_value("Buurtbieb Zonnebloem")
    assert_no_axe_violations(axe, page)
    # The summary links to the field.
    summary.get_by_role("link").first.click()
    assert page.url.endswith("#veld-intro")
