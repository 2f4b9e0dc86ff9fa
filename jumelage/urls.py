from functools import update_wrapper

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLResolver, include, path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as bulk_action
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import urls as wagtaildocs_urls
from wagtail_localize.views.edit_translation import edit_override

from community import signup
from community import views as community_views
from community.account_admin import Account
from community.collection_admin import AddCollection, DeleteCollection, EditCollection
from community.review_decisions import (
    approval_preview,
    confirm_approval,
    confirming_decision,
    decided_elsewhere,
    review_decided,
    reviewed_revision,
    to_the_reviews,
    with_way_back,
)
from community.wagtail_hooks import (
    with_bulk_action_permissions,
    with_cancellation_rights,
    with_page_permissions,
    with_review_rights,
)
from exchanges import embed_views, feeds, ical, page_admin
from exchanges import views as exchange_views
from home.translation_overrides import checked_override
from home.translations_report import TranslationsReport
from jumelage import views as site_views
from jumelage.api import urlpatterns as api_urlpatterns
from jumelage.choosers import ChosenPagesShownForLinking, guarded_chooser_patterns
from jumelage.form_posts import sent_whole
from jumelage.page_routes import within_page_rights
from jumelage.page_types_report import PageTypesUsageShownForLinking
from jumelage.site_history import SiteHistoryWithinRights

workflow_action, collect_workflow_action_data, workflow_preview, confirm_cancellation = (
    page_viewset_registry.as_view(name, page_id_kwarg="page_id")
    for name in (
        "workflow_action",
        "collect_workflow_action_data",
        "workflow_preview",
        "confirm_workflow_cancellation",
    )
)


def report_paths(address, view_class, guard):
    """A Wagtail report at `address`, and its results (what its filters fetch), both `guard`ed."""
    return [
        path(address, guard(view_class.as_view())),
        path(f"{address}results/", guard(view_class.as_view(results_only=True))),
    ]


# allauth answers its own rate limits with this view: our 429 page, with the time to wait.
handler429 = "home.ratelimit.handler429"
handler400 = "home.middleware.bad_request"
handler404 = "jumelage.views.page_not_found"

