from .members import PrivacyConsent, SectorMembership
from .sectors import SectorCoordinator, SectorIndexPage, SectorPage
from .towns import Town
from .users import User, UserManager

__all__ = [
    "PrivacyConsent",
    "SectorMembership",
    "SectorCoordinator",
    "SectorIndexPage",
    "SectorPage",
    "Town",
    "User",
    "UserManager",
]
