from .members import PrivacyConsent, SectorMembership
from .reports import Report, ReportReason
from .review import ContributionReviewTask
from .sectors import SectorCoordinator, SectorIndexPage, SectorPage
from .submissions import SubmissionToken
from .towns import Town
from .users import User, UserManager

__all__ = [
    "ContributionReviewTask",
    "PrivacyConsent",
    "Report",
    "ReportReason",
    "SectorMembership",
    "SectorCoordinator",
    "SectorIndexPage",
    "SectorPage",
    "SubmissionToken",
    "Town",
    "User",
    "UserManager",
]
