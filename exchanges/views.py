from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.ratelimit import rate_limit

from .choices import RegistrationStatus
from .models import MeetingPage, Registration, RegistrationClosed


def meeting_for(page_id):
    return get_object_or_404(MeetingPage.objects.live().public(), pk=page_id)


@require_POST
@login_required
@rate_limit("registration", limit=30)
def register(request, page_id):
    meeting = meeting_for(page_id)
    try:
        registration = Registration.objects.register(meeting, request.user)
    except RegistrationClosed as closed:
        messages.error(request, str(closed))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.info(
                request,
                _(
                    "The meeting is full, so you are on the waiting list. We will email you "
                    "when a place comes free."
                ),
            )
    return redirect(meeting.get_url(request))


@require_POST
@login_required
@rate_limit("registration", limit=30)
def cancel_registration(request, page_id):
    meeting = meeting_for(page_id)
    Registration.objects.cancel(meeting, request.user)
    messages.success(request, _("Your registration has been cancelled."))
    return redirect(meeting.get_url(request))
