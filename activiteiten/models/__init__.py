"""The agenda's models: activities and spreekuren with their schedule, languages and the occurrence table."""

from .agenda import AgendaPage
from .items import (
    MAX_DAGEN,
    ActiviteitPage,
    AgendaItemPage,
    AgendaItemPageForm,
    SpreekuurPage,
    agenda_edit_handler,
)
from .occurrence import Occurrence
from .schedule import Tijdslot, Uitzondering
from .taal import Taal

__all__ = [
    "MAX_DAGEN",
    "ActiviteitPage",
    "AgendaItemPage",
    "AgendaItemPageForm",
    "AgendaPage",
    "Occurrence",
    "SpreekuurPage",
    "Taal",
    "Tijdslot",
    "Uitzondering",
    "agenda_edit_handler",
]
