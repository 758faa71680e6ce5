"""Initiatives and contributions (``pages``), and the sociaal makelaar's queue (``makelaar``)."""

from .makelaar import (
    OPEN_STATUSES,
    Bundel,
    Idee,
    Koppeling,
    MakelaarInstellingen,
    Notitie,
    Signaal,
    Status,
    Talent,
    TalentVaardigheid,
)
from .pages import (
    Behoefte,
    Bijdrage,
    GekoppeldeActiviteit,
    InitiatiefFoto,
    InitiatiefPage,
    InitiatiefVaardigheid,
    InitiatievenIndexPage,
)

__all__ = [
    "OPEN_STATUSES",
    "Behoefte",
    "Bijdrage",
    "Bundel",
    "GekoppeldeActiviteit",
    "Idee",
    "InitiatiefFoto",
    "InitiatiefPage",
    "InitiatiefVaardigheid",
    "InitiatievenIndexPage",
    "Koppeling",
    "MakelaarInstellingen",
    "Notitie",
    "Signaal",
    "Status",
    "Talent",
    "TalentVaardigheid",
]
