"""Who may open which admin view: every URL pattern Wagtail and we register under /admin/,
for every role, with GET and POST, against real objects (the superuser, an editor, a member, a
member's story in review, an editor's story in review, the story overview, an image, ...).

The expected answers are the table MATRIX below; a URL pattern without a row fails the test
("new admin view without an expected answer"). Answers:

    ok     allowed (2xx, or a redirect that is not a refusal)
    login  sent to the login page: not logged in, a blocked member (whose session is void), or
           a member (the login page sends them on to the member area: no admin for members)
    no     refused (403, or Wagtail's "no permission" redirect to the dashboard)
    404    not found (e.g. the members view for an account that is not a member's)
    405    method not allowed (e.g. GET on an address that only takes POST)

    ...+   the same, and the request changed data (accounts, groups, permissions, pages, media,
           reports, registrations, settings: see `fingerprint`); expected only where an
           allowed empty POST does something (a lock, an approval), never with a refusal

A POST is sent empty. Every request runs in a savepoint that is rolled back (and the client's
cookies are restored: a logout is undone too), so each one sees the same data."""

import copy
import io
import os
from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import constants, get_messages
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail import hooks
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from community.models import ContributionReviewTask, NewsletterSubscriber, Report, Town
from community.roles import EDITOR_GROUPS, MODERATORS, WORKFLOW
from community.roles.setup import setup_roles
from exchanges import visits
from exchanges.factories import VisitPageFactory
from exchanges.models import GuestParty, HostOffer, Placement, Registration, VisitMatching
from home.machine_translation import GlossaryTerm, MachineTranslation
from home.mail import OutgoingEmail
from home.models import Foundation, FoundationSettings
from home.schedule import SchedulerState
from tests.calendar_base import CalendarMixin

User = get_user_model()

ROLES = ("anonymous", "member", "blocked", "moderator", "editor_nl", "editor_de", "admin")

# Rows that many addresses share (columns as in ROLES).
ADMINS = "login login login no no no ok"  # accounts, groups, sites, workflows, collections, ...
EDITORS = "login login login no ok ok ok"  # content, media, towns, registrations, translation
STAFF = "login login login ok ok ok ok"  # moderators too: dashboard, reports, members, choosers
PUBLIC = "ok ok ok ok ok ok ok"  # scripts and icons of the admin
STAFF_405 = "login login login 405 405 405 405"  # the other method is refused before the roles
EDITORS_405 = "login login login no 405 405 405"
ADMINS_405 = "login login login no no no 405"
COORDINATORS = "login login login no no ok ok"  # a visit to the German town: its editors
# A page the moderator may not review: not found, as an id no page has (jumelage/page_routes.py).
MODERATOR_404 = "login login login 404 ok ok ok"
MODERATOR_404_405 = "login login login 404 405 405 405"  # editors: the other method refused
NOT_ITS_REVIEW = "login login login 404 404 404 404"  # a page's address with another's review

