from .sectors import SectorCoordinator, SectorIndexPage, SectorPage
from .towns import Town
from .users import User, UserManager

__all__ = [
    "SectorCoordinator",
    "SectorIndexPage",
    "SectorPage",
    "Town",
    "User",
    "UserManager",
]
