"""Local development: debug on, a fixed development key, mail to the console."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-key-not-for-production"  # noqa: S105
INTERNAL_IPS = ["127.0.0.1"]
# The demo content and the bench's seeding (`load_demo`, `seed_bench`): not on a real site.
INSTALLED_APPS = [*INSTALLED_APPS, "jumelage.demo"]  # noqa: F405
# A page not found shows the site's own 404 page, as visitors see it, not Django's debug page.
MIDDLEWARE = [*MIDDLEWARE, "home.middleware.NotFoundPageMiddleware"]  # noqa: F405
# Pages say whether the page cache answered them (`X-Page-Cache: hit` or `miss`).
PAGE_CACHE_HEADER = True
