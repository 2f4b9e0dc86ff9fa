"""An admin address that names an object by its key answers a key that is none (`abc` for a
number, a number too large for any database column) or one that does not exist with a 404,
never a server error (LocaleMiddleware first redirects any 404 without a language prefix to
/nl/…, Wagtail's admin's own too: the 404 is followed there). Both sweeps walk the URL
resolver, so a view added later is tried too."""

import re

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.generic.chooser import ChosenViewMixin

from tests.test_roles import RolesTestCase

NO_NUMBER = "abc"
TOO_LARGE = "99999999999999999999"  # 20 digits: past a 64-bit integer
NOT_THERE = "999999999999999999"  # 18 digits: a key no test object has

# What each kind of URL parameter is tried with.
HOSTILE_VALUES = {
    "int": [TOO_LARGE],
    "id": [NOT_THERE],  # home/converters.py: no more than 18 digits reach the view
    "str": [NO_NUMBER, TOO_LARGE],
    "path": [NO_NUMBER, TOO_LARGE],
    "slug": [NO_NUMBER],
    "uuid": ["00000000-0000-0000-0000-000000000000"],
}
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def all_routes(patterns=None, prefix=""):
    """(route, pattern) of every URL pattern the resolver knows, in order."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from all_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def admin_routes():
    """(route, pattern) of every route pattern under admin/ with a parameter, in order."""

    for route, pattern in all_routes():
        # Regular expressions: only Wagtail's catch-all and test404, without an object's key.
        if route.startswith("admin/") and PARAMETER.search(route) and "^" not in route:
            yield route, pattern


def filled(route, value):
    return "/" + PARAMETER.sub(lambda match: value(match.group(1) or "str"), route)


class AdminKeysTestCase(RolesTestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)
        self.client.force_login(get_user_model().objects.create_superuser("root@example.org", "x"))


class ChosenObjectTests(AdminKeysTestCase):
    def test_every_choosers_chosen_object_answers_404_for_a_key_that_is_none_or_not_there(self):
        chosen_routes = [
            route
            for route, pattern in admin_routes()
            if pattern.name == "chosen"
            and issubclass(getattr(pattern.callback, "view_class", object), ChosenViewMixin)
        ]
        # Ours and Wagtail's: towns, glossary terms, images, documents.
        self.assertIn("admin/snippets/choose/community/town/chosen/<str:pk>/", chosen_routes)
        self.assertIn("admin/snippets/choose/home/glossaryterm/chosen/<str:pk>/", chosen_routes)
        self.assertIn("admin/images/chooser/chosen/<str:pk>/", chosen_routes)
        for route in chosen_routes:
            for key in (NO_NUMBER, "1.5", TOO_LARGE, NOT_THERE):
                path = filled(route, lambda kind, key=key: key)
                with self.subTest(path=path):
                    # LocaleMiddleware sends an admin 404 on to /nl/admin/…, a 404 as well.
                    self.assertEqual(self.client.get(path, follow=True).status_code, 404)

    def test_a_town_that_exists_is_still_chosen(self):
        url = reverse("wagtailsnippetchoosers_community_town:chosen", args=[self.herzebrock.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["result"]["id"], str(self.herzebrock.pk))


class AdminAddressSweepTests(AdminKeysTestCase):
    def test_every_admin_address_answers_a_key_that_is_none_or_too_large_without_an_error(self):
        tried, errors = 0, []
        for route, _pattern in admin_routes():
            for index in range(2):
                path = filled(
                    route, lambda kind, i=index: HOSTILE_VALUES.get(kind, ["x"])[-1 if i else 0]
                )
                tried += 1
                response = self.client.get(path)
                if response.status_code == 405:  # an address for forms only: sent empty
                    response = self.client.post(path)
                if response.status_code >= 500:
                    errors.append(f"{response.request['REQUEST_METHOD']} {path}")
        self.assertGreater(tried, 300)
        self.assertEqual(errors, [])


def listing_routes():
    """Every admin listing with filters that needs no key: ours, Wagtail's, wagtail-localize's."""

    for route, pattern in all_routes():
        view_class = getattr(pattern.callback, "view_class", None)
        if route.startswith("admin/") and not PARAMETER.search(route) and "^" not in route:
            if hasattr(view_class, "filterset_class"):
                yield route


class ListingFilterTests(AdminKeysTestCase):
    def test_every_filter_of_every_admin_listing_takes_a_key_too_large_for_the_database(self):
        tried, errors = set(), []
        routes = [*listing_routes(), f"admin/pages/{self.home.get_parent().pk}/"]
        for route in routes:
            listing = self.client.get("/" + route)
            filters = listing.context and listing.context.get("filters")
            if listing.status_code != 200 or not filters:
                continue
            for name in filters.form.fields:
                tried.add(name)
                response = self.client.get("/" + route, {name: TOO_LARGE})
                if response.status_code >= 500:
                    errors.append(f"/{route}?{name}={TOO_LARGE}")
        # Keys of ours and of Wagtail: a meeting, an owner, an editor, a locale, a site.
        self.assertLessEqual({"meeting", "owner", "edited_by", "locale", "site"}, tried)
        self.assertEqual(errors, [])
