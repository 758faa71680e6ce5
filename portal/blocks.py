"""StreamField blocks shared by every content page."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "components/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("info", _("Goed om te weten")), ("warning", _("Let op"))],
        default="info",
    )
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Opvallend blok")
        template = "components/blocks/callout.html"


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwoord"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Vraag en antwoord")
        template = "components/blocks/faq.html"


class ButtonBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst op de knop"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een webadres"), required=False)

    class Meta:
        icon = "link"
        label = _("Knop")
        template = "components/blocks/button.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock(label=_("Afbeelding"), template="components/blocks/image.html")
    callout = CalloutBlock()
    faq = FaqBlock()
    button = ButtonBlock()


def validate_link(value):
    """A path on this site ("/meedoen/idee/") or a full web address."""
    if value.startswith("/") and not value.startswith("//") and not re.search(r"\s", value):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Vul een adres op deze site in dat begint met /, zoals /meedoen/idee/, of een heel webadres.")
        ) from None


class EntryPointBlock(blocks.StructBlock):
    """A large entry tile on the home page ("Ik heb een idee", "Hulp of advies" ...). It leads to the page,
    or to ``link`` when that is filled in: the resident forms (/meedoen/idee/) are views, not pages."""

    title = blocks.CharBlock(label=_("Titel"), max_length=60)
    text = blocks.CharBlock(label=_("Korte uitleg"), max_length=160)
    page = blocks.PageChooserBlock(label=_("Pagina"))
    link = blocks.CharBlock(
        label=_("Of naar een formulier (mag leeg)"),
        required=False,
        max_length=200,
        validators=[validate_link],
        help_text=_(
            "Bijvoorbeeld /meedoen/idee/. Vul je dit in, dan gaat de knop hierheen in plaats van naar "
            "de pagina."
        ),
    )
    icon = blocks.ChoiceBlock(
        label=_("Icoon"),
        choices=[
            ("agenda", _("Agenda")),
            ("idee", _("Idee")),
            ("helpen", _("Helpen")),
            ("advies", _("Advies")),
            ("locatie", _("Locatie")),
        ],
        default="agenda",
    )

    class Meta:
        icon = "pick"
        label = _("Ingang")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Pagina"))
    text = blocks.CharBlock(label=_("Tekst (leeg: titel van de pagina)"), max_length=60, required=False)

    class Meta:
        icon = "link"
        label = _("Link")
