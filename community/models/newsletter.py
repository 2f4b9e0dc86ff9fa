"""The bilingual newsletter: the archive, the newsletters editors write, their subscribers, and
the record of each sending.

A newsletter is a page (Dutch source, German through wagtail-localize) under the archive of its
language. It is published so it can be translated and previewed, but it is not public until it
has been sent: whether it was sent belongs to the newsletter in every language, so it is kept by
the page's translation key (`NewsletterSending`), and a copy of a sent newsletter (a new
translation key) starts unsent."""

import secrets

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.visibility import ViewRestrictionsMixin

# The version of the text visitors and members agree to when they subscribe (NEWSLETTER_CONSENT
# in community/newsletter/forms.py): a new text gets a new version.
CONSENT_VERSION = "2026-12"


class NewsletterIndexPage(ViewRestrictionsMixin, Page):
    """The public archive of one language: the newsletters that have been sent."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def newsletters(self):
        """The sent newsletters of this archive, the latest first."""
        return NewsletterPage.objects.child_of(self).live().public().sent().order_by("-sent_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newsletters"] = self.newsletters()
        return context


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Every subscriber")
    SECTOR = "sector", _("Members of a sector community")
    TOWN = "town", _("Members from a town")
    LANGUAGE = "language", _("Subscribers who read one language")


class NewsletterPageQuerySet(PageQuerySet):
    def sent(self):
        """Newsletters that have been sent, each with its `sent_at`."""
        sending = NewsletterSending.objects.filter(
            translation_key=models.OuterRef("translation_key")
        )
        return self.filter(models.Exists(sending)).annotate(
            sent_at=models.Subquery(sending.values("sent_at")[:1])
        )

    def unsent(self):
        """Newsletters not sent yet: published perhaps, but not public."""
        sending = NewsletterSending.objects.filter(
            translation_key=models.OuterRef("translation_key")
        )
        return self.exclude(models.Exists(sending))


def without_unsent_newsletters(pages):
    """`pages` (of any page type) without the newsletters not sent yet: live perhaps, but not
    public until sent (the sitemap, the open data API)."""
    return pages.exclude(pk__in=NewsletterPage.objects.unsent().values("pk"))


def sent_at_of_pages():
    """When each page of a queryset (of any page type) was sent as a newsletter, None while
    unsent: annotated as `newsletter_sent_at`, the explorer lists whether each was sent in its
    one query (`NewsletterPage.status_string`)."""
    sending = NewsletterSending.objects.filter(translation_key=models.OuterRef("translation_key"))
    return models.Subquery(sending.values("sent_at")[:1])


class NewsletterPage(ViewRestrictionsMixin, Page):
    """One newsletter: written and translated like any page, sent from the admin (the "Send"
    button of its page) to its audience, each subscriber in their language."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    audience = models.CharField(
        _("send to"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    audience_sector = models.ForeignKey(
        "community.SectorPage",
        verbose_name=_("sector community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its members who subscribed, whichever language they read."),
    )
    audience_town = models.ForeignKey(
        "community.Town",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Subscribed members who live there."),
    )
    audience_language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("audience_sector"),
                FieldPanel("audience_town"),
                FieldPanel("audience_language"),
            ],
            heading=_("Audience"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["community.NewsletterIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NewsletterPageQuerySet)()

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def clean(self):
        super().clean()
        chosen = {
            Audience.SECTOR: ("audience_sector", self.audience_sector_id),
            Audience.TOWN: ("audience_town", self.audience_town_id),
            Audience.LANGUAGE: ("audience_language", self.audience_language),
        }
        field, value = chosen.get(self.audience, (None, True))
        if not value:
            raise ValidationError({field: _("Choose whom to send it to.")})

    @property
    def sending(self):
        """The record of its sending (for every language version), or None while unsent."""
        return NewsletterSending.objects.filter(translation_key=self.translation_key).first()

    def is_sent(self):
        # Listed by the archive (`NewsletterIndexPage.newsletters`) or the page explorer
        # (`sent_at_of_pages`), it knows already.
        if getattr(self, "sent_at", None) is not None:
            return True
        if hasattr(self, "newsletter_sent_at"):
            return self.newsletter_sent_at is not None
        return NewsletterSending.objects.filter(translation_key=self.translation_key).exists()

    def sent_at_or_none(self):
        """When it was sent (in every language), None while unsent; listed by the page explorer
        (`sent_at_of_pages`), it knows already."""
        if getattr(self, "sent_at", None) is not None:
            return self.sent_at  # listed by the archive (`NewsletterPageQuerySet.sent`)
        if hasattr(self, "newsletter_sent_at"):
            return self.newsletter_sent_at
        sending = self.sending
        return sending.sent_at if sending else None

    @property
    def newsletter_send_url(self):
        """Its send page in the admin (community/newsletter/admin_views.py)."""
        return reverse("newsletter_send", args=[self.pk])

    @property
    def status_string(self):
        """Wagtail's status (explorer, reports, choosers) with whether it was sent: sent and unsent
        are both "live", but only a sent one is public. Not in its title: Wagtail keeps the title
        in the history's labels and says it in its messages, where "not sent yet" stayed after
        it was sent (walk 6)."""
        status = super().status_string
        sent_at = self.sent_at_or_none()
        if sent_at is not None:
            day = formats.date_format(timezone.localtime(sent_at), "DATE_FORMAT")
            return gettext("%(status)s, sent %(date)s") % {"status": status, "date": day}
        if self.live:
            return gettext("%(status)s, not sent yet") % {"status": status}
        return status

    def get_url_parts(self, request=None):
        """No public address until it is sent: it is not in the sitemap, nor linked."""
        if not self.is_sent():
            return None
        return self.url_parts_once_sent(request)

    def url_parts_once_sent(self, request=None):
        """Its address as it is, or will be once sent: the editor's test email shows it."""
        return super().get_url_parts(request)

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and not self.is_sent():
            raise Http404
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # Unsent, it has no address whose prefix would give the preview its language.
        with translation.override(self.locale.language_code):
            return super().serve_preview(request, mode_name)


class NewsletterSending(models.Model):
    """A newsletter was sent (in every language: keyed by its translation key), when and by
    whom; `completed_at` once an email to every recipient is queued."""

    translation_key = models.UUIDField(_("newsletter"), unique=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("every email queued"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("newsletter sending")
        verbose_name_plural = _("newsletter sendings")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.translation_key} ({self.sent_at:%Y-%m-%d})"


def new_token():
    return secrets.token_urlsafe(32)


class SubscriberStatus(models.TextChoices):
    """Where a subscriber stands, as the admin lists and filters them."""

    RECEIVES = "receives", _("Active")
    WAITING = "waiting", _("Waiting for confirmation")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriberKind(models.TextChoices):
    """A member's subscription (by account) or a visitor's (by address)."""

    MEMBER = "member", _("Member")
    VISITOR = "visitor", _("Visitor")


class NewsletterSubscriberQuerySet(models.QuerySet):
    def with_status(self, status):
        """The subscribers whose `status` (a SubscriberStatus) is `status`."""
        if status == SubscriberStatus.UNSUBSCRIBED:
            return self.filter(unsubscribed_at__isnull=False)
        staying = self.filter(unsubscribed_at__isnull=True)
        return staying.filter(confirmed_at__isnull=status == SubscriberStatus.WAITING)

    def of_kind(self, kind):
        """Members' subscriptions or visitors' (`kind`: a SubscriberKind)."""
        return self.filter(user__isnull=kind == SubscriberKind.VISITOR)

    def receiving(self):
        """Subscribers who confirmed and did not unsubscribe (members: whose account is not
        blocked)."""
        return self.filter(
            confirmed_at__isnull=False,
            unsubscribed_at__isnull=True,
        ).filter(Q(user__isnull=True) | Q(user__is_active=True))

    def in_language(self, code):
        """Who reads `code`: a member by the language of their account, a visitor by the one
        they subscribed in."""
        return self.filter(Q(user__isnull=True, language=code) | Q(user__language=code))

    def for_page(self, newsletter):
        """The audience `newsletter` (its source) was written for, among these subscribers."""
        audience = newsletter.audience
        if audience == Audience.SECTOR:
            sector = newsletter.audience_sector
            if sector is None:
                return self.none()
            return self.filter(user__memberships__sector_key=sector.translation_key).distinct()
        if audience == Audience.TOWN:
            town = newsletter.audience_town
            if town is None:
                return self.none()
            return self.filter(user__town__translation_key=town.translation_key)
        if audience == Audience.LANGUAGE:
            return self.in_language(newsletter.audience_language)
        return self


class NewsletterSubscriber(models.Model):
    """Someone who gets the newsletter: a visitor by address (after confirming it: double
    opt-in), or a member who opted in on their profile (their address is verified). A member's
    town, sectors and language are read from their account when a newsletter is sent. The
    token is the subscriber's secret in every unsubscribe link."""

    # A visitor's address; empty for a member's subscription, which goes to their account's
    # current address.
    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscription",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consent_version = models.CharField(_("consent text version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = NewsletterSubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.address

    @property
    def receives(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def reading_language(self):
        return self.user.language if self.user_id else self.language

    @admin_display(description=_("status"))
    def status(self):
        if self.unsubscribed_at is not None:
            return SubscriberStatus.UNSUBSCRIBED.label
        if self.confirmed_at is not None:
            return SubscriberStatus.RECEIVES.label
        return SubscriberStatus.WAITING.label

    @admin_display(description=_("member"))
    def member(self):
        return self.user.public_name if self.user_id else "–"

    @property
    @admin_display(description=_("email address"))
    def address(self):
        """Where it goes: a visitor's address, a member's current one."""
        return self.user.email if self.user_id else self.email
