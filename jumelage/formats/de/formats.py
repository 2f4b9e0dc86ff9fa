# Dates as German readers write them: "Freitag, 4. Dezember 2026, 19:30". Day, month and year
# are joined by non-breaking spaces: a line (on a phone, in a sentence) never ends inside a date.
DATE_FORMAT = "j.\u00a0F\u00a0Y"
DATETIME_FORMAT = "l, j.\u00a0F\u00a0Y, H:i"
MONTH_DAY_FORMAT = "j.\u00a0F"
