from .members import PrivacyConsent, SectorMembership
from .reports import Report, ReportReason
from .sectors import SectorCoordinator, SectorIndexPage, SectorPage
from .towns import Town
from .users import User, UserManager

__all__ = [
    "PrivacyConsent",
    "Report",
    "ReportReason",
    "SectorMembership",
    "SectorCoordinator",
    "SectorIndexPage",
    "SectorPage",
    "Town",
    "User",
    "UserManager",
]
