"""The twinning's local time: meetings are entered, listed and shown in it, whatever the zone of
the server or of the visitor."""

from zoneinfo import ZoneInfo

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
