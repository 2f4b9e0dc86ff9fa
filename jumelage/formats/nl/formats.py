# Dates as Dutch readers write them: "vrijdag 4 december 2026, 19:30".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