urlpatterns = [
    # Editors log in and reset their password through allauth like members, under its rate limits
    # and with a verified address; Wagtail's own forms (and old links to them) lead there.
    path("admin/login/", site_views.admin_login),
    # Only the logout form's POST signs out (Wagtail's view did for a GET as well).
    path("admin/logout/", require_admin_access(site_views.admin_logout)),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    # The account page of an editor or administrator, whose name may be left empty.
    path("admin/account/", require_admin_access(Account.as_view())),
    # Adding, moving or deleting a collection takes the lock a member's first photos take.
    path("admin/collections/add/", require_admin_access(AddCollection.as_view())),
    path("admin/collections/<int:pk>/", require_admin_access(EditCollection.as_view())),
    path("admin/collections/<int:pk>/delete/", require_admin_access(DeleteCollection.as_view())),
    # Titles of pages by id (those the chooser shows: jumelage/choosers.py) and the whole site's
    # history: not for moderators (no page permissions).
    path(
        "admin/choose-page/chosen-multiple/",
        with_page_permissions(ChosenPagesShownForLinking.as_view()),
    ),
    *report_paths("admin/reports/site-history/", SiteHistoryWithinRights, with_page_permissions),
    # The page each page type had edited last: among those the reader may link to.
    *report_paths(
        "admin/reports/page-types-usage/", PageTypesUsageShownForLinking, require_admin_access
    ),
    # Every translated page's title: the translations report, not for moderators either.
    *report_paths(
        "admin/localize/reports/translations/", TranslationsReport, with_page_permissions
    ),
    # Bulk actions' confirmations list the titles of the objects asked for by id: only for those
    # who hold permissions on the model (pages: editors; community/wagtail_hooks.py).
    path(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        with_bulk_action_permissions(bulk_action),
    ),
    # Wagtail's review views decide on the task state in their address after checking the page
    # in it: only the page's own review, and for moderators only one they may decide. A
    # decision is confirmed in a message (Wagtail's view says nothing).
    *(
        path(f"admin/pages/workflow/{route}", with_review_rights(view))
        for route, view in (
            (
                "action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
                confirming_decision(workflow_action),
            ),
            (
                "collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
                collect_workflow_action_data,
            ),
        )
    ),
    # The reviewers' email leads here: once decided, to what became of the review.
    path(
        "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/",
        decided_elsewhere(with_review_rights(with_way_back(to_the_reviews)(workflow_preview))),
    ),
    path(
        "admin/pages/workflow/decided/<int:page_id>/<int:task_id>/",
        require_admin_access(review_decided),
        name="jumelage_review_decided",
    ),
    # What was sent back for changes, as the reviewer read it (the member's admin page).
    path(
        "admin/pages/workflow/reviewed/<int:page_id>/<int:task_state_id>/",
        require_admin_access(reviewed_revision),
        name="jumelage_reviewed_revision",
    ),
    # The dashboard's "Approve" asks first (community/review_decisions.py).
    path(
        "admin/pages/workflow/approve/<int:page_id>/<int:task_state_id>/",
        with_review_rights(confirm_approval),
        name="jumelage_confirm_approval",
    ),
    # What approving publishes, when it was saved after the page was sent for review.
    path(
        "admin/pages/workflow/approve/<int:page_id>/<int:task_state_id>/preview/<int:revision_id>/",
        with_review_rights(approval_preview),
        name="jumelage_approval_preview",
    ),
    # The confirmation that publishing cancels a review names its task and workflow: only for
    # who may cancel that page's review; a page id is no answer to anyone else.
    path(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        with_cancellation_rights(confirm_cancellation),
    ),
    # Unpublishing and privacy that would lock members out of a meeting or visit they count on
    # are refused when asked, not only once confirmed (exchanges/page_admin.py).
    path("admin/pages/<int:page_id>/unpublish/", page_admin.unpublish),
    # The delete confirmation says where a deleted translation's address leads.
    path("admin/pages/<int:page_id>/delete/", page_admin.delete),
    path("admin/pages/<int:page_id>/privacy/", page_admin.set_privacy),
    path("admin/localize/page/<int:page_id>/convert_to_alias/", page_admin.convert_to_alias),
    # "Sync translated pages" with "publish" of a source publishing would refuse: synced as
    # drafts, the editor told why; a draft the sync leaves out, said (exchanges/page_admin.py).
    path("admin/localize/update/<int:translation_source_id>/", page_admin.update_translations),
    # A translation's own web address (a button's, a link's) is one a browser may follow: no
    # `javascript:` published behind a button (home/translation_overrides.py).
    path(
        "admin/localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        require_admin_access(checked_override(edit_override)),
    ),
    # Choosers for those who hold a permission on what they choose; a chosen object by a key its
    # model cannot hold: not found (jumelage/choosers.py).
    *guarded_chooser_patterns(wagtailadmin_urls.urlpatterns, "admin/"),
    path("admin/", include(wagtailadmin_urls)),
    # A document's password check held to a few tries, as a page's (jumelage/views.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        site_views.document_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    # The open data API: one address for every language (Accept-Language picks the labels'),
    # and a 404 of JSON for any other address under /api/ (not a redirect to /nl/api/…).
    *api_urlpatterns,
    path("sitemap.xml", site_views.sitemap, name="sitemap"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("favicon.ico", site_views.favicon, name="favicon"),
]

# A POST without a field the view reads unchecked is a bad request, not a server error
# (jumelage/form_posts.py); inside the guard of page rights below, which answers first.
sent_whole(urlpatterns)

# Wagtail's page views and ours in front of them: a page the user holds no rights on is not found,
# as an id no page has (jumelage/page_routes.py).
within_page_rights(urlpatterns)

# What an admin view shows is for the signed-in reader alone, so no browser keeps it (for the next
# person at the computer's back button): our views under /admin/ say so, as Wagtail's own do.
for pattern in urlpatterns:
    if str(pattern.pattern).startswith("admin/") and getattr(pattern, "callback", None):
        pattern.callback = update_wrapper(never_cache(pattern.callback), pattern.callback)

if settings.DEBUG:
    from django.conf.urls.static import static

    # The media folder, but the photos kept for members' forms (`site_views.media_file`).
    urlpatterns += static(
        settings.MEDIA_URL, view=site_views.media_file, document_root=settings.MEDIA_ROOT
    )


def kept_by_no_browser(patterns):
    """`patterns` (and those of their includes), each view answering no-store: what they show is
    for the signed-in member alone (her profile, email addresses, password, digests), and no
    browser may keep it for the next person at its back button after she logged out."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            kept_by_no_browser(pattern.url_patterns)
        elif not getattr(pattern.callback, "jumelage_never_cache", False):
            view = update_wrapper(never_cache(pattern.callback), pattern.callback)
            view.jumelage_never_cache = True
            pattern.callback = view
    return patterns


# Fixed routes of each language go before Wagtail's catch-all page route.
urlpatterns += i18n_patterns(
    # The member's account (allauth's pages) and the member area: hers alone.
    *kept_by_no_browser(
        [
            # allauth's address page, with a change to another account's address pending as
            # any other.
            path("accounts/email/", signup.EmailView.as_view(), name="account_email"),
            # allauth's "forgot password", its limit per address counted per mailbox.
            path(
                "accounts/password/reset/",
                signup.PasswordResetView.as_view(),
                name="account_reset_password",
            ),
            # allauth's password change, its guesses of the current password counted with the
            # confirmation's (community.signup.counted_as_a_confirmation).
            path(
                "accounts/password/change/",
                signup.password_change,
                name="account_change_password",
            ),
            path("accounts/", include("allauth.urls")),
            path("members/", include("community.urls")),
            path("members/", include("exchanges.urls")),
        ]
    ),
    path("report/<id:page_id>/", community_views.report_contribution, name="report_contribution"),
    path("search/", site_views.search, name="search"),
    path("newsletter/", community_views.newsletter_subscribe, name="newsletter_subscribe"),
    path(
        "newsletter/confirm/<str:token>/",
        community_views.newsletter_confirm,
        name="newsletter_confirm",
    ),
    path(
        "newsletter/unsubscribe/<str:token>/",
        community_views.newsletter_unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path("feeds/stories.rss", feeds.StoryFeed(), name="story_feed_rss"),
    path("feeds/stories.atom", feeds.AtomStoryFeed(), name="story_feed_atom"),
    path("feeds/sectors/<slug:slug>.rss", feeds.SectorStoryFeed(), name="sector_feed_rss"),
    path("feeds/sectors/<slug:slug>.atom", feeds.AtomSectorStoryFeed(), name="sector_feed_atom"),
    path("calendar.ics", ical.calendar_feed, name="calendar_feed"),
    path("calendar/sectors/<slug:slug>.ics", ical.sector_feed, name="sector_calendar_feed"),
    path("meetings/<id:page_id>.ics", ical.meeting_feed, name="meeting_calendar_feed"),
    path("meetings/<id:page_id>/register/", exchange_views.register, name="meeting_register"),
    path(
        "meetings/<id:page_id>/cancel/",
        exchange_views.cancel_registration,
        name="meeting_cancel_registration",
    ),
    path("embed/calendar/", embed_views.calendar_widget, name="embed_calendar"),
    path("embed/stories/", embed_views.stories_widget, name="embed_stories"),
    # Wagtail's login form and password check for private pages: the site's login, and the
    # password check held to a few tries (jumelage/views.py).
    path("_util/login/", site_views.frontend_login, name="private_page_login"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        site_views.page_password,
    ),
    *wagtail_urls.urlpatterns,
    prefix_default_language=True,
)
