// A form that came back with errors gives the focus to the first of them: a keyboard or screen
// reader user lands on what to correct (the field reads its error out, aria-describedby), not
// at the top of the page above the whole form again (walk 16). Only a form sent by POST: the
// overviews' filters (GET) mark an unknown value of an old link as invalid, and a reader who
// opens one is not sent past the page's heading. A contribution saved meanwhile by someone
// else says so first, above the form (`.conflict`).
document.addEventListener("DOMContentLoaded", function () {
    var first = document.querySelector(
        "main .conflict, main form[method='post'] [aria-invalid='true'], " +
            "main form[method='post'] .form__errors, " +
            "main form[method='post'] .field__error[role='alert']"
    );
    if (!first) {
        return;
    }
    if (!first.matches("input, select, textarea, button")) {
        first.setAttribute("tabindex", "-1");
    }
    first.focus();
});
