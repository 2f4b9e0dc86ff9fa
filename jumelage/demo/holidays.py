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


# The days of the week a demo meeting starts on, by the kind its file names (`held_on`):
# councils and online evenings meet from Monday to Thursday, never at the weekend; a working
# visit or a class visit on a working day; a market, a guest day or a bike tour on Saturday;
# an exchange visit of four days from Thursday to Sunday.
HELD_ON = {
    "weekday evening": {0, 1, 2, 3},
    "weekday": {0, 1, 2, 3, 4},
    "thursday": {3},
    "friday": {4},
    "saturday": {5},
}


def meeting_day(day, held_on="weekday evening", days=1, earlier=False):
    """The first day from `day` on (with `earlier`, the last up to it) that a meeting `held_on`
    starts on, none of its `days` a public holiday."""
    step = timedelta(days=-1 if earlier else 1)
    while day.weekday() not in HELD_ON[held_on] or any(
        is_holiday(day + timedelta(days=n)) for n in range(days)
    ):
        day += step
    return day


def deadline_day(day):
    """`day`, or if it is a public holiday the last day before it that is not (a registration
    does not close on Christmas Day)."""
    while is_holiday(day):
        day -= timedelta(days=1)
    return day
