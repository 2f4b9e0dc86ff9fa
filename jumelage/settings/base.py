"""Settings shared by every environment. Everything that differs per deployment comes from the
environment, so one image runs in development, CI and production."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy, pgettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form refused by its CSRF check gets the site's page, in the reader's language.
CSRF_FAILURE_VIEW = "home.middleware.csrf_failure"

INSTALLED_APPS = [
    "home",
    "community",
    "exchanges",
    "jumelage",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "community.users_app.UsersAppConfig",  # Wagtail's users, with the language of emails
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its catalogues: Wagtail's admin says when a page was sent for review with its naturaltime
    # ("23 seconds ago" in the German admin without them).
    "django.contrib.humanize",
    "csp",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
]

# Background work (django-tasks, as Wagtail uses it): emails (home/mail.py) and Wagtail's own
# tasks (reference index, front-end cache purges, deleting replaced files, image focal points)
# are stored in the database and run by `manage.py db_worker`, on any number of machines.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "home.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.middleware.UnreadableQueryMiddleware",
    # The page cache keeps the policy header with the page: a hit needs no policy built again.
    "home.middleware.AnonymousPageCacheMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, without its redirect of an admin address not found to /nl/admin/….
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.AdminLanguageMiddleware",
    "home.middleware.TranslatorErrorMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community.middleware.MemberPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "jumelage.urls"
WSGI_APPLICATION = "jumelage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite next to the code unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait their turn instead of failing with "database is locked": readers
    # never block the writer (WAL), a transaction takes the write lock when it starts (IMMEDIATE,
    # so it never has to upgrade a read lock another writer has overtaken), and a writer waits up
    # to `timeout` seconds for the one before it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=int(os.environ.get("SQLITE_TIMEOUT", "20")),
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "community.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# A URL name keeps the language prefix on login redirects; a path would not.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "member_area"

# django-allauth: email login, mandatory verification, no username.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "community.forms.SignupForm"
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "homepage"
ACCOUNT_ADAPTER = "community.adapters.AccountAdapter"
# Subjects as the platform's own emails word them: the sender's name says where they come from
# (home.notifications.sender), no "[Jumelage]" before some of them (walk W9).
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = None
# One address per account: a member changes it, and the new one counts only once confirmed. An
# unconfirmed address never keeps its owner from signing up (community/signup.py).
ACCOUNT_CHANGE_EMAIL = True
# Changing the address (or the password, where none is asked) asks for the password first, on
# allauth's confirmation page (a login does not count; once given there, it holds for five
# minutes): whoever has a member's session (a shared computer) moved her login to his own
# mailbox in two requests, then reset her password there (attack 42).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# By the password only, as the login asks: allauth would also offer a code by email, which the
# login does not, in words ("Anmeldecode") the site does not use for logging in.
ACCOUNT_REAUTHENTICATION_METHODS = {"password"}
# A page only members (or a group) may read asks for the login on the site's login page, in the
# page's language, with its confirmation check and limits, saying why (jumelage/views.py
# frontend_login, at Wagtail's own /_util/login/); one behind a password asks on a page of the
# site.
WAGTAIL_FRONTEND_LOGIN_URL = "private_page_login"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 (a template)
# A member hears of every change to how she logs in (password changed, reset or set; address
# changed: to the old one), in her language (templates/account/email/base_notification.txt).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_FORMS = {
    "signup": "community.signup.SignupForm",
    "add_email": "community.signup.AddEmailForm",
    "reset_password": "community.signup.ResetPasswordForm",
}
# allauth's rate limits are on by default; they count in the cache below, so with several
# application servers REDIS_URL must be set for the limits to hold across them. Changing the
# address (each change mails the new one) is held to a few times a day, not allauth's 10 a minute.
# Every action of the address page counts (add, send again, cancel): with 5 an hour a member who
# corrected a typo once was locked out for an hour (walk of 2026-12-05).
# The emails anyone can have sent to any address, a member's or not (a password reset link, the
# "you already have an account" of a sign-up with her address, a confirmation sent again) are
# held to a few an hour and ten a day for each address, from however many visitors' addresses:
# allauth's own limits (5 a minute, one every 3 minutes) let a stranger send one mailbox
# thousands a day in the foundations' name (attack 27).
ACCOUNT_RATE_LIMITS = {
    "manage_email": "10/h/user,20/d/user",
    "reset_password": "20/m/ip,3/15m/key,10/d/key",
    "confirm_email": "1/3m/key,3/h/key,10/d/key",
    # The password asked again before a change (above) is held as the login's tries are, not
    # to allauth's 10 a minute: a session is what a guesser there already has (review).
    "reauthenticate": "5/5m/user,20/d/user",
}
# Searches an account or address may make in ten minutes that the page cache does not answer.
SEARCHES_PER_TEN_MINUTES = 300
# New entries of the page cache an address may cause in ten minutes: beyond that its pages are
# answered, not kept, so no visitor fills the cache (the calendar alone links to a month view
# of every month of a century, in every filter and language) and pushes out what others read.
PAGE_CACHE_ENTRIES_PER_TEN_MINUTES = int(
    os.environ.get("PAGE_CACHE_ENTRIES_PER_TEN_MINUTES", "300")
)

# The visitor's address, for every rate limit (home.ratelimit.client_ip, allauth's through our
# adapter): behind TRUSTED_PROXY_COUNT proxies of ours, read from X-Forwarded-For from the right;
# with 0 (no proxy) that header is never trusted. Or TRUSTED_CLIENT_IP_HEADER, a header our proxy
# sets to the visitor's address (X-Real-IP).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER", "")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER or None

# The privacy statement members accept on sign-up; raise it when the statement changes.
PRIVACY_STATEMENT_VERSION = "1.0"

# What guests and hosts enter for an exchange visit is deleted this many days after its last day
# (the scheduled job "visit-data", exchanges.visits.purge_visit_data).
VISIT_DATA_RETENTION_DAYS = int(os.environ.get("VISIT_DATA_RETENTION_DAYS", "30"))

# Caches: Redis when REDIS_URL is set (shared by every application server), else per process.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis; while Redis cannot be reached, a cache that keeps nothing: pages
            # serve from the database, rate limits let requests through, one warning is logged.
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "jumelage"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                # A Redis that does not answer costs a call this long, and then none for
                # REDIS_RETRY_SECONDS (home/redis_cache.py): Redis answers in a millisecond.
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Room for more than what one visitor may add (SEARCHES_PER_TEN_MINUTES,
    # PAGE_CACHE_ENTRIES_PER_TEN_MINUTES): Django's 300 would let one visitor's searches push out
    # every other page and rate-limit count.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
# After a call to Redis that timed out or could not connect, each process keeps nothing in the
# cache, without asking Redis, for this many seconds; then one call finds out whether it is back.
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "5"))

# What anonymous visitors get is kept whole for PAGE_CACHE_SECONDS; what pages derive from content
# (navigation, language versions, and with CACHE_RENDERED_HTML the rendered fragments of pages
# and feeds) for CONTENT_CACHE_SECONDS. Both are keyed by the versions of the content they show,
# which are replaced when it changes and read from the database at most every
# CACHE_VERSION_SECONDS (home/cache.py). 0 switches either cache off. CACHE_KEY_PREFIX above
# names the release: entries hold no pickled model, but HTML rendered by a release's templates.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
CONTENT_CACHE_SECONDS = int(os.environ.get("CONTENT_CACHE_SECONDS", "3600"))
CACHE_VERSION_SECONDS = int(os.environ.get("CACHE_VERSION_SECONDS", "5"))
CACHE_RENDERED_HTML = os.environ.get("CACHE_RENDERED_HTML", "1") != "0"
# Whether the page cache says `X-Page-Cache: hit` or `miss`: for tests and the bench. Off on a
# real site, where it would tell any visitor whether someone asked for an address (a search for
# a name) within PAGE_CACHE_SECONDS (attack 29, F7).
PAGE_CACHE_HEADER = env_bool("PAGE_CACHE_HEADER")

# A CDN or caching proxy in front of the site is purged by Wagtail when content is published
# (home/frontend_cache.py): FRONTEND_CACHE_PURGE_URL for a proxy that takes HTTP PURGE (Varnish,
# nginx, Squid), CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN for Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }

# Internationalisation: Dutch is the source language, German its translation.
LANGUAGE_CODE = "nl"
# Each language in its own name: the public site's language switcher (home/i18n.py) reads them.
LANGUAGES = [("nl", "Nederlands"), ("de", "Deutsch")]
# The content languages in the reader's language: the admin names them in its sentences
# (Locale.get_display_name: "Sie spiegelt die Seite auf Niederländisch wider", "Duits" in the
# Dutch dashboard's language column), where the endonyms stood glued into foreign sentences.
WAGTAIL_CONTENT_LANGUAGES = [("nl", gettext_lazy("Dutch")), ("de", gettext_lazy("German"))]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["jumelage.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True
# The time zones an editor may choose on her admin account page: the two towns'. Wagtail offers
# every name the system's zone database holds otherwise, "localtime" among them on Debian, which
# the browser refuses (the page's script stopped with "Invalid time zone specified").
WAGTAIL_USER_TIME_ZONES = ["Europe/Amsterdam", "Europe/Berlin"]
LANGUAGE_COOKIE_NAME = "jumelage_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static files are served by WhiteNoise; media by the storage configured below.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# An S3-compatible bucket for media when several application servers share uploads. Browsers
# fetch images straight from it (or from AWS_S3_CUSTOM_DOMAIN: a CDN, or the site's own address
# where the proxy passes /media/ on to the bucket) by plain, unsigned URLs: signed ones would
# expire inside the pages and rendered bodies the caches keep. So the bucket's policy lets
# anyone read the renditions pages show (s3:GetObject on images/*, no listing; originals,
# documents and avatars stay private; see the README); ACLs stay off, as most services now have
# them. The CSP allows images from wherever the storage's URLs point (home.middleware).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Email: every message is queued in the database and sent by the task worker (home/mail.py),
# through the console in development, SMTP when EMAIL_HOST is set (or the EMAIL_BACKEND given).
EMAIL_BACKEND = "home.mail.QueueingBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "home.console_mail.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# Seconds the worker waits for the SMTP server before it tries again later (home/mail.py).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Jumelage <noreply@jumelage.example>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Wagtail
# Lazy: the admin greets each editor with the platform's name in their admin language.
WAGTAIL_SITE_NAME = gettext_lazy("Jumelage Steenwijkerland – Herzebrock-Clarholz")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Approving a contribution publishes it: moderators approve, not publish (community/approval.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "community.approval.publish_approved"
# Wagtail's database backend; on PostgreSQL each locale's pages stemmed by their language's rules,
# content without a language (images, documents) not stemmed (jumelage/search.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "jumelage.search",
        "SEARCH_CONFIG": "simple",
        "LANGUAGE_CONFIGS": {"nl": "dutch", "de": "german"},
    }
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# What one member's photos may take up on the server, counted over the last 24 hours (what is
# stored of them: photos are re-encoded and shrunk first; a draft she deletes gives its photos'
# room back): a draft holds at most ten photos, but drafts are hers to make (attack 42).
MEMBER_PHOTOS_MB_PER_DAY = int(os.environ.get("MEMBER_PHOTOS_MB_PER_DAY", "150"))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# The admin's image forms check a file before it is decoded, as members' photos are.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.ImageForm"
# Documents go through Django (never served straight from storage as HTML or SVG): only office
# and PDF files can be uploaded, and only PDFs open in the browser; the rest are downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# A document in a collection with a password asks for it on a page of the site, as a page does.
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "document_password_required.html"  # noqa: S105
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("de", "Deutsch"), ("en", "English")]
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Editors log in and reset their password through allauth, like members (jumelage/urls.py).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# An editor's address changes as a member's does, through allauth (/accounts/email/): confirmed
# by the link sent there and checked as sign-up checks it. Wagtail's account page changed it
# unconfirmed and unchecked (a dotless ı in it, outsider's pass of 2026-12-04).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Her password too, through allauth (/accounts/password/change/), which tells her by email and
# holds tries of the old one to its limit; Wagtail's account page did neither (attack 42).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False


def machine_translator():
    """DeepL when DEEPL_API_KEY is set, else LibreTranslate when LIBRETRANSLATE_URL is set, else
    none: editors then translate by hand, and members' contributions are shown in the other
    language as their labelled original. Both apply the glossary (home/translators.py)."""
    if os.environ.get("DEEPL_API_KEY"):
        return {
            "CLASS": "home.translators.DeepLTranslator",
            "OPTIONS": {
                "AUTH_KEY": os.environ["DEEPL_API_KEY"],
                "FORMALITY": "prefer_more",
                # Another DeepL-compatible address (a proxy); default by the key's plan.
                "API_URL": os.environ.get("DEEPL_API_URL", ""),
            },
        }
    if os.environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "home.translators.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()

# Content-Security-Policy: the public site loads nothing from elsewhere and runs no inline script
# (a per-request nonce is there for any script that must be inline). The Wagtail admin needs
# inline scripts and styles; it gets a relaxed policy (home.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The widgets (/<lang>/embed/…, exchanges/embed_views.py) may be framed by the site itself and by
# these origins (the municipalities' websites), comma-separated: `https://www.example.nl`.
EMBED_FRAME_ORIGINS = env_list("EMBED_FRAME_ORIGINS")

# Open data API (jumelage/api.py): read-only JSON at /api/v2/. Browsers on these origins
# (comma-separated, `https://www.example.de`; `*` for any) may read it; none by default.
API_CORS_ORIGINS = [origin.rstrip("/") for origin in env_list("API_CORS_ORIGINS")]
# Requests per minute and visitor (address, see TRUSTED_PROXY_COUNT).
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_CACHE_SECONDS = 60
WAGTAILAPI_LIMIT_MAX = 100
# No REST_FRAMEWORK defaults for authentication: the open data endpoints answer anonymously
# by their own classes (jumelage/api.py), while Wagtail's admin API (the choosers) needs DRF's
# default session authentication to know the editor.
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "worker-src": [SELF, "blob:"],
}
# No avatars from a third party (gravatar) in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's records reach the console once, through the root's handler: Django's own
        # console handler (with DEBUG) wrote each a second time.
        "django": {"level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Language names as they follow "in" ("in het Nederlands", "auf Niederländisch").
JUMELAGE_LANGUAGE_LABELS = {
    "nl": pgettext_lazy("after 'in'", "Dutch"),
    "de": pgettext_lazy("after 'in'", "German"),
}
