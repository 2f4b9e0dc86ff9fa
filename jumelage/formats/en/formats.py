# The English admin's times on the 24-hour clock the site and its editors read ("Dec. 4, 2026,
# 19:30"): Django's English "7:30 p.m." put two full stops at the end of a sentence that ends
# with a moment ("… was approved by Jutta on Dec. 4, 2026, 7:30 p.m..").
DATETIME_FORMAT = "N j, Y, H:i"
SHORT_DATETIME_FORMAT = "m/d/Y H:i"
TIME_FORMAT = "H:i"
