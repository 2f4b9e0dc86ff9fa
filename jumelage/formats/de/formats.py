# Dates as German readers write them: "Freitag, 4. Dezember 2026, 19:30".
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "l, j. F Y, H:i"
