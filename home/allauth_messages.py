"""allauth's own words, in our register.

allauth's Dutch and German catalogues say "je" and "du"; the site says "u" and "Sie". Our
catalogues (LOCALE_PATHS) come before allauth's, so translating allauth's message ids there
overrides them. `makemessages` keeps only the ids it finds in our sources: this list is where
it finds these (the account pages, messages and form errors members and editors see; allauth's
emails are overridden by our templates under templates/account/email/). Nothing imports it.

To add one: copy the msgid exactly from allauth/locale/nl/LC_MESSAGES/django.po."""

# ruff: noqa: E501 (allauth's message ids, exactly as allauth spells them)
from django.utils.translation import gettext_noop

ALLAUTH_MESSAGES = [
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("The phone number and/or password you specified are not correct."),
    gettext_noop("Please type your current password."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Username can not be used. Please use other username."),
    gettext_noop("The username and/or password you specified are not correct."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Use your password"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("You must type the same email each time."),
    gettext_noop("Please reauthenticate to safeguard your account."),
    gettext_noop("The following email addresses are associated with your account:"),
    gettext_noop("Do you really want to remove the selected email address?"),
    gettext_noop("Your email address is still pending verification."),
    # Beside "Bevestigingsmail opnieuw versturen": an infinitive too (walk of 2026-12-05).
    gettext_noop("Cancel Change"),
    gettext_noop(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Sign in with a passkey"),
    # allauth's German "Angemeldet bleiben": "anmelden" is signing up for a meeting here.
    gettext_noop("Remember Me"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Password successfully set."),
    gettext_noop("You have verified phone number %(phone)s."),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    gettext_noop(
        'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    gettext_noop("Your password is now changed."),
    gettext_noop("Your phone number is still pending verification."),
    gettext_noop("Enter your password:"),
    gettext_noop("You will receive a special code for a password-free sign-in."),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("We are sorry, but the sign up is currently closed."),
    gettext_noop("You are already logged in as %(user_display)s."),
    gettext_noop(
        "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc."
    ),
    gettext_noop("Verify Your Email Address"),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    gettext_noop(
        "This part of the site requires us to verify that\nyou are who you claim to be. For this purpose, we require that you\nverify ownership of your email address. "
    ),
    gettext_noop(
        "We have sent an email to you for\nverification. Please click on the link inside that email. If you do not see the verification email in your main inbox, check your spam folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
    gettext_noop(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'
    ),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),
    gettext_noop("Email Address"),
    gettext_noop("Current email"),
    gettext_noop("Changing to"),
    gettext_noop("Change to"),
    gettext_noop("Change Email"),
    gettext_noop("Add Email"),
    gettext_noop("Add Email Address"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Make Primary"),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("Removed email address %(email)s."),
    gettext_noop("Primary email address set."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Please select only one."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Invalid login."),
    gettext_noop("This account is inactive."),
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Password successfully changed."),
    gettext_noop("Set Password"),
    gettext_noop("Bad Token"),
]
