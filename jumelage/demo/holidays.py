"""The public holidays of both towns that demo meetings keep clear of: dated from today, a
meeting would otherwise fall on Christmas Day or New Year's Day, when no community meets."""

from datetime import date, timedelta

# Christmas Eve to Boxing Day, New Year's Eve and Day; King's Day and Liberation Day
# (Netherlands); Labour Day, German Unity Day and All Saints' Day (Germany, North
# Rhine-Westphalia).
FIXED_HOLIDAYS = {
    (12, 24),
    (12, 25),
    (12, 26),
    (12, 31),
    (1, 1),
    (4, 27),
    (5, 5),
    (5, 1),
    (10, 3),
    (11, 1),
}
# Good Friday, Easter Monday, Ascension Day, Whit Monday and Corpus Christi (North
# Rhine-Westphalia): days from Easter Sunday (second walk of 2026-12-05, F12).
DAYS_AFTER_EASTER = {-2, 1, 39, 50, 60}


def easter_sunday(year):
    """Easter Sunday of a year of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century - (century + 8) // 25 + 1) // 3
    epact = (19 * golden + century - leap_centuries - correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def is_holiday(day):
    if (day.month, day.day) in FIXED_HOLIDAYS:
        return True
    return (day - easter_sunday(day.year)).days in DAYS_AFTER_EASTER


def clear_of_holidays(day, earlier=False):
    """`day`, or if it is a public holiday the next ordinary weekday (not a holiday, not a
    weekend); with `earlier`, the ordinary weekday before it."""
    step = timedelta(days=-1 if earlier else 1)
    if not is_holiday(day):
        return day
    while is_holiday(day) or day.weekday() >= 5:
        day += step
    return day