MATRIX = {
    # URL name [@ object it is tried with]: "anonymous member blocked moderator editor_nl
    # editor_de admin", or a pair ("for GET", "for POST")
    "admin/login/": "login login login login login login login",
    "admin/password_reset/": PUBLIC,
    "wagtailadmin_home": (STAFF, STAFF_405),
    "admin/test404/": (STAFF, STAFF_405),
    "wagtailadmin_api:pages:listing": (STAFF, STAFF_405),
    "wagtailadmin_api:pages:detail @ contribution": ("login login login 404 ok ok ok", STAFF_405),
    "wagtailadmin_api:pages:detail @ editor_story": ("login login login 404 ok ok ok", STAFF_405),
    "wagtailadmin_api:pages:detail @ overview": ("login login login 404 ok ok ok", STAFF_405),
    "wagtailadmin_api:pages:find": ("login login login 404 404 404 404", STAFF_405),
    "wagtailadmin_api:documents:listing": (STAFF, STAFF_405),
    # The admin's API lists only what the user may choose (home/wagtail_hooks.py).
    "wagtailadmin_api:documents:detail": ("login login login 404 ok ok ok", STAFF_405),
    "wagtailadmin_api:documents:find": ("login login login 404 404 404 404", STAFF_405),
    "wagtailadmin_api:images:listing": (STAFF, STAFF_405),
    "wagtailadmin_api:images:detail": ("login login login 404 ok ok ok", STAFF_405),
    "wagtailadmin_api:images:find": ("login login login 404 404 404 404", STAFF_405),
    # Wagtail's deliberate error page.
    "wagtailadmin_error_test": "login login login 500 500 500 500",
    "wagtailadmin_explore_root": (EDITORS, EDITORS_405),
    "wagtailadmin_explore @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_explore @ editor_story": (MODERATOR_404, MODERATOR_404_405),
    "wagtailadmin_explore @ overview": (MODERATOR_404, MODERATOR_404_405),
    "wagtailadmin_explore_results @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_explore_results @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_explore_results @ overview": (MODERATOR_404, MODERATOR_404_405),
    # Bulk actions: BULK below.
    # Pages. Moderators: the editor, draft, preview, history and actions of a member's
    # contribution in review, nothing else; any other page is not found, as an id no page has
    # (PageIdsTests below). An empty POST, where the role is allowed: 400 for a form without
    # its StreamField's fields, also to the editor's live preview (home/wagtail_hooks.py), 500
    # for a copy without a destination (Wagtail's view fails).
    "wagtailadmin_pages:add @ contribution": "login login login no no no no",
    "wagtailadmin_pages:add @ editor_story": "login login login 404 no no no",
    "wagtailadmin_pages:add @ overview": (MODERATOR_404, "login login login 404 400 400 400"),
    "wagtailadmin_pages:preview_on_add @ contribution": "login login login no no no no",
    "wagtailadmin_pages:preview_on_add @ editor_story": "login login login 404 no no no",
    "wagtailadmin_pages:preview_on_add @ overview": (
        MODERATOR_404,
        "login login login 404 400 400 400",
    ),
    "wagtailadmin_pages:type_use": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:choose_parent": STAFF,
    "wagtailadmin_pages:type_use_results": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:usage @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:usage @ editor_story": (MODERATOR_404, MODERATOR_404_405),
    "wagtailadmin_pages:usage @ overview": (MODERATOR_404, MODERATOR_404_405),
    # A moderator is led to the review she may decide (community/wagtail_hooks.py,
    # `review_instead`).
    "wagtailadmin_pages:edit @ contribution": (STAFF, "login login login no 400 400 400"),
    "wagtailadmin_pages:edit @ editor_story": (MODERATOR_404, "login login login 404 400 400 400"),
    "wagtailadmin_pages:edit @ overview": MODERATOR_404,
    "wagtailadmin_pages:preview_on_edit @ contribution": (
        EDITORS,
        "login login login no 400 400 400",
    ),
    "wagtailadmin_pages:preview_on_edit @ editor_story": (
        MODERATOR_404,
        "login login login 404 400 400 400",
    ),
    "wagtailadmin_pages:preview_on_edit @ overview": MODERATOR_404,
    # Moderators read a contribution in the review task's preview, not in the editor's views.
    "wagtailadmin_pages:view_draft @ contribution": EDITORS,
    "wagtailadmin_pages:view_draft @ editor_story": MODERATOR_404,
    "wagtailadmin_pages:view_draft @ overview": MODERATOR_404,
    "wagtailadmin_pages:add_subpage @ contribution": "login login login no no no no",
    "wagtailadmin_pages:add_subpage @ editor_story": "login login login 404 no no no",
    "wagtailadmin_pages:add_subpage @ overview": MODERATOR_404,
    "wagtailadmin_pages:delete @ contribution": (EDITORS, "login login login no ok+ ok+ ok+"),
    "wagtailadmin_pages:delete @ editor_story": (
        MODERATOR_404,
        "login login login 404 ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:delete @ overview": (
        "login login login 404 no no ok",
        "login login login 404 no no ok+",
    ),
    "wagtailadmin_pages:unpublish @ contribution": "login login login no no no no",
    "wagtailadmin_pages:unpublish @ editor_story": (
        MODERATOR_404,
        "login login login 404 ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:unpublish @ overview": (MODERATOR_404, "login login login 404 ok+ ok+ ok+"),
    "wagtailadmin_pages:convert_alias @ contribution": "login login login 404 404 404 404",
    "wagtailadmin_pages:convert_alias @ editor_story": "login login login 404 404 404 404",
    "wagtailadmin_pages:convert_alias @ overview": "login login login 404 404 404 404",
    "wagtailadmin_pages:search": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:search_results": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:move @ contribution": EDITORS,
    "wagtailadmin_pages:move @ editor_story": MODERATOR_404,
    "wagtailadmin_pages:move @ overview": MODERATOR_404,
    "wagtailadmin_pages:move_confirm @ contribution": (
        MODERATOR_404,
        "login login login 404 no no no",
    ),
    "wagtailadmin_pages:move_confirm @ editor_story": (
        MODERATOR_404,
        "login login login 404 no no no",
    ),
    "wagtailadmin_pages:move_confirm @ overview": (
        MODERATOR_404,
        "login login login 404 ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:set_page_position @ contribution": (
        STAFF_405,
        "login login login no ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:set_page_position @ editor_story": (
        MODERATOR_404_405,
        MODERATOR_404,
    ),
    "wagtailadmin_pages:set_page_position @ overview": (
        MODERATOR_404_405,
        "login login login 404 ok+ ok+ ok+",
    ),
    # An empty POST to a copy names no new parent: a bad request (home/wagtail_hooks.py).
    "wagtailadmin_pages:copy @ contribution": (EDITORS, "login login login no 400 400 400"),
    "wagtailadmin_pages:copy @ editor_story": (MODERATOR_404, "login login login 404 400 400 400"),
    "wagtailadmin_pages:copy @ overview": (MODERATOR_404, "login login login 404 400 400 400"),
    # The review views: the page's own review only (never another page's task state), and for
    # a moderator only a review they may decide (jumelage/urls.py, `with_review_rights`).
    "wagtailadmin_pages:workflow_action @ contribution": (
        STAFF,
        "login login login ok+ ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:workflow_action @ editor_story": (
        MODERATOR_404,
        "login login login 404 ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:workflow_action @ overview": NOT_ITS_REVIEW,
    # The reviewers' email's link, once decided: what became of the review.
    "jumelage_review_decided @ contribution": (STAFF, STAFF_405),
    "jumelage_review_decided @ editor_story": (MODERATOR_404, STAFF_405),
    "jumelage_review_decided @ overview": (NOT_ITS_REVIEW, STAFF_405),
    # What was sent back for changes, as the reviewer read it: none of these was (the
    # contribution's review is in progress; tests/test_moderator_walk.py reads one sent back).
    "jumelage_reviewed_revision @ contribution": (NOT_ITS_REVIEW, STAFF_405),
    "jumelage_reviewed_revision @ editor_story": (NOT_ITS_REVIEW, STAFF_405),
    "jumelage_reviewed_revision @ overview": (NOT_ITS_REVIEW, STAFF_405),
    # The dashboard's "Approve" asks first: a page (GET only) whose form posts to the above.
    "jumelage_confirm_approval @ contribution": (STAFF, STAFF_405),
    "jumelage_confirm_approval @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "jumelage_confirm_approval @ overview": NOT_ITS_REVIEW,
    # What approving publishes, saved after the page was sent: read as the confirmation is.
    "jumelage_approval_preview @ contribution": (STAFF, STAFF_405),
    "jumelage_approval_preview @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "jumelage_approval_preview @ overview": NOT_ITS_REVIEW,
    "wagtailadmin_pages:collect_workflow_action_data @ contribution": STAFF,
    "wagtailadmin_pages:collect_workflow_action_data @ editor_story": MODERATOR_404,
    "wagtailadmin_pages:collect_workflow_action_data @ overview": NOT_ITS_REVIEW,
    # Only for who may cancel the page's review: publish the page, or decide its review
    # (jumelage/urls.py, `with_cancellation_rights`).
    "wagtailadmin_pages:confirm_workflow_cancellation @ contribution": STAFF,
    "wagtailadmin_pages:confirm_workflow_cancellation @ editor_story": EDITORS,
    "wagtailadmin_pages:confirm_workflow_cancellation @ overview": EDITORS,
    "wagtailadmin_pages:workflow_preview @ contribution": (STAFF, STAFF_405),
    "wagtailadmin_pages:workflow_preview @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:workflow_preview @ overview": (
        "login login login 404 no no no",
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:set_privacy @ contribution": EDITORS,
    "wagtailadmin_pages:set_privacy @ editor_story": MODERATOR_404,
    "wagtailadmin_pages:set_privacy @ overview": MODERATOR_404,
    "wagtailadmin_pages:lock @ contribution": (STAFF_405, "login login login ok+ ok+ ok+ ok+"),
    "wagtailadmin_pages:lock @ editor_story": (
        MODERATOR_404_405,
        "login login login 404 ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:lock @ overview": (
        MODERATOR_404_405,
        "login login login 404 ok+ ok+ ok+",
    ),
    "wagtailadmin_pages:unlock @ contribution": (STAFF_405, ADMINS),
    "wagtailadmin_pages:unlock @ editor_story": (
        MODERATOR_404_405,
        "login login login 404 no no ok",
    ),
    "wagtailadmin_pages:unlock @ overview": (MODERATOR_404_405, MODERATOR_404),
    "wagtailadmin_pages:revisions_index @ contribution": STAFF,
    "wagtailadmin_pages:revisions_index @ editor_story": MODERATOR_404,
    "wagtailadmin_pages:revisions_index @ overview": MODERATOR_404,
    "wagtailadmin_pages:revisions_view @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:revisions_view @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:revisions_view @ overview": NOT_ITS_REVIEW,
    "wagtailadmin_pages:revisions_revert @ contribution": (
        EDITORS,
        "login login login no 400 400 400",
    ),
    "wagtailadmin_pages:revisions_revert @ editor_story": (
        MODERATOR_404,
        "login login login 404 400 400 400",
    ),
    "wagtailadmin_pages:revisions_revert @ overview": "login login login 404 404 404 404",
    "wagtailadmin_pages:revisions_unschedule @ contribution": EDITORS,
    "wagtailadmin_pages:revisions_unschedule @ editor_story": MODERATOR_404,
    "wagtailadmin_pages:revisions_unschedule @ overview": NOT_ITS_REVIEW,
    "wagtailadmin_pages:revisions_compare @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:revisions_compare @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:revisions_compare @ overview": (
        NOT_ITS_REVIEW,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:workflow_history @ contribution": (STAFF, EDITORS_405),
    "wagtailadmin_pages:workflow_history @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:workflow_history @ overview": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:workflow_history_detail @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:workflow_history_detail @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:workflow_history_detail @ overview": (
        NOT_ITS_REVIEW,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:history @ contribution": (STAFF, EDITORS_405),
    "wagtailadmin_pages:history @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:history @ overview": (MODERATOR_404, MODERATOR_404_405),
    "wagtailadmin_pages:history_results @ contribution": (EDITORS, EDITORS_405),
    "wagtailadmin_pages:history_results @ editor_story": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    "wagtailadmin_pages:history_results @ overview": (
        MODERATOR_404,
        MODERATOR_404_405,
    ),
    # The page chooser shows the page tree and drafts' titles: not to moderators (no page
    # permissions; community/wagtail_hooks.py, and jumelage/urls.py for the chosen pages).
    "wagtailadmin_choose_page": (EDITORS, STAFF_405),
    "wagtailadmin_choose_page_child @ contribution": (EDITORS, STAFF_405),
    "wagtailadmin_choose_page_child @ editor_story": (
        "login login login 404 ok ok ok",
        "login login login 404 405 405 405",
    ),
    "wagtailadmin_choose_page_child @ overview": (
        "login login login 404 ok ok ok",
        "login login login 404 405 405 405",
    ),
    "wagtailadmin_choose_page_search": (EDITORS, STAFF_405),
    "wagtailadmin_choose_page_chosen_multiple": (EDITORS, EDITORS_405),
    "admin/choose-page/chosen-multiple/": (EDITORS, EDITORS_405),
    # An empty POST is a bad request before any refusal (jumelage/form_posts.py); so are the PO
    # upload's and the redirects import's below.
    "wagtailadmin_choose_page_external_link": (STAFF, "login login login 400 400 400 400"),
    "wagtailadmin_choose_page_email_link": STAFF,
    "wagtailadmin_choose_page_phone_link": STAFF,
    "wagtailadmin_choose_page_anchor_link": STAFF,
    "wagtailadmin_tag_autocomplete": EDITORS,
    "wagtailadmin_tag_model_autocomplete": EDITORS,
    # Collections, workflows, tasks, redirects, sites, locales, users and groups: administrators.
    "wagtailadmin_collections:index": (ADMINS, ADMINS_405),
    "wagtailadmin_collections:add": ADMINS,
    "wagtailadmin_collections:edit": ADMINS,
    "wagtailadmin_collections:delete": (
        "login login login 404 404 404 ok",
        "login login login 404 404 404 no",
    ),
    "wagtailadmin_collections:set_privacy": ADMINS,
    "wagtailadmin_workflows:index": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:index_results": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:add": ADMINS,
    "wagtailadmin_workflows:enable": (STAFF_405, ADMINS),
    "wagtailadmin_workflows:disable": (ADMINS, "login login login no no no ok+"),
    "wagtailadmin_workflows:edit": ADMINS,
    "wagtailadmin_workflows:usage": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:usage_results": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:remove(page_pk) @ contribution": (STAFF_405, ADMINS),
    "wagtailadmin_workflows:remove(page_pk) @ editor_story": (
        "login login login 404 405 405 405",
        "login login login 404 no no ok",
    ),
    "wagtailadmin_workflows:remove(page_pk) @ overview": (
        "login login login 404 405 405 405",
        "login login login 404 no no ok",
    ),
    "wagtailadmin_workflows:remove(page_pk,workflow_pk) @ contribution": (STAFF_405, ADMINS),
    "wagtailadmin_workflows:remove(page_pk,workflow_pk) @ editor_story": (
        "login login login 404 405 405 405",
        "login login login 404 no no ok",
    ),
    "wagtailadmin_workflows:remove(page_pk,workflow_pk) @ overview": (
        "login login login 404 405 405 405",
        "login login login 404 no no ok",
    ),
    "wagtailadmin_workflows:add_task": "login login login 404 404 404 404",
    "wagtailadmin_workflows:select_task_type": ADMINS,
    "wagtailadmin_workflows:task_index": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:task_index_results": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:edit_task": ADMINS,
    "wagtailadmin_workflows:disable_task": (ADMINS, "login login login no no no ok+"),
    "wagtailadmin_workflows:enable_task": (STAFF_405, ADMINS),
    # The task chooser lists tasks: for who holds a permission on tasks (administrators).
    "wagtailadmin_workflows:task_chooser": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:task_chooser_results": (ADMINS, ADMINS_405),
    "wagtailadmin_workflows:task_chooser_create": (ADMINS, "login login login no no no 400"),
    "wagtailadmin_workflows:task_chosen": ADMINS,
    "wagtailadmin_reports:locked_pages": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:locked_pages_results": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:workflow": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:workflow_results": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:workflow_tasks": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:workflow_tasks_results": (EDITORS, EDITORS_405),
    # Every page's title and every account's address in its filters: not for moderators.
    "wagtailadmin_reports:site_history": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:site_history_results": (EDITORS, EDITORS_405),
    "admin/reports/site-history/": (EDITORS, EDITORS_405),
    "admin/reports/site-history/results/": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:aging_pages": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:aging_pages_results": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:page_types_usage": (EDITORS, EDITORS_405),
    "wagtailadmin_reports:page_types_usage_results": (EDITORS, EDITORS_405),
    "wagtailadmin_account": STAFF,
    "wagtailadmin_logout": (STAFF_405, "login login login login login login login"),
    "wagtailadmin_dismissibles": (STAFF, STAFF_405),
    "wagtailadmin_editing_sessions:ping": (STAFF_405, "login login login 404 ok ok ok"),
    "wagtailadmin_editing_sessions:release": (STAFF_405, STAFF),
    "wagtailadmin_block_preview": ("login login login 404 404 404 404", STAFF_405),
    # Translation: editors.
    "wagtail_localize:javascript_catalog": (STAFF, STAFF_405),
    "wagtail_localize:submit_page_translation @ contribution": EDITORS,
    "wagtail_localize:submit_page_translation @ editor_story": "login login login 404 ok ok ok",
    "wagtail_localize:submit_page_translation @ overview": "login login login 404 ok ok ok",
    "wagtail_localize:submit_snippet_translation": EDITORS,
    "wagtail_localize:update_translations": EDITORS,
    "wagtail_localize:edit_string_translation": STAFF_405,
    "wagtail_localize:edit_override": STAFF_405,
    "wagtail_localize:download_pofile": EDITORS,
    "wagtail_localize:upload_pofile": (STAFF_405, "login login login 400 400 400 400"),
    # No machine translator in the test settings: wagtail-localize's view finds none (404).
    "wagtail_localize:machine_translate": (STAFF_405, "login login login 404 404 404 404"),
    "wagtail_localize:preview_translation(translation_id)": EDITORS,
    "wagtail_localize:preview_translation(mode,translation_id)": (
        "login login login no 404 404 404"
    ),
    "wagtail_localize:stop_translation": (STAFF_405, "login login login no ok+ ok+ ok+"),
    "wagtail_localize:convert_to_alias @ contribution": "login login login no 404 404 404",
    "wagtail_localize:convert_to_alias @ editor_story": "login login login 404 404 404 404",
    "wagtail_localize:convert_to_alias @ overview": "login login login 404 404 404 404",
    # Every translated page's title: not for moderators (jumelage/urls.py).
    "wagtail_localize:translations_report": (EDITORS, EDITORS_405),
    "wagtail_localize:translations_report_results": (EDITORS, EDITORS_405),
    "admin/localize/reports/translations/": (EDITORS, EDITORS_405),
    "admin/localize/reports/translations/results/": (EDITORS, EDITORS_405),
    "wagtail_localize:snippets_api_listing": (EDITORS, EDITORS_405),
    "wagtail_localize:snippets_api_detail": (EDITORS, EDITORS_405),
    # Foundation settings: editors (each only their own foundation's details; tests/test_roles.py).
    "wagtailsettings:edit(app_name,model_name)": EDITORS,
    "wagtailsettings:edit(app_name,model_name,pk)": EDITORS,
    "wagtailsettings:preview_on_edit": "login login login no 404 404 404",
    "wagtailredirects:index": (ADMINS, ADMINS_405),
    "wagtailredirects:index_results": (ADMINS, ADMINS_405),
    "wagtailredirects:add": ADMINS,
    "wagtailredirects:edit": ADMINS,
    "wagtailredirects:delete": (ADMINS, "login login login no no no ok+"),
    "wagtailredirects:start_import": ADMINS,
    "wagtailredirects:process_import": (ADMINS_405, "login login login 400 400 400 400"),
    "wagtailembeds:chooser": EDITORS,
    "wagtailembeds:chooser_upload": EDITORS,
    "wagtailsnippets:index": (EDITORS, EDITORS_405),
    "wagtaildocs:index": (EDITORS, EDITORS_405),
    "wagtaildocs:index_results": (EDITORS, EDITORS_405),
    "wagtaildocs:add": EDITORS,
    "wagtaildocs:edit": EDITORS,
    "wagtaildocs:delete": (EDITORS, "login login login no ok+ ok+ ok+"),
    "wagtaildocs:add_multiple": (EDITORS, "login login login no 400 400 400"),
    "wagtaildocs:edit_multiple": (STAFF_405, EDITORS),
    "wagtaildocs:create_multiple_from_uploaded_document": (
        STAFF_405,
        "login login login 404 404 404 404",
    ),
    "wagtaildocs:delete_multiple": (STAFF_405, "login login login no ok+ ok+ ok+"),
    "wagtaildocs:delete_upload_multiple": (STAFF_405, "login login login 404 404 404 404"),
    "wagtaildocs:document_usage": (EDITORS, EDITORS_405),
    "wagtailimages:index": (EDITORS, EDITORS_405),
    "wagtailimages:index_results": (EDITORS, EDITORS_405),
    "wagtailimages:edit": EDITORS,
    "wagtailimages:delete": (EDITORS, "login login login no ok+ ok+ ok+"),
    "wagtailimages:url_generator": ("login login login no 404 404 404", EDITORS_405),
    "wagtailimages:url_generator_output": ("login login login no 404 404 404", EDITORS_405),
    "wagtailimages:preview": EDITORS,
    "wagtailimages:add": EDITORS,
    "wagtailimages:image_usage": (EDITORS, EDITORS_405),
    "wagtailimages:add_multiple": (EDITORS, "login login login no 400 400 400"),
    "wagtailimages:edit_multiple": (STAFF_405, EDITORS),
    "wagtailimages:create_multiple_from_uploaded_image": (
        STAFF_405,
        "login login login no ok no no",
    ),
    "wagtailimages:delete_multiple": (STAFF_405, "login login login no ok+ ok+ ok+"),
    "wagtailimages:delete_upload_multiple": (STAFF_405, "login login login no ok no no"),
    "wagtailsnippets_community_town:list": (EDITORS, EDITORS_405),
    "wagtailsnippets_community_town:list_results": (EDITORS, EDITORS_405),
    "wagtailsnippets_community_town:add": EDITORS,
    "wagtailsnippets_community_town:edit": EDITORS,
    "wagtailsnippets_community_town:delete": (EDITORS, "login login login no no no no"),
    "wagtailsnippets_community_town:usage": (EDITORS, EDITORS_405),
    "wagtailsnippets_community_town:history": (EDITORS, EDITORS_405),
    "wagtailsnippets_community_town:history_results": (EDITORS, EDITORS_405),
    "wagtailsnippets_community_town:copy": EDITORS,
    "wagtailsnippetchoosers_community_town:choose": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_community_town:choose_results": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_community_town:chosen": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_community_town:chosen_multiple": (EDITORS, EDITORS_405),
    # No creation form in these choosers: a POST is a bad request (jumelage/choosers.py).
    "wagtailsnippetchoosers_community_town:create": (EDITORS, "login login login no 400 400 400"),
    # Our views. Reports: moderators and editors handle them, nobody adds one in the admin.
    "reports:index": (STAFF, STAFF_405),
    "reports:index_results": (STAFF, STAFF_405),
    "reports:add": "login login login no no no no",
    "reports:edit": STAFF,
    "reports:delete": (ADMINS, "login login login no no no ok+"),
    "reports:history": (STAFF, STAFF_405),
    "reports:history_results": (STAFF, STAFF_405),
    "reports:usage": (STAFF, STAFF_405),
    "reports:inspect": (STAFF, STAFF_405),
    # Members: listed, inspected and blocked by moderators and editors; any other account is
    # not found, and nobody adds or deletes an account here.
    "members:index": (STAFF, STAFF_405),
    "members:index_results": (STAFF, STAFF_405),
    "members:add": "login login login no no no no",
    "members:edit @ member": STAFF,
    "members:edit @ editor": "login login login 404 404 404 404",
    "members:edit @ superuser": "login login login 404 404 404 404",
    "members:delete @ member": "login login login no no no no",
    "members:delete @ editor": "login login login 404 404 404 404",
    "members:delete @ superuser": "login login login 404 404 404 404",
    "members:history @ member": (STAFF, STAFF_405),
    "members:history @ editor": "login login login 404 404 404 404",
    "members:history @ superuser": "login login login 404 404 404 404",
    "members:history_results @ member": (STAFF, STAFF_405),
    "members:history_results @ editor": "login login login 404 404 404 404",
    "members:history_results @ superuser": "login login login 404 404 404 404",
    "members:usage @ member": (STAFF, STAFF_405),
    "members:usage @ editor": "login login login 404 404 404 404",
    "members:usage @ superuser": "login login login 404 404 404 404",
    "members:inspect @ member": (STAFF, STAFF_405),
    "members:inspect @ editor": "login login login 404 404 404 404",
    "members:inspect @ superuser": "login login login 404 404 404 404",
    # The guide to this site (jumelage/editor_guide.py): everyone who works in the admin.
    "jumelage_editor_guide": (STAFF, STAFF_405),
    # The email queue and the scheduled work (jumelage/outbox.py): editors only.
    "jumelage_outgoing_email": (EDITORS, EDITORS_405),
    "jumelage_outgoing_email_retry": (EDITORS_405, "login login login no ok+ ok+ ok+"),
    "jumelage_outgoing_email_schedule": (EDITORS_405, "login login login no ok+ ok+ ok+"),
    # Machine translation (jumelage/translation_admin.py): editors who may publish the page.
    # Without a translator (the test settings) "Try again now" and "Translate and publish" say
    # so and change nothing.
    "jumelage_machine_translation_reviewed": (STAFF_405, "login login login no ok+ ok+ ok+"),
    "jumelage_machine_translation_retry": (STAFF_405, EDITORS),
    "jumelage_translate_page @ contribution": EDITORS,
    "jumelage_translate_page @ editor_story": "login login login 404 ok ok ok",
    "jumelage_translate_page @ overview": "login login login 404 ok ok ok",
    # The machine translators' glossary: editors keep it. Its chooser, like every chooser, only
    # for who holds a permission on what it chooses (jumelage/choosers.py); Wagtail's chooser
    # fails on an empty POST.
    "wagtailsnippets_home_glossaryterm:list": (EDITORS, EDITORS_405),
    "wagtailsnippets_home_glossaryterm:list_results": (EDITORS, EDITORS_405),
    "wagtailsnippets_home_glossaryterm:add": EDITORS,
    "wagtailsnippets_home_glossaryterm:edit": EDITORS,
    "wagtailsnippets_home_glossaryterm:delete": (EDITORS, "login login login no ok+ ok+ ok+"),
    "wagtailsnippets_home_glossaryterm:usage": (EDITORS, EDITORS_405),
    "wagtailsnippets_home_glossaryterm:history": (EDITORS, EDITORS_405),
    "wagtailsnippets_home_glossaryterm:history_results": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_home_glossaryterm:choose": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_home_glossaryterm:choose_results": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_home_glossaryterm:chosen": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_home_glossaryterm:chosen_multiple": (EDITORS, EDITORS_405),
    "wagtailsnippetchoosers_home_glossaryterm:create": (
        EDITORS,
        "login login login no 400 400 400",
    ),
    # Newsletter subscribers: editors see and delete them; nobody adds or changes one here.
    "newsletter_subscribers:index": (EDITORS, EDITORS_405),
    "newsletter_subscribers:index_results": (EDITORS, EDITORS_405),
    "newsletter_subscribers:add": "login login login no no no no",
    "newsletter_subscribers:edit": "login login login no no no no",
    "newsletter_subscribers:delete": (EDITORS, "login login login no ok+ ok+ ok+"),
    "newsletter_subscribers:history": (EDITORS, EDITORS_405),
    "newsletter_subscribers:history_results": (EDITORS, EDITORS_405),
    "newsletter_subscribers:usage": "login login login no no no no",
    "newsletter_subscribers:inspect": (EDITORS, EDITORS_405),
    "registrations:index": (EDITORS, EDITORS_405),
    "registrations:index_results": (EDITORS, EDITORS_405),
    "registrations:add": ADMINS,
    "registrations:edit": EDITORS,
    "registrations:delete": (ADMINS, "login login login no no no ok+"),
    "registrations:history": (EDITORS, EDITORS_405),
    "registrations:history_results": (EDITORS, EDITORS_405),
    "registrations:usage": (EDITORS, EDITORS_405),
    "registrations:inspect": (EDITORS, EDITORS_405),
    # A newsletter's send page, email preview and test (community/newsletter/admin_views.py):
    # editors, for a newsletter page (none of these pages is one: not found).
    "newsletter_send @ contribution": "login login login no 404 404 404",
    "newsletter_send @ editor_story": "login login login 404 404 404 404",
    "newsletter_send @ overview": "login login login 404 404 404 404",
    "newsletter_preview @ contribution": "login login login no 404 404 404",
    "newsletter_preview @ editor_story": "login login login 404 404 404 404",
    "newsletter_preview @ overview": "login login login 404 404 404 404",
    "newsletter_test @ contribution": (STAFF_405, "login login login no 404 404 404"),
    "newsletter_test @ editor_story": (
        "login login login 404 405 405 405",
        "login login login 404 404 404 404",
    ),
    "newsletter_test @ overview": (
        "login login login 404 405 405 405",
        "login login login 404 404 404 404",
    ),
    "wagtaillocales:index": (ADMINS, ADMINS_405),
    "wagtaillocales:index_results": (ADMINS, ADMINS_405),
    "wagtaillocales:add": ADMINS,
    "wagtaillocales:edit": ADMINS,
    "wagtaillocales:delete": ADMINS,
    "wagtaillocales:history": (ADMINS, ADMINS_405),
    "wagtaillocales:history_results": (ADMINS, ADMINS_405),
    "wagtaillocales:usage": (ADMINS, ADMINS_405),
    "wagtaillocales:copy": ADMINS,
    "wagtailsites:index": (ADMINS, ADMINS_405),
    "wagtailsites:index_results": (ADMINS, ADMINS_405),
    "wagtailsites:add": ADMINS,
    "wagtailsites:edit": ADMINS,
    "wagtailsites:delete": (ADMINS, "login login login no no no ok+"),
    "wagtailsites:history": (ADMINS, ADMINS_405),
    "wagtailsites:history_results": (ADMINS, ADMINS_405),
    "wagtailsites:usage": (ADMINS, ADMINS_405),
    "wagtailsites:copy": ADMINS,
    # Exchange visits (exchanges/visit_admin.py): the coordinators, i.e. the editors of the
    # hosting town's foundation (the visit goes to Herzebrock-Clarholz: the German editors);
    # the guests' coordinators (the visit comes from Steenwijkerland: the Dutch editors) see
    # the guest parties and the guest list and cancel a party, nothing else.
    "exchange_visits": (EDITORS, EDITORS_405),
    # The widgets' copy-paste code (exchanges/embed_admin.py): editors and administrators.
    "embed_snippet": (EDITORS, EDITORS_405),
    "exchange_visit": ("login login login 404 ok ok ok", "login login login 404 405 405 405"),
    "exchange_visit_matching": (
        "login login login 404 no ok ok",
        "login login login 404 no 405 405",
    ),
    "exchange_visit_propose": (
        "login login login 405 405 405 405",
        "login login login 404 no ok+ ok+",
    ),
    # An empty POST asks to tick the box first.
    "exchange_visit_publish": "login login login 404 no ok ok",
    "exchange_visit_guests_csv": "login login login 404 ok ok ok",
    # Without a household chosen: the party stays without one.
    "exchange_visit_place": ("login login login 405 405 405 405", "login login login 404 no ok ok"),
    "exchange_visit_returning": (
        "login login login 405 405 405 405",
        "login login login 404 no ok ok",
    ),
    # A GET asks first and changes nothing; the POST does it.
    "exchange_visit_cancel_party": (
        "login login login 404 ok ok ok",
        "login login login 404 ok+ ok+ ok+",
    ),
    "exchange_visit_withdraw_offer": (
        "login login login 404 no ok ok",
        "login login login 404 no ok+ ok+",
    ),
    # Accounts and groups: administrators only (the attack of issue 12).
    "wagtailusers_users:index": (ADMINS, ADMINS_405),
    "wagtailusers_users:index_results": (ADMINS, ADMINS_405),
    "wagtailusers_users:add": ADMINS,
    "wagtailusers_users:edit": ADMINS,
    "wagtailusers_users:delete": "login login login no no no no",
    "wagtailusers_users:history": (ADMINS, ADMINS_405),
    "wagtailusers_users:history_results": (ADMINS, ADMINS_405),
    "wagtailusers_users:usage": (ADMINS, ADMINS_405),
    "wagtailusers_groups:index": (ADMINS, ADMINS_405),
    "wagtailusers_groups:index_results": (ADMINS, ADMINS_405),
    "wagtailusers_groups:add": ADMINS,
    "wagtailusers_groups:edit": ADMINS,
    "wagtailusers_groups:delete": (ADMINS, "login login login no no no ok+"),
    "wagtailusers_groups:history": (ADMINS, ADMINS_405),
    "wagtailusers_groups:history_results": (ADMINS, ADMINS_405),
    "wagtailusers_groups:usage": (ADMINS, ADMINS_405),
    "wagtaildocs_chooser:choose": (EDITORS, EDITORS_405),
    "wagtaildocs_chooser:choose_results": (EDITORS, EDITORS_405),
    "wagtaildocs_chooser:chosen": (EDITORS, EDITORS_405),
    "wagtaildocs_chooser:chosen_multiple": (EDITORS, EDITORS_405),
    "wagtaildocs_chooser:create": EDITORS,
    "wagtailimages_chooser:choose": (EDITORS, EDITORS_405),
    "wagtailimages_chooser:choose_results": (EDITORS, EDITORS_405),
    "wagtailimages_chooser:chosen": (EDITORS, EDITORS_405),
    "wagtailimages_chooser:chosen_multiple": (EDITORS, EDITORS_405),
    "wagtailimages_chooser:create": EDITORS,
    "wagtailimages_chooser:select_format": EDITORS,
    # Wagtail's own login and password reset lead to allauth (jumelage/urls.py) or are gone.
    "wagtailadmin_sprite": PUBLIC,
    "wagtailadmin_login": "login login login login login login login",
    "wagtailadmin_password_reset": PUBLIC,
    "wagtailadmin_password_reset_done": "404 404 404 404 404 404 404",
    "wagtailadmin_password_reset_confirm": "404 404 404 404 404 404 404",
    "wagtailadmin_password_reset_complete": "404 404 404 404 404 404 404",
    "wagtailadmin_javascript_catalog": (PUBLIC, "405 405 405 405 405 405 405"),
    "admin/^.*/$": "login login login 404 404 404 404",
}

# Bulk actions, every one Wagtail registers, each tried with other people's objects (the
# `?id=` of BULK_TARGETS). The confirmation (GET) names every object asked for by id, those the
# role may not act on too: none for a role without permissions on the model (moderators: no
# pages, images or documents; community/wagtail_hooks.py). The POST acts on what the role may.
BULK = {
    "page publish contribution": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page publish editor_story": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page publish overview": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page unpublish contribution": EDITORS,
    "page unpublish editor_story": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page unpublish overview": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page delete contribution": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page delete editor_story": (EDITORS, "login login login no ok+ ok+ ok+"),
    "page delete overview": (EDITORS, "login login login no ok ok ok+"),
    "page move contribution": EDITORS,
    "page move editor_story": EDITORS,
    "page move overview": EDITORS,
    "image add_tags image": EDITORS,
    "image add_to_collection image": EDITORS,
    "image delete image": (EDITORS, "login login login no ok+ ok+ ok+"),
    "document add_tags document": EDITORS,
    "document add_to_collection document": EDITORS,
    "document delete document": (EDITORS, "login login login no ok+ ok+ ok+"),
    "town delete steenwijkerland": (EDITORS, "login login login no no no no"),
    "glossaryterm delete glossary_term": (EDITORS, "login login login no ok+ ok+ ok+"),
    # Without a translator (the test settings) nothing is queued.
    "page translate_and_publish contribution": EDITORS,
    "page translate_and_publish editor_story": EDITORS,
    "page translate_and_publish overview": EDITORS,
    "user assign_role superuser": ADMINS,
    "user delete superuser": ADMINS,
    "user set_active_state superuser": ADMINS,
}
BULK_ROUTE = "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/"
for _pattern in ("wagtail_bulk_action", BULK_ROUTE):  # Wagtail's, and our guard before it
    MATRIX.update({f"{_pattern} @ {variant}": row for variant, row in BULK.items()})

# Every page action of the admin API, on every page below: they bypassed the admin's
# refusals (a meeting members count on unpublished, deleted) and nothing of the admin sends
# them, so they are closed (home/wagtail_hooks.py). A page the role may not explore is not
# found, as in the API's listing.
API_ACTIONS = (
    "publish",
    "unpublish",
    "delete",
    "move",
    "copy",
    "copy_for_translation",
    "create_alias",
    "convert_alias",
    "revert_to_page_revision",
)
API_PAGES = ("contribution", "editor_story", "overview", "meeting")  # the meeting: counted on
MATRIX.update(
    {
        f"wagtailadmin_api:pages:action @ {which} {action}": (
            STAFF_405,
            "login login login 404 no no no",
        )
        for which in API_PAGES
        for action in API_ACTIONS
    }
)


# --- the objects -------------------------------------------------------------------------------


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6").save(buffer, "PNG")
    return ImageFile(buffer, name="brug.png")


class Objects(CalendarMixin):
    @classmethod
    def build(cls):
        cls.build_calendar()
        setup_roles()
        password = "een-lang-wachtwoord-123"  # noqa: S105
        cls.admin = User.objects.create_superuser("beheer@example.org", password)
        cls.member = User.objects.create_user("lid@example.org", password, display_name="Lid")
        cls.blocked = User.objects.create_user(
            "geblokkeerd@example.org", password, is_active=False, blocked_reason="Spam"
        )
        cls.moderator = cls.in_group("moderator@example.org", MODERATORS)
        cls.editor_nl = cls.in_group("redactie@example.org", EDITOR_GROUPS[0])
        cls.editor_de = cls.in_group("redaktion@example.org", EDITOR_GROUPS[1])

        cls.contribution = cls.in_review(cls.member, "Bijdrage van een lid", member=True)
        cls.editor_story = cls.in_review(cls.editor_nl, "Verhaal van de redactie", member=False)
        cls.about = cls.add_page(title="Over ons", slug="over-ons")

        cls.collection = Collection.get_first_root_node().add_child(name="Archief")
        cls.image = get_image_model().objects.create(
            title="Brug", file=png(), collection=cls.collection
        )
        cls.document = get_document_model().objects.create(
            title="Notitie", file=ContentFile(b"%PDF-1.4\n", name="notitie.pdf")
        )
        cls.upload = UploadedFile.objects.create(
            file=ContentFile(b"x", name="upload.png"),
            for_content_type=ContentType.objects.get_for_model(get_image_model()),
            uploaded_by_user=cls.editor_nl,
        )
        cls.report = Report.objects.file(cls.editor_story, "spam")
        cls.counted_on = cls.meeting(
            timezone.now() + timedelta(days=5), title="Bijeenkomst", capacity=5
        )
        cls.registration = Registration.objects.register(cls.counted_on, cls.member)
        cls.redirect = Redirect.objects.create(old_path="/oud", redirect_link="/nl/")
        cls.subscriber = NewsletterSubscriber.objects.create(
            email="lezer@example.org", consent_version="1", consented_at=timezone.now()
        )
        cls.email = OutgoingEmail.objects.create(
            recipients="lid@example.org",
            subject="Herinnering",
            message=OutgoingEmail.serialise(
                EmailMessage("Herinnering", "Tekst", to=["lid@example.org"])
            ),
            status=OutgoingEmail.Status.FAILED,
        )
        cls.site = Site.objects.get(is_default_site=True)
        settings = FoundationSettings.for_site(cls.site)
        for name, country in (("Stichting", "NL"), ("Verein", "DE")):
            Foundation.objects.create(settings=settings, name=name, town=name, country=country)
        cls.workflow = Workflow.objects.get(name=WORKFLOW)
        cls.task = ContributionReviewTask.objects.get()
        source, _ = TranslationSource.get_or_create_from_instance(cls.about)
        cls.translation = Translation.objects.create(source=source, target_locale=cls.german)
        cls.translation.save_target(publish=True)
        cls.machine_translation = MachineTranslation.objects.create(
            translation=cls.translation, translated_at=timezone.now(), status="translated"
        )
        cls.glossary_term = GlossaryTerm.objects.create(dutch="Steenwijkerland")
        cls.segment = StringSegment.objects.filter(source=source).first()
        cls.overridable = OverridableSegment.objects.filter(source=source).first()
        cls.visit = VisitPageFactory(
            parent=cls.calendar, travelling_town=cls.steenwijkerland, hosting_town=cls.herzebrock
        )
        guest = User.objects.create_user(
            "gast@example.org", password, display_name="Gast", town=cls.steenwijkerland
        )
        host = User.objects.create_user(
            "gastgeber@example.org", password, display_name="Gastgeber", town=cls.herzebrock
        )
        cls.party = visits.sign_up(cls.visit, guest, GuestParty(travellers="Gast"))
        nights = [night.isoformat() for night in cls.visit.nights()]
        cls.offer = visits.offer_hosting(
            cls.visit, host, HostOffer(household="Familie Gastgeber", beds=2, nights=nights)
        )
        cls.session = EditingSession.objects.create(
            user=cls.editor_nl,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(cls.contribution.pk),
            last_seen_at=timezone.now(),
        )

    @classmethod
    def in_group(cls, email, group):
        user = User.objects.create_user(email, "een-lang-wachtwoord-123")
        user.groups.add(Group.objects.get(name=group))
        return user

    @classmethod
    def in_review(cls, owner, title, member):
        story = cls.story(title=title, slug=title.lower().replace(" ", "-"), live=not member)
        story.owner, story.member_contribution = owner, member
        story.save()
        story.save_revision(user=owner)
        story.get_workflow().start(story, owner)
        return story


# --- the addresses -----------------------------------------------------------------------------

PAGE_KWARGS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}
PAGES = ("contribution", "editor_story", "overview")
MEMBERS_VIEW_ACCOUNTS = ("member", "editor", "superuser")
# Every bulk action Wagtail registers is tried (its confirmation, GET, lists the objects asked
# for by id) with real objects of other people: which objects for each model. A model without
# an entry fails the test.
BULK_TARGETS = {
    "wagtailcore.page": PAGES,
    "wagtailimages.image": ("image",),
    "wagtaildocs.document": ("document",),
    "community.user": ("superuser",),
    "community.town": ("steenwijkerland",),
    "home.glossaryterm": ("glossary_term",),
}


def bulk_actions():
    """(app_label, model_name, action) of every bulk action registered with Wagtail."""
    found = set()
    for action_class in hooks.get_hooks("register_bulk_action"):
        for model in action_class.models:
            found.add((model._meta.app_label, model._meta.model_name, action_class.action_type))
    return sorted(found)


def admin_patterns():
    """(key, route, URL name, kwarg names) of every pattern under admin/, in resolver order."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                regex = pattern.pattern.regex
                yield prefix + str(pattern.pattern), name, sorted(regex.groupindex)

    found = [
        row for row in walk(get_resolver().url_patterns, "", None) if row[0].startswith("admin/")
    ]
    # Our guards in front of a named Wagtail view (same route, no name) are reached, and so
    # tested, through that view's name.
    named = {route for route, name, _kwargs in found if name}
    found = [row for row in found if row[1] or row[0] not in named]
    names = [name for _route, name, _kwargs in found]
    rows = []
    for route, name, kwargs in found:
        if name is None:
            key = route
        elif names.count(name) > 1:
            key = f"{name}({','.join(kwargs)})"
        else:
            key = name
        rows.append((key, route, name, kwargs))
    return rows


class Addresses:
    """Fills a pattern's keyword arguments with the ids of the test's objects."""

    def __init__(self, objects):
        self.o = objects

    def page(self, which):
        return {
            "contribution": self.o.contribution,
            "editor_story": self.o.editor_story,
            "overview": self.o.story_index,
            "meeting": self.o.counted_on,
        }[which]

    def account(self, which):
        return {"member": self.o.member, "editor": self.o.editor_nl, "superuser": self.o.admin}[
            which
        ]

    def variants(self, key, route, name, kwargs):
        """(key, path) pairs: one per object the pattern is tried with."""
        if name == "wagtail_bulk_action" or route == BULK_ROUTE:
            yield from self.bulk_variants(key)
            return
        if name is None:  # our redirects to allauth, Wagtail's test404 and its catch-all
            yield key, "/admin/not-there/" if "^" in route else f"/{route}"
            return
        if name == "wagtailadmin_api:pages:action":
            for which in API_PAGES:
                for action in API_ACTIONS:
                    values = {"pk": self.page(which).pk, "action_name": action}
                    yield f"{key} @ {which} {action}", reverse(name, kwargs=values)
            return
        if PAGE_KWARGS & set(kwargs) or name in {
            "wagtailadmin_pages:revisions_compare",
            "wagtailadmin_api:pages:detail",
        }:
            for which in PAGES:
                yield f"{key} @ {which}", reverse(name, kwargs=self.fill(name, kwargs, which))
            return
        if name.startswith("members:") and "pk" in kwargs:
            for which in MEMBERS_VIEW_ACCOUNTS:
                values = {"pk": self.account(which).pk}
                yield f"{key} @ {which}", reverse(name, kwargs=values)
            return
        yield key, reverse(name, kwargs=self.fill(name, kwargs, "contribution"))

    def bulk_variants(self, key):
        for app_label, model_name, action in bulk_actions():
            path = f"/admin/bulk/{app_label}/{model_name}/{action}/"
            targets = BULK_TARGETS.get(f"{app_label}.{model_name}")
            if targets is None:  # no row in MATRIX: the test fails
                yield f"{key} @ {model_name} {action} without an object to try it with", path
                continue
            for which in targets:
                target = self.bulk_target(which)
                yield f"{key} @ {model_name} {action} {which}", f"{path}?id={target.pk}"

    def bulk_target(self, which):
        if which in PAGES:
            return self.page(which)
        if which in MEMBERS_VIEW_ACCOUNTS:
            return self.account(which)
        return getattr(self.o, which)

    def fill(self, name, kwargs, which):
        o = self.o
        page = self.page(which)
        state = page.current_workflow_state or o.contribution.current_workflow_state
        by_namespace = {
            "wagtailadmin_api:pages": page.pk,
            "wagtailadmin_pages": page.pk,
            "wagtailadmin_api:documents": o.document.pk,
            "wagtailadmin_api:images": o.image.pk,
            "wagtailadmin_collections": o.collection.pk,
            "wagtailsettings": o.site.pk,
            "reports": o.report.pk,
            "registrations": o.registration.pk,
            "newsletter_subscribers": o.subscriber.pk,
            "wagtaillocales": o.german.pk,
            "wagtailsites": o.site.pk,
            "wagtailusers_users": o.admin.pk,
            "wagtailusers_groups": Group.objects.get(name=MODERATORS).pk,
            "wagtailsnippets_community_town": o.steenwijkerland.pk,
            "wagtailsnippetchoosers_community_town": o.steenwijkerland.pk,
            "wagtaildocs_chooser": o.document.pk,
            "wagtailimages_chooser": o.image.pk,
            "wagtail_localize": o.steenwijkerland.pk,
            "wagtailsnippets_home_glossaryterm": o.glossary_term.pk,
            "wagtailsnippetchoosers_home_glossaryterm": o.glossary_term.pk,
        }
        namespace = name.rpartition(":")[0]
        pk = by_namespace.get(namespace)
        if namespace == "wagtailadmin_workflows":
            pk = o.task.pk if "task" in name else o.workflow.pk
        values = {
            "pk": pk,
            "page_id": page.pk,
            "parent_page_id": page.pk,
            "page_to_move_id": page.pk,
            "page_pk": page.pk,
            "destination_id": o.home.pk,
            "content_type_app_name": "exchanges",
            "content_type_model_name": "storypage",
            "app_label": "exchanges",
            "model_name": "storypage",
            "app_name": "home",
            "action_name": "approve",
            "task_state_id": state.current_task_state_id,
            "task_id": o.task.pk,
            "workflow_state_id": state.pk,
            "workflow_pk": o.workflow.pk,
            "revision_id": page.latest_revision_id or o.contribution.latest_revision_id,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
            "collection_id": o.collection.pk,
            "object_id": str(o.contribution.pk),
            "session_id": o.session.pk,
            "translation_source_id": o.translation.source_id,
            "translation_id": o.translation.pk,
            "string_segment_id": o.segment.pk,
            "overridable_segment_id": o.overridable.pk if o.overridable else 1,
            "mode": "default",
            "redirect_id": o.redirect.pk,
            "email_id": o.email.pk,
            "visit_id": o.visit.pk,
            "party_id": o.party.pk,
            "offer_id": o.offer.pk,
            "machine_translation_id": o.machine_translation.pk,
            "document_id": o.document.pk,
            "doc_id": o.document.pk,
            "uploaded_file_id": o.upload.pk,
            "image_id": o.image.pk,
            "filter_spec": "max-165x165",
            "uidb64": "MQ",
            "token": "set-password",
        }
        if name == "wagtailsettings:edit" or name == "wagtailsettings:preview_on_edit":
            values["model_name"] = "foundationsettings"
        if name.startswith("wagtail_localize:snippet") or name.startswith(
            "wagtail_localize:submit_snippet"
        ):
            values.update(app_label="community", model_name="town")
        if name == "wagtailadmin_editing_sessions:ping":
            values.update(app_label="wagtailcore", model_name="page")
        if name == "wagtailadmin_tag_model_autocomplete":
            values.update(app_name="taggit", model_name="tag")
        if name == "wagtailadmin_pages:choose_parent":
            values.update(app_label="exchanges", model_name="storypage")
        return {kwarg: values[kwarg] for kwarg in kwargs}


# --- the answers -------------------------------------------------------------------------------


def answer(response):
    code = response.status_code
    request_path = response.wsgi_request.path
    if code in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        if path.endswith("/accounts/login/") or path == "/admin/login/":
            return "login"
        if path in (f"/nl{request_path}", f"/de{request_path}"):
            return "404"  # Django's LocaleMiddleware tries the address with a language first
        refused = any(
            message.level == constants.ERROR for message in get_messages(response.wsgi_request)
        )
        if refused and path == "/admin/":
            return "no"
        return "ok"
    if code == 403:
        return "no"
    if 200 <= code < 300:
        return "ok"
    return str(code)


def expected(row, method):
    """A row is one line of answers for both methods, or a (GET, POST) pair."""
    line = row if isinstance(row, str) else row[0 if method == "GET" else 1]
    words = line.split()
    assert len(words) == len(ROLES), f"{len(words)} answers for {len(ROLES)} roles: {line!r}"
    return dict(zip(ROLES, words, strict=True))


class Statements:
    """Watches the statements a request sends: `wrote` once any was not a read (anything but
    a SELECT or a savepoint's own statements counts as a write, to be safe)."""

    READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK")

    def __init__(self):
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if not self.wrote and not sql.lstrip().upper().startswith(self.READS):
            self.wrote = True
        return execute(sql, params, many, context)


def fingerprint():
    """What no refused request may change."""
    image, document = get_image_model(), get_document_model()
    return (
        list(
            User.objects.order_by("pk").values_list(
                "pk", "email", "password", "is_superuser", "is_staff", "is_active", "blocked_at"
            )
        ),
        sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        sorted(User.user_permissions.through.objects.values_list("user_id", "permission_id")),
        sorted(Group.objects.values_list("pk", "name")),
        sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        sorted(
            GroupCollectionPermission.objects.values_list(
                "group_id", "collection_id", "permission_id"
            )
        ),
        list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "title", "live", "latest_revision_id", "locked", "owner_id"
            )
        ),
        list(image.objects.order_by("pk").values_list("pk", "title", "collection_id", "file")),
        list(document.objects.order_by("pk").values_list("pk", "title", "collection_id")),
        list(Collection.objects.order_by("pk").values_list("pk", "name", "path")),
        list(Report.objects.order_by("pk").values_list("pk", "resolved_at", "decision")),
        list(Registration.objects.order_by("pk").values_list("pk", "status")),
        list(GuestParty.objects.order_by("pk").values_list("pk", "status", "preferred_offer")),
        list(HostOffer.objects.order_by("pk").values_list("pk", "withdrawn_at")),
        list(Placement.objects.order_by("pk").values_list("party", "offer", "announced_at")),
        list(VisitMatching.objects.values_list("pk", "proposed_at", "published_at")),
        list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        list(Workflow.objects.order_by("pk").values_list("pk", "active", "name")),
        list(ContributionReviewTask.objects.order_by("pk").values_list("pk", "active")),
        list(Site.objects.order_by("pk").values_list("pk", "hostname", "root_page_id")),
        list(Locale.objects.order_by("pk").values_list("pk", "language_code")),
        list(Redirect.objects.order_by("pk").values_list("pk", "old_path", "redirect_link")),
        list(OutgoingEmail.objects.order_by("pk").values_list("pk", "status")),
        list(NewsletterSubscriber.objects.order_by("pk").values_list("pk", "email", "language")),
        list(SchedulerState.objects.values_list("pk", "token")),
        list(Town.objects.order_by("pk").values_list("pk", "name")),
        list(Foundation.objects.order_by("pk").values_list("pk", "name", "email")),
        list(FoundationSettings.objects.values_list("pk", "privacy_page_id", "contact_page_id")),
        list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        list(
            MachineTranslation.objects.order_by("pk").values_list(
                "pk", "status", "next_attempt_at", "reviewed_at", "requested_by_id"
            )
        ),
        list(GlossaryTerm.objects.order_by("pk").values_list("pk", "dutch", "german", "note")),
        Permission.objects.count(),
    )


class RoleMatrixTests(Objects, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build()

    def clients(self):
        accounts = {
            "member": self.member,
            "blocked": self.blocked,
            "moderator": self.moderator,
            "editor_nl": self.editor_nl,
            "editor_de": self.editor_de,
            "admin": self.admin,
        }
        clients = {"anonymous": Client(raise_request_exception=False)}
        for role, user in accounts.items():
            clients[role] = Client(raise_request_exception=False)
            clients[role].force_login(user)
        return clients

    def test_every_role_gets_the_expected_answer_from_every_admin_view(self):
        clients = self.clients()
        addresses = Addresses(self)
        self.before = before = fingerprint()
        self.errors = {}
        self.kept = set()
        mismatches, observed = [], {}
        targets = [
            target
            for key, route, name, kwargs in admin_patterns()
            for target in addresses.variants(key, route, name, kwargs)
        ]
        for variant, path in targets:
            row = MATRIX.get(variant)
            if row is None and not os.environ.get("ROLE_MATRIX_DUMP"):
                mismatches.append(f"{variant}: new admin view without an expected answer")
                continue
            answers = {}
            for method in ("GET", "POST"):
                wanted = expected(row, method) if row else {}
                for role, client in clients.items():
                    got = self.request(client, method, path)
                    answers.setdefault(method, []).append(got)
                    if wanted and got != wanted[role]:
                        mismatches.append(
                            f"{variant} {method} {path} as {role}: {got}, expected {wanted[role]}"
                        )
            observed[variant] = answers
        self.assertEqual(fingerprint(), before)
        if os.environ.get("ROLE_MATRIX_DUMP"):  # a file to write the observed rows to
            with open(os.environ["ROLE_MATRIX_DUMP"], "w") as dump:
                for variant, answers in observed.items():
                    get, post = " ".join(answers["GET"]), " ".join(answers["POST"])
                    row = f'"{get}"' if get == post else f'("{get}", "{post}")'
                    dump.write(f'    "{variant}": {row},\n')
                for path, error in self.errors.items():
                    dump.write(f"# {path}: {error}\n")
        errors = [f"{path}: {error}" for path, error in self.errors.items()]
        self.assertEqual(mismatches, [], "\n".join(["", *mismatches, *errors]))
        # What an admin view shows a signed-in reader is hers alone: her browser does not keep it
        # for the next person at the computer's back button, as Wagtail's own views.
        self.assertEqual(sorted(self.kept), [], "admin answers a browser may keep")

    def request(self, client, method, path):
        """One request in a savepoint that is rolled back; its answer, with "+" when it changed
        the data."""
        cookies = copy.deepcopy(client.cookies)  # a logout or login is undone too
        statements = Statements()
        with transaction.atomic():
            with connection.execute_wrapper(statements):
                response = client.generic(method, path)
            got = answer(response)
            # A request that only read cannot have changed anything: the fingerprint (some 40
            # queries, most of the test's time) is taken after those that wrote.
            if statements.wrote and fingerprint() != self.before:
                got += "+"
            transaction.set_rollback(True)
        client.cookies = cookies
        kept = "no-store" not in response.get("Cache-Control", "")
        if 200 <= response.status_code < 300 and kept:
            self.kept.add(path)
        if getattr(response, "exc_info", None):
            self.errors[path] = repr(response.exc_info[1])[:300]
        return got


class PageIdsTests(Objects, TestCase):
    """Whoever holds no rights on a page (a moderator, whose review task opens only the
    contributions she may decide; an editor of another part of the tree; a member, who has no
    admin) learns nothing of it from the page views under /admin/pages/: every route that names
    a page (walked from the resolver, so a view Wagtail adds later is tried too) answers about
    it as about an id no page has. Wagtail refused an existing page with a redirect to the
    dashboard and answered 404 for an absent one."""

    ABSENT = 999999

    @classmethod
    def setUpTestData(cls):
        cls.build()
        # Holds page permissions (an editor), on the about page only.
        group = Group.objects.create(name="Redactie Over ons")
        group.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
        )
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=cls.about,
                permission=Permission.objects.get(
                    codename=codename, content_type__app_label="wagtailcore"
                ),
            )
        cls.editor_elsewhere = User.objects.create_user("over-ons@example.org", "x")
        cls.editor_elsewhere.groups.add(group)

    def answer(self, client, method, path):
        with transaction.atomic():
            response = client.generic(method, path)
            transaction.set_rollback(True)
        location = urlsplit(response.get("Location", "")).path
        return response.status_code, location, response.content.decode(errors="replace")

    def test_a_page_without_rights_answers_as_an_id_no_page_has(self):
        addresses = Addresses(self)
        page_kwargs = PAGE_KWARGS | {"pk"}  # the revisions' comparison names its page "pk"
        routes = [
            (name, kwargs)
            for _key, route, name, kwargs in admin_patterns()
            if name and route.startswith("admin/pages/") and page_kwargs & set(kwargs)
        ]
        self.assertIn(("wagtailadmin_pages:edit", ["page_id"]), routes)
        self.assertIn(
            ("wagtailadmin_pages:revisions_compare", ["pk", "revision_id_a", "revision_id_b"]),
            routes,
        )
        clients = {}
        for role, user in (
            ("moderator", self.moderator),
            ("member", self.member),
            ("editor elsewhere", self.editor_elsewhere),
        ):
            clients[role] = Client(raise_request_exception=False)
            clients[role].force_login(user)
        for which in ("editor_story", "overview"):
            page = addresses.page(which)
            for name, kwargs in routes:
                values = addresses.fill(name, kwargs, which)
                absent = {
                    kwarg: self.ABSENT if kwarg in page_kwargs else value
                    for kwarg, value in values.items()
                }
                existing_path = reverse(name, kwargs=values)
                absent_path = reverse(name, kwargs=absent)
                for role, client in clients.items():
                    for method in ("GET", "POST"):
                        with self.subTest(page=which, view=name, role=role, method=method):
                            got = self.answer(client, method, existing_path)
                            wanted = self.answer(client, method, absent_path)
                            self.assertEqual(got[:2], wanted[:2])
                            self.assertNotIn(page.title, got[2])


class AccountManagerReachTests(TestCase):
    """An account manager (a group with Wagtail's user permissions, no administrator) is
    refused every view of the users admin about an account beyond her reach, with the answer its
    edit view gives (`community.user_admin.SparingAccountsBeyondReach`); the views walked from the
    resolver, so a view Wagtail adds later is tried too. The "usage" view (what refers to an
    account) was open to her for the administrators' and editors' accounts (outsider's pass)."""

    @classmethod
    def setUpTestData(cls):
        setup_roles()
        password = "een-lang-wachtwoord-123"  # noqa: S105
        managers = Group.objects.create(name="Accountbeheer")
        managers.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            *Permission.objects.filter(
                content_type__app_label=User._meta.app_label,
                codename__in=["add_user", "change_user", "delete_user"],
            ),
        )
        cls.manager = User.objects.create_user("accounts@example.org", password)
        cls.manager.groups.add(managers)
        cls.admin = User.objects.create_superuser("beheer@example.org", password)
        cls.editor = User.objects.create_user("redactie@example.org", password)
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.member = User.objects.create_user("lid@example.org", password)

    def answer(self, method, path):
        response = self.client.generic(method, path)
        told = [str(message) for message in get_messages(response.wsgi_request)]
        self.client.cookies.pop("messages", None)  # read here, as the next page would show them
        return response.status_code, response.get("Location"), told

    def test_every_users_admin_view_of_an_account_beyond_her_reach_refuses_her(self):
        self.client.force_login(self.manager)
        views = [
            name
            for _key, _route, name, kwargs in admin_patterns()
            if name and name.startswith("wagtailusers_users:") and kwargs == ["pk"]
        ]
        self.assertIn("wagtailusers_users:usage", views)
        for account in (self.admin, self.editor):
            refusal = self.answer("GET", reverse("wagtailusers_users:edit", args=[account.pk]))
            self.assertEqual(refusal[:2], (302, reverse("wagtailusers_users:index")))
            for name in views:
                for method in ("GET", "POST"):
                    with self.subTest(account=account.email, view=name, method=method):
                        path = reverse(name, args=[account.pk])
                        self.assertEqual(self.answer(method, path), refusal)
        for name in views:
            with self.subTest(account=self.member.email, view=name):
                path = reverse(name, args=[self.member.pk])
                self.assertEqual(self.answer("GET", path)[0], 200)
