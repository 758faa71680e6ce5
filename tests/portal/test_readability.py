"""The B1 readability hint for editors: Flesch-Douma in plain words, shown in the page editor, never a
reason not to publish."""

from django.urls import reverse

from portal.readability import page_text, readability

from ..factories import ContentPageFactory

EASY = (
    "Elke week drinken we samen koffie in het buurthuis. Iedereen is welkom. Je hoeft je niet aan te "
    "melden. Neem gerust iemand mee. De koffie is gratis. We beginnen om tien uur."
)
HARD = (
    "De gemeentelijke welzijnsorganisatie faciliteert laagdrempelige ontmoetingsactiviteiten ter "
    "bevordering van de maatschappelijke participatie en zelfredzaamheid van kwetsbare inwoners, "
    "waarbij interdisciplinaire samenwerking tussen professionele en informele netwerkpartners centraal "
    "staat in de operationalisering van het collectiviseringsbeleid."
)


def test_short_common_words_in_short_sentences_are_b1():
    result = readability(EASY)
    assert result["niveau"] == "makkelijk" and 60 <= result["score"] <= 100
    assert result["lange_zinnen"] == []


def test_long_sentences_with_long_words_are_very_hard_and_the_longest_sentence_is_named():
    result = readability(HARD)
    assert result["niveau"] == "zeer-moeilijk" and 0 <= result["score"] < 30
    (sentence, words), *_rest = result["lange_zinnen"]
    assert sentence.startswith("De gemeentelijke") and words > 15


def test_too_little_text_gives_no_score():
    assert readability("Koffie in de wijk.") is None


def test_the_page_text_joins_title_intro_and_the_body_blocks(home):
    page = ContentPageFactory(parent=home, title="Koffie", intro="Samen koffie drinken")
    page.body = [("paragraph", "<p>Elke week in het <b>buurthuis</b>.</p>")]
    text = page_text(page)
    assert text.startswith("Koffie. Samen koffie drinken.") and "Elke week in het buurthuis." in text
    assert "<b>" not in text


def test_the_editor_sees_the_hint_and_can_still_publish_hard_text(client, home, admin_user):
    page = ContentPageFactory(parent=home, title="Beleid", intro=HARD)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Leesbaarheid (B1)" in html and "Zeer moeilijk" in html and "De langste zinnen" in html
    page.intro = EASY
    page.save_revision().publish()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Makkelijk (B1)" in html
