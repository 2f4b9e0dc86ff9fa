"""The member's rights under the GDPR: a copy of their data, and deleting their account."""

import json

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from exchanges.models import MeetingPage, Registration, StoryPage

from . import contributions
from .uploads import clear_kept_photos_of

FORMER_MEMBER = _("former member")


def sector_communities(user):
    """The member's communities, named in the member's language where there is a page in it."""
    memberships = list(user.memberships.all())
    names = {}
    pages = Page.objects.filter(translation_key__in=[m.sector_key for m in memberships])
    for page in pages.select_related("locale"):
        if page.translation_key not in names or page.locale.language_code == user.language:
            names[page.translation_key] = page.title
    return [
        {"sector": names.get(m.sector_key, ""), "joined_at": m.joined_at.isoformat()}
        for m in memberships
    ]


def export_member_data(user):
    """Everything the platform keeps about this member, and nothing about anyone else."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "town": user.town.name if user.town else None,
            "language": user.language,
            "bio": user.bio,
            "avatar": user.avatar.name or None,
            "show_on_sector_pages": user.show_on_sector_pages,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "consents": [
            {"privacy_statement_version": consent.version, "given_at": consent.given_at.isoformat()}
            for consent in user.consents.all()
        ],
        "sector_communities": sector_communities(user),
        "contributions": [
            {
                "type": "story" if isinstance(page, StoryPage) else "meeting",
                "title": page.title,
                "language": page.locale.language_code,
                "state": str(page.state.label),
                "introduction": page.intro,
                "text": contributions.body_text(page),
                "url": page.url if page.live else None,
                "editor_comment": page.editor_comment,
            }
            for page in contributions.contributions_of(user)
        ],
        "meeting_registrations": [
            {
                "meeting": registration.meeting.title,
                "start": registration.meeting.start.isoformat(),
                "status": registration.status,
                "registered_at": registration.queued_at.isoformat(),
            }
            for registration in Registration.objects.filter(user=user).select_related("meeting")
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )


@transaction.atomic
def delete_account(user, *, remove_contributions=False):
    """Deletes the member and their personal data. Published contributions stay, credited to a
    former member, unless the member asks to remove them too; drafts always go. Every file only
    the member owned goes with them: their photo, and the photos of what is removed with their
    renditions (Wagtail deletes an image's files with it)."""
    pages = (
        Page.objects.filter(owner=user, alias_of__isnull=True)
        .type(StoryPage, MeetingPage)
        .specific()
        .order_by("-depth")
    )
    kept_photos = set()
    for page in pages:
        if remove_contributions or not page.live:
            contributions.remove_contribution(page)
        else:
            kept_photos |= contributions.photo_ids(page)
            Page.objects.filter(pk=page.pk).update(owner=None)
            StoryPage.objects.filter(pk=page.pk).update(author=None)
            page.revisions.update(user=None)
            for revision in page.revisions.all():
                content = revision.content
                for key in ("author", "owner"):
                    if content.get(key) == user.pk:
                        content[key] = None
                revision.content = content
                revision.save(update_fields=["content"])
            if isinstance(page, MeetingPage):
                forget_organiser(page, user.public_name)
    if user.avatar:
        user.avatar.delete(save=False)
    forget_photos(user, kept_photos)
    # Photos kept for forms the member was correcting, on any device.
    clear_kept_photos_of(user)
    user.delete()


def forget_organiser(meeting, name):
    """A meeting the member proposed names them as its organiser, in every language version and
    revision: from now on a former member, in the version's own language."""
    copies = MeetingPage.objects.filter(translation_key=meeting.translation_key, organiser=name)
    for copy in copies.select_related("locale"):
        with translation.override(copy.locale.language_code):
            former = str(FORMER_MEMBER)
        MeetingPage.objects.filter(pk=copy.pk).update(organiser=former)
        for revision in copy.revisions.all():
            if revision.content.get("organiser") == name:
                revision.content["organiser"] = former
                revision.save(update_fields=["content"])


def forget_photos(user, kept):
    """The photos the member uploaded with their contributions go, unless a contribution that
    stays shows them: those stay, no longer linked to the member or named after them. Images an
    editor uploaded in the admin belong to the site and stay."""
    members_photos = Collection.objects.filter(
        depth=2, name=contributions.CONTRIBUTIONS_COLLECTION
    ).first()
    prefix = f"{user.public_name or user.pk}: "
    emptied = set()
    images = get_image_model().objects.filter(uploaded_by_user=user).select_related("collection")
    for image in images:
        collection = image.collection
        own = members_photos is not None and collection.is_descendant_of(members_photos)
        if own and image.pk not in kept:
            emptied.add(collection.pk)
            image.delete()
            continue
        image.uploaded_by_user = None
        image.save(update_fields=["uploaded_by_user"])
        if own and collection.name.startswith(prefix):
            collection.name = collection.name.removeprefix(prefix)
            collection.save(update_fields=["name"])
    for collection in Collection.objects.filter(pk__in=emptied):
        if not get_image_model().objects.filter(collection=collection).exists():
            collection.delete()
