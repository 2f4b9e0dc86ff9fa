from django.urls import path

from . import views

urlpatterns = [
    path("", views.member_area, name="member_area"),
    path("profile/", views.edit_profile, name="member_profile"),
    path("stories/new/", views.new_story, name="contribute_story"),
    path("meetings/new/", views.new_meeting, name="contribute_meeting"),
    path("contributions/<id:page_id>/", views.edit_contribution, name="edit_contribution"),
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
    path("sectors/<id:page_id>/join/", views.join_sector, name="join_sector"),
    path("sectors/<id:page_id>/leave/", views.leave_sector, name="leave_sector"),
    path("my-data/", views.download_data, name="member_data"),
    path("delete/", views.delete_account_view, name="member_delete"),
]
