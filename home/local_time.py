"""The twinning's local time (settings.TIME_ZONE, Europe/Amsterdam): meetings are entered,
listed and shown in it, and digests go out at its morning hour, whatever the zone of the server
or of the visitor."""

from zoneinfo import ZoneInfo

from django.conf import settings

LOCAL_TIME = ZoneInfo(settings.TIME_ZONE)
