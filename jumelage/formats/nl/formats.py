# Dates as Dutch readers write them: "vrijdag 4 december 2026, 19:30". Day, month and year are
# joined by non-breaking spaces: a line (on a phone, in a sentence) never ends inside a date.
DATE_FORMAT = "j\u00a0F\u00a0Y"
DATETIME_FORMAT = "l j\u00a0F\u00a0Y, H:i"
MONTH_DAY_FORMAT = "j\u00a0F"
# What a date field shows and reads back (the first is what it shows: "20-11-2026 19:30", without
# Django's seconds); ISO is read as well (Django adds it).
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d-%m-%y", "%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H.%M",
    "%d/%m/%Y %H:%M",
    "%d-%m-%y %H:%M",
    "%d/%m/%y %H:%M",
    "%d-%m-%Y",
]
