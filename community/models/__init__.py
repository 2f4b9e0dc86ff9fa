from .address_changes import UnconfirmableAddressChange
from .collections import MemberCollection, MembersPhotosCollection
from .members import PrivacyConsent, SectorMembership
from .newsletter import (
    NewsletterIndexPage,
    NewsletterPage,
    NewsletterSending,
    NewsletterSubscriber,
)
from .reports import Report, ReportReason
from .review import ContributionReviewTask
from .sectors import SectorCoordinator, SectorIndexPage, SectorPage
from .submissions import SubmissionToken
from .towns import Town
from .users import User, UserManager

__all__ = [
    "ContributionReviewTask",
    "MemberCollection",
    "MembersPhotosCollection",
    "NewsletterIndexPage",
    "NewsletterPage",
    "NewsletterSending",
    "NewsletterSubscriber",
    "PrivacyConsent",
    "Report",
    "ReportReason",
    "SectorMembership",
    "SectorCoordinator",
    "SectorIndexPage",
    "SectorPage",
    "SubmissionToken",
    "Town",
    "UnconfirmableAddressChange",
    "User",
    "UserManager",
]
