from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from community.uploads import square_thumbnail

EMAIL_TAKEN = _("An account with this email address already exists.")


class UserManager(BaseUserManager):
    """Creates accounts identified by their email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member's account, or a moderator's or editor's: which of them, `community.roles` says.
    People log in with their email address; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("The name shown with what you post; it may be just your first name."),
    )

    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails we send you."),
    )

    town = models.ForeignKey(
        "community.Town",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for members from elsewhere."),
    )
    bio = models.TextField(
        _("about me"),
        max_length=600,
        blank=True,
        help_text=_(
            "Shown with your name on the pages of your sector communities if you choose so "
            "below; a long text is shortened there."
        ),
    )
    # The photo as the member sent it (made safe, community/uploads.py), never shown to others:
    # pages show its thumbnail, stored apart under `images/`, where the media storage lets
    # anyone read (README, Deploying), and under a name of its own that does not lead to it.
    avatar = models.ImageField(_("photo"), upload_to="avatars/", blank=True)
    avatar_thumbnail = models.ImageField(
        _("thumbnail of the photo"), upload_to="images/avatars/", blank=True, editable=False
    )
    show_on_sector_pages = models.BooleanField(
        _("show me on the pages of my sector communities"),
        default=False,
        help_text=_(
            "Everyone who visits those pages then sees your display name, town, photo and "
            "“about me” there."
        ),
    )

    blocked_at = models.DateTimeField(_("blocked at"), null=True, blank=True, editable=False)
    blocked_reason = models.TextField(
        _("reason for blocking"),
        blank=True,
        help_text=_("Recorded when a moderator blocks this member; the member cannot log in then."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        # One account per mailbox, whatever the case of its address: allauth finds accounts by
        # their address in any case, so two (one typed `ANKE@` in the admin) broke login and
        # password reset. The database holds it even when two saves pass the forms at once.
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="one_account_per_email_in_any_case",
                violation_error_message=EMAIL_TAKEN,
                violation_error_code="email_taken",
            )
        ]
        # Moderators block members through our members view; Wagtail's users admin reads
        # `change_user` as managing every account, so that permission stays with administrators.
        permissions = [("block_member", _("Can block and unblock members"))]

    def __str__(self):
        """Her name, else her address: how the members admin (moderators) and Wagtail's users
        admin (administrators) name an account in titles, messages and history, where the
        address tells nameless accounts apart and their readers may see it. Where others read
        who did something, an account is named by `community.roles.named` (in templates the
        `account_name` filter), never by a staff member's address."""
        return self.public_name or self.email

    def validate_constraints(self, exclude=None):
        """The constraint on the address in any case speaks of the address: a form shows its
        refusal at the email field, not above the form."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict({})
            above = errors.pop(NON_FIELD_ERRORS, [])
            if taken := [e for e in above if e.code == "email_taken"]:
                errors.setdefault("email", []).extend(taken)
            if others := [e for e in above if e.code != "email_taken"]:
                errors[NON_FIELD_ERRORS] = others
            raise ValidationError(errors) from None

    def get_full_name(self):
        """The first and last name, else the display name: what Wagtail's admin shows for the
        account (who submitted a contribution, who locked a page), rather than the email
        address."""
        return super().get_full_name() or self.display_name

    def set_photo(self, photo):
        """`photo` (made safe: `community.uploads.PhotoField`) as the member's photo, with the
        thumbnail of it that others see; None: no photo. The files replaced go once the account
        is saved (community/signal_handlers.py)."""
        self.avatar = photo or ""
        self.avatar_thumbnail = square_thumbnail(photo) if photo else ""

    @property
    def public_name(self):
        """The name shown on the public site; never the email address."""
        return self.display_name or self.get_full_name()
