"""The admin's "Log out" ends a session only when its form is sent (POST): an address anyone may
link or embed does not sign an editor out (attack 26)."""

from django.conf import settings

from tests.test_roles import RolesTestCase


class AdminLogoutTests(RolesTestCase):
    def test_opening_the_logout_address_leaves_the_editor_signed_in(self):
        # What a link on another site, or an image whose address it is, asks for.
        self.client.force_login(self.editor_nl)
        response = self.client.get("/admin/logout/")
        self.assertEqual(response.status_code, 405)
        self.assertNotIn(
            settings.SESSION_COOKIE_NAME,
            {name for name, cookie in response.cookies.items() if not cookie.value},
        )
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_the_logout_form_signs_her_out(self):
        self.client.force_login(self.editor_nl)
        self.client.post("/admin/logout/")
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_opening_the_sites_logout_address_leaves_her_signed_in(self):
        # allauth's logout page asks first (ACCOUNT_LOGOUT_ON_GET is off): only its form logs out.
        self.client.force_login(self.editor_nl)
        response = self.client.get("/nl/accounts/logout/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
