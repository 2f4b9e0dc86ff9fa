"""The member area's pages about the member and their communities; their contributions,
registrations and data are in exchanges/urls.py, under the same prefix."""

from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.edit_profile, name="member_profile"),
    path("sectors/<id:page_id>/join/", views.join_sector, name="join_sector"),
    path("sectors/<id:page_id>/leave/", views.leave_sector, name="leave_sector"),
    path("delete/", views.delete_account_view, name="member_delete"),
]
