"""What every app shares: taxonomy, site settings, the base page, locaties, organisaties and the outbox."""

from .berichten import Bericht
from .instellingen import PortalSettings
from .locaties import (
    LocatiePage,
    LocatiesIndexPage,
    Openingstijd,
    normalise_postcode,
    validate_postcode,
    with_card_photos,
)
from .organisaties import OrganisatiePage, OrganisatiesIndexPage
from .pages import CARD_IMAGE_SPEC, BasePage, WijkenPageForm
from .taxonomy import (
    NAAM_ZOEKVELDEN,
    NAMEN_ZOEKEN,
    VERTAALTALEN,
    Doelgroep,
    Hulpvraag,
    Thema,
    VertaaldeNaam,
    Wijk,
    vertaal_panel,
)

__all__ = [
    "CARD_IMAGE_SPEC",
    "NAAM_ZOEKVELDEN",
    "NAMEN_ZOEKEN",
    "VERTAALTALEN",
    "BasePage",
    "Bericht",
    "Doelgroep",
    "Hulpvraag",
    "LocatiePage",
    "LocatiesIndexPage",
    "Openingstijd",
    "OrganisatiePage",
    "OrganisatiesIndexPage",
    "PortalSettings",
    "Thema",
    "VertaaldeNaam",
    "Wijk",
    "WijkenPageForm",
    "normalise_postcode",
    "validate_postcode",
    "vertaal_panel",
    "with_card_photos",
]
