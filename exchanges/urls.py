"""The member area (`members/`, with community/urls.py): what the member contributes and has
registered for (and their own calendar feed), their exchange visits, and a copy of their data."""

from django.urls import path

from . import digest_views, ical, views, visit_views

urlpatterns = [
    path("", views.member_area, name="member_area"),
    path("stories/new/", views.new_story, name="contribute_story"),
    path("meetings/new/", views.new_meeting, name="contribute_meeting"),
    path("contributions/<id:page_id>/", views.edit_contribution, name="edit_contribution"),
    path("photos/kept/<uuid:token>/<int:slot>/", views.kept_photo, name="kept_photo"),
    path(
        "contributions/<id:page_id>/withdraw/",
        views.withdraw_contribution,
        name="withdraw_contribution",
    ),
    path(
        "contributions/<id:page_id>/delete/",
        views.delete_contribution,
        name="delete_contribution",
    ),
    path("visits/<id:page_id>/guests/", visit_views.guest_party, name="visit_guest_party"),
    path(
        "visits/<id:page_id>/guests/cancel/",
        visit_views.cancel_guest_party,
        name="visit_cancel_guest_party",
    ),
    path("visits/<id:page_id>/host/", visit_views.host_offer, name="visit_host_offer"),
    path(
        "visits/<id:page_id>/host/withdraw/",
        visit_views.withdraw_host_offer,
        name="visit_withdraw_host_offer",
    ),
    path("my-data/", views.download_data, name="member_data"),
    path("calendar/<slug:token>.ics", ical.personal_feed, name="personal_calendar_feed"),
    path("calendar/reset/", views.reset_calendar_address, name="reset_calendar_address"),
    path("digests/", digest_views.digest_settings, name="digest_settings"),
    path(
        "digests/unsubscribe/<str:token>/",
        digest_views.digest_unsubscribe,
        name="digest_unsubscribe",
    ),
]
