// A form that came back with errors gives the focus to the first of them: a keyboard or screen
// reader user lands on what to correct (the field reads its error out, aria-describedby), not
// at the top of the page above the whole form again (walk 16).
document.addEventListener("DOMContentLoaded", function () {
    var first = document.querySelector(
        "main [aria-invalid='true'], main .form__errors, main .field__error[role='alert']"
    );
    if (!first) {
        return;
    }
    if (!first.matches("input, select, textarea, button")) {
        first.setAttribute("tabindex", "-1");
    }
    first.focus();
});
