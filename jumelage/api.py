"""The open data API: Wagtail's API v2 at /api/v2/ (pages, images, documents), read-only, JSON.

Everyone may read it, so it answers as it would an anonymous visitor whoever asks: no session,
no login, no view restriction passed (a page that asks for a password or a login is left out
with everything below it), only live pages, and of images and documents only those a live public
page shows. The fields of each page type are its `api_fields`; an online meeting's link is
never one of them.

Built here rather than with a package: a throttle on home.ratelimit (the site's counting per
visitor, behind proxies too), CORS for GET from the origins in API_CORS_ORIGINS, and
`Vary: Accept-Language, Origin`, as labels and errors are in the language the client asks for
(LocaleMiddleware reads Accept-Language, as /api/ has no language prefix). The content is not:
a page names the sectors, and the picture's alternative text, of its own language (as its page
on the site does), whoever asks. Wagtail's most met errors (unknown fields or parameters, an
unknown type, not found) are worded here, in the client's language; its URLs are made absolute
on the client's address (home.urls_util), never on the Site record's host name."""

import functools
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, re_path, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework.exceptions import APIException, NotFound, Throttled
from rest_framework.fields import Field, SkipField
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    ReferenceIndex,
    get_page_models,
)
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from community.models.newsletter import without_unsent_newsletters
from exchanges.models import MeetingPage
from exchanges.serializers import for_api, prepare_for_api
from home.blocks import read_together
from home.i18n import page_at
from home.models import LeadImageMixin
from home.ratelimit import limit_exceeded, seconds_to_wait
from home.urls_util import absolute_url, origin_of_url
from jumelage.views import search_text, search_words

RATE_PERIOD = 60  # API_RATE_LIMIT counts requests per visitor and minute
CORS_METHODS = "GET, HEAD, OPTIONS"
CORS_MAX_AGE = "3600"
NESTED_PAGE_FIELDS = ["id", "type", "detail_url", "html_url", "title"]
# Larger offsets or limits overflow the database's integers (a 500); no listing is this long.
MAX_NUMBER = 1_000_000
WHOLE_NUMBER = re.compile(r"[0-9]+")
SEARCH_OPERATORS = ("and", "or")
# Root-relative addresses in a rendered block (links, pictures), made absolute for clients.
RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(/(?!/))')
SRCSET = re.compile(r'\ssrcset="[^"]*"')
SRCSET_RELATIVE_URL = re.compile(r'((?:"|,)\s*)(/(?!/))')


def page_url(page, request):
    """The page's absolute URL on the address the client used (home.urls_util, never the Site
    record's host name), with the language prefix of the page's own locale (/de/…)."""
    try:
        page_path = page.get_url(request=request)
    except NoReverseMatch:
        return None
    return absolute_url(request, page_path) if page_path else None


class AbsoluteDetailUrlField(Field):
    """`meta.detail_url` on the address the client used, as `html_url`; Wagtail's reads the
    Site record's host name (http://localhost/… on a fresh install)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        url_path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not url_path:
            raise SkipField  # no endpoint for this model: Wagtail leaves the field out too
        return absolute_url(self.context["request"], url_path)

    def to_representation(self, url):
        return url


class AbsoluteDownloadUrlField(Field):
    """An image's or a document's `meta.download_url` as an absolute URL on the client's
    address; one that is absolute already (media on another host) stays as it is."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def url_of(self, document):
        return document.url  # Wagtail's serve view, which counts and checks the collection

    def to_representation(self, instance):
        return absolute_url(self.context["request"], self.url_of(instance))


class AbsoluteImageFileUrlField(AbsoluteDownloadUrlField):
    def url_of(self, image):
        return image.file.url


class AbsolutePageUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        return page_url(page, self.context["request"])


class NestedPageMixin:
    """A page named inside another (its parent, the page an alias mirrors), written by our
    serializer so that its `html_url` is on the client's address too."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            NESTED_PAGE_FIELDS,
            meta_fields=["type", "detail_url", "html_url"],
            base=PublicPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class PublicParentField(NestedPageMixin, PageParentField):
    pass


class PublicAliasOfField(NestedPageMixin, PageAliasOfField):
    pass


def with_absolute_urls(html, request):
    """`html` with its root-relative links and picture sources on the client's address."""
    base = absolute_url(request, "/")
    html = RELATIVE_URL.sub(lambda match: match.group(1) + base, html)
    return SRCSET.sub(
        lambda match: SRCSET_RELATIVE_URL.sub(lambda url: url.group(1) + base, match.group()),
        html,
    )


class RenderedStreamField(Field):
    """A page's body as its page shows it: each block rendered by its own template, in the
    page's language, with links to pages as their addresses and pictures as renditions. Wagtail
    gives a body as stored, rich text in its internal form (`<a linktype="page" id="107">`,
    which names pages, drafts too, by id) and pictures as ids only outsiders cannot use."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance, super().get_attribute(instance)

    def to_representation(self, page_and_body):
        page, body = page_and_body
        request = self.context["request"]
        with translation.override(page.locale.language_code):
            return [
                {
                    "type": block.block_type,
                    "id": block.id,
                    "html": with_absolute_urls(
                        str(block.render(context={"request": request, "page": page})), request
                    ),
                }
                for block in body
            ]


class PrefetchedTagsField(Field):
    """Tags as Wagtail's API gives them (their names, by name), from the tags a listing read
    along (`prefetch_related("tags")`): Wagtail's asks the database again for each item."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        try:
            field = model_class._meta.get_field(field_name)
        except FieldDoesNotExist:
            field = None
        if isinstance(field, TaggableManager):
            return PrefetchedTagsField, {}
        return super().build_property_field(field_name, model_class)


class PublicPageSerializer(PrefetchedTagsMixin, PageSerializer):
    serializer_field_mapping = {
        **PageSerializer.serializer_field_mapping,
        StreamField: RenderedStreamField,
    }
    detail_url = AbsoluteDetailUrlField()
    html_url = AbsolutePageUrlField(read_only=True)
    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    detail_url = AbsoluteDetailUrlField()
    download_url = AbsoluteImageFileUrlField()


class PublicDocumentSerializer(DocumentSerializer):
    detail_url = AbsoluteDetailUrlField()
    download_url = AbsoluteDownloadUrlField()


class VisitorRateThrottle(BaseThrottle):
    """API_RATE_LIMIT requests a minute per visitor's address (home.ratelimit.client_ip, so
    TRUSTED_PROXY_COUNT holds here too); then 429 with Retry-After until the minute is over."""

    def allow_request(self, request, view):
        self.retry_after = None
        if request.method == "OPTIONS":
            # A browser's preflight before a cross-origin GET: the GET counts, not its question.
            return True
        if limit_exceeded(request, "api", limit=settings.API_RATE_LIMIT, period=RATE_PERIOD):
            self.retry_after = seconds_to_wait(RATE_PERIOD)
            return False
        return True

    def wait(self):
        return self.retry_after


class TooManyRequests(Throttled):
    """The 429 in the client's language as one sentence of ours: DRF's adds "Expected available
    in … seconds.", which its Dutch catalogue leaves in English."""

    def __init__(self, wait):
        seconds = max(1, int(wait or 1))
        APIException.__init__(
            self,
            ngettext(
                "Too many requests. Please try again in %(seconds)d second.",
                "Too many requests. Please try again in %(seconds)d seconds.",
                seconds,
            )
            % {"seconds": seconds},
        )
        self.wait = seconds


def well_formed_origin(origin):
    """The Origin header normalised (home.urls_util.origin_of_url), or None when it is not just
    `scheme://host[:port]`: a path, even a lone slash, or user details make it no origin."""
    try:
        parts = urlsplit(origin)
    except ValueError:
        return None
    if parts.path or parts.query or parts.fragment or "@" in parts.netloc:
        return None
    return origin_of_url(origin)


def cors_origin(request):
    """The value of Access-Control-Allow-Origin for this request, or None: the configured origin
    the request's Origin is, compared normalised (case, default ports), `*` when
    API_CORS_ORIGINS lists `*` (only if configured so). Never the header as sent."""
    origin = request.headers.get("Origin")
    allowed = settings.API_CORS_ORIGINS
    if not origin:
        return None
    if "*" in allowed:
        return "*"
    normalised = well_formed_origin(origin)
    configured = {origin_of_url(url) for url in allowed}
    return normalised if normalised is not None and normalised in configured else None


def refuse_nul(request):
    """A NUL in a query parameter is no text (PostgreSQL refuses it in a query, a 500): 400."""
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError(_("A query parameter contains a NUL character."))


def whole_number(name, value, largest=MAX_NUMBER):
    # Compared by its digits first: Python refuses to read more than 4300 of them, leading
    # zeros too (a 500).
    digits = value.lstrip("0")
    if (
        not WHOLE_NUMBER.fullmatch(value)
        or len(digits) > len(str(largest))
        or int(digits or "0") > largest
    ):
        raise BadRequestError(
            _("%(name)s= is a whole number from 0 to %(max)d.") % {"name": name, "max": largest}
        )
    return value


class PublicPagination(WagtailPagination):
    """Wagtail's, with offsets and limits the database can hold."""

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            if name in request.GET:
                # A limit said as the one Wagtail holds it to (walk 17b, W6: "0 to 1000000").
                largest = settings.WAGTAILAPI_LIMIT_MAX if name == "limit" else MAX_NUMBER
                whole_number(name, request.GET[name], largest)
        return super().paginate_queryset(queryset, request, view)


class PublicSearchFilter(SearchFilter):
    """`search=` searched as the site's search does (jumelage.views.search_text and
    search_words): the words only, without the backend's query syntax, and no more than the
    site's search takes (a stray quote broke SQLite's full-text search, hundreds of words the
    query parser's recursion). No words, nothing found, as on the site."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator= is either and or or."))
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError(_("tags= and search= cannot be combined."))
        words = search_words(search_text(request.GET["search"]))
        if not words:
            return queryset.none()
        try:
            return get_search_backend().search(
                words, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except (FilterFieldError, OrderByFieldError) as error:
            # Django's name of a random order is "?": the message named "?" (walk 17b, F3).
            name = "order=random" if error.field_name == "?" else error.field_name
            raise BadRequestError(
                _("%(name)s cannot be combined with search=.") % {"name": name}
            ) from error


class SingleValuedOrderingFilter(OrderingFilter):
    """Wagtail's `order=`, but not by a field that holds several values per object (`tags`):
    ordering joined each page to every one of them, so a story with three tags was listed three
    times beside a `total_count` that counted it once, and `offset=` skipped stories (attack
    22, F2)."""

    def filter_queryset(self, request, queryset, view):
        for name in request.GET.get("order", "").split(","):
            try:
                field = queryset.model._meta.get_field(name.lstrip("-"))
            except FieldDoesNotExist:
                continue
            if field.many_to_many or field.one_to_many:
                raise BadRequestError(
                    _("Cannot order by '%(field)s': it holds several values.") % {"field": name}
                )
        return super().filter_queryset(request, queryset, view)


def with_public_search(backends):
    """Wagtail's filters, with the site's search and an order by single values only."""
    replaced = {SearchFilter: PublicSearchFilter, OrderingFilter: SingleValuedOrderingFilter}
    return [replaced.get(backend, backend) for backend in backends]


def wagtails_refusals():
    """(pattern of Wagtail's English message, its wording in the language being read) of the API's
    refusals that our own checks do not word first (attack of 2026-12-05, W1)."""
    return [
        (
            r"cannot order by '(?P<field>.*)' \((unknown|invalid) field\)",
            _("Cannot order by '%(field)s': there is no such field."),
        ),
        (
            r"cannot (order|filter) by '(?P<field>.*)' while searching \(field is not indexed\)",
            _("'%(field)s' cannot be combined with search=."),
        ),
        (
            r"random ordering with offset is not supported",
            _("order=random cannot be combined with offset=."),
        ),
        (
            r"random ordering cannot be combined with other fields",
            _("order=random cannot be combined with other fields."),
        ),
        (
            r"(?P<name>child_of|ancestor_of|descendant_of|translation_of|offset|limit) must be "
            r"a positive integer",
            _("%(name)s= is a positive whole number."),
        ),
        (r"parent page doesn't exist", _("The page of child_of= does not exist.")),
        (r"ancestor page doesn't exist", _("The page of descendant_of= does not exist.")),
        (r"descendant page doesn't exist", _("The page of ancestor_of= does not exist.")),
        (r"translation_of page doesn't exist", _("The page of translation_of= does not exist.")),
        (
            r"filtering by descendant_of with child_of is not supported",
            _("descendant_of= cannot be combined with child_of=."),
        ),
        (
            r"'(?P<field>.*)' does not support nested fields",
            _("'%(field)s' has no fields of its own to choose."),
        ),
        (r"search is disabled", _("Search is not available here.")),
        (
            r"fields error: unexpected char '(?P<char>.*)' at position (?P<position>\d+)",
            _("fields= has an unexpected character '%(char)s' at position %(position)s."),
        ),
        (
            r"fields error: unexpected end of input \(did you miss out a close bracket\?\)",
            _("fields= ends unexpectedly (is a closing bracket missing?)."),
        ),
        (r"fields error: '\*' must be in the first position", _("In fields=, '*' comes first.")),
        (
            r"field filter error\. '.*' is not a valid value for (?P<field>\S+) \(.*\)",
            _("%(field)s= has a value it cannot take."),
        ),
    ]


def in_clients_language(message):
    """Wagtail's English refusal `message` in the language being read, when it is one we know."""
    for pattern, wording in wagtails_refusals():
        # A field's name may hold a line break (`order=a%0Ab`): it stayed English.
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return wording % found.groupdict() if found.groupdict() else wording
    return message


class OpenDataMixin:
    """What every endpoint shares: anonymous, read-only, JSON, throttled, CORS, cacheable."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = []
    throttle_classes = [VisitorRateThrottle]
    http_method_names = ["get", "head", "options"]
    pagination_class = PublicPagination
    # Not `rich_text_format`: rich text is given as the page shows it (RenderedStreamField),
    # never in Wagtail's internal form.
    known_query_parameters = BaseAPIViewSet.known_query_parameters - {"rich_text_format"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        refuse_nul(request)

    def throttled(self, request, wait):
        raise TooManyRequests(wait)

    def filter_queryset(self, queryset):
        """Wagtail's filters, with a value a field cannot take (`start=2026`) a 400 that says
        why rather than a 500."""
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:
            raise BadRequestError(" ".join(error.messages)) from error
        except (ValueError, OverflowError) as error:
            raise BadRequestError(_("A filter has a value its field cannot take.")) from error

    def find_object(self, queryset, request):
        if "id" in request.GET:
            return queryset.get(id=whole_number("id", request.GET["id"]))
        return None

    def find_view(self, request):
        """Wagtail's, redirecting to the detail URL on the client's address (not the Site
        record's host name), with the other query parameters kept."""
        try:
            found = self.find_object(self.get_queryset(), request)
        except self.get_queryset().model.DoesNotExist:
            found = None
        if found is None:
            raise Http404
        url_path = request.wagtailapi_router.get_object_detail_urlpath(self.model, found.pk)
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        url = absolute_url(request, url_path)
        return redirect(f"{url}?{query.urlencode()}" if query else url)

    def type_hint(self):
        """What to add to an "unknown" message: nothing here, see the pages endpoint."""
        return ""

    def check_query_parameters(self, queryset):
        """Wagtail's check, with its message in the client's language: a field of a page type
        is a filter only with `type=`."""
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True))
        unknown = set(self.request.GET) - allowed - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                _("Unknown query parameters: %(names)s.") % {"names": ", ".join(sorted(unknown))}
                + self.type_hint()
            )

    def get_serializer_class(self):
        """Wagtail's, after a check of `fields=` that says in the client's language which
        fields are unknown (Wagtail's own message is English only)."""
        try:
            wanted = parse_fields_parameter(self.request.GET.get("fields", ""))
        except ValueError:
            wanted = []  # Wagtail answers a malformed parameter itself
        if wanted:
            if self.action == "listing_view":
                model = self.get_queryset().model
            else:
                model = type(self.get_object())
            available = set(self.get_available_fields(model))
            if self.action == "listing_view":
                available -= set(self.detail_only_fields)
            unknown = {name for name, _negated, _sub in wanted if name not in ("*", "_")}
            unknown -= available
            if unknown:
                raise BadRequestError(
                    _("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))}
                    + self.type_hint()
                )
        return super().get_serializer_class()

    def handle_exception(self, exc):
        """A page, image or document that is not there (or not public) is "not found" in the
        client's language, as DRF words it, rather than Django's English sentence; Wagtail's
        other refusals are worded in it too (`in_clients_language`)."""
        if isinstance(exc, Http404):
            exc = Http404(str(NotFound.default_detail))
        elif isinstance(exc, BadRequestError):
            exc = BadRequestError(in_clients_language(str(exc)))
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Accept-Language", "Origin"))
        origin = cors_origin(request)
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = "Retry-After"
            if request.method == "OPTIONS":
                response["Access-Control-Allow-Methods"] = CORS_METHODS
                response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
                response["Access-Control-Max-Age"] = CORS_MAX_AGE
        # LocaleMiddleware answers a 404 of an address without a language prefix with a
        # redirect to /de/… when that resolves, and Wagtail's catch-all page route resolves
        # anything: read against the API's own routes, "not found" stays a 404 of JSON.
        request._request.urlconf = __name__
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            # Only what anyone may read is here: browsers and proxies may keep it a minute.
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        else:
            patch_cache_control(response, no_store=True)
        return response


def public_pages():
    """Live pages without a view restriction, without the newsletters not sent yet: live, but
    not public until sent (community.models.NewsletterPage; attack 22, F1)."""
    return without_unsent_newsletters(Page.objects.live().public())


class UpcomingMeetingsFilter(BaseFilterBackend):
    """`?upcoming=true`: meetings that have not ended yet, the soonest first
    (MeetingQuerySet.upcoming, as the calendar lists them); `?upcoming=false`: those that have,
    the latest first. Only with `type=exchanges.MeetingPage`; an `order=` given too wins."""

    VALUES = {"true": True, "false": False}

    def filter_queryset(self, request, queryset, view):
        if "upcoming" not in request.GET:
            return queryset
        if not issubclass(queryset.model, MeetingPage):
            raise BadRequestError(
                _("upcoming= filters meetings only: add type=exchanges.MeetingPage.")
            )
        upcoming = self.VALUES.get(request.GET["upcoming"].lower())
        if upcoming is None:
            raise BadRequestError(_("upcoming= is either true or false."))
        return queryset.upcoming() if upcoming else queryset.past()


class PublicPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    # Before Wagtail's ordering, so that an explicit `order=` comes last and wins.
    filter_backends = [
        UpcomingMeetingsFilter if backend is SingleValuedOrderingFilter else backend
        for backend in with_public_search(PagesAPIViewSet.filter_backends)
    ]
    filter_backends.insert(
        filter_backends.index(UpcomingMeetingsFilter) + 1, SingleValuedOrderingFilter
    )
    known_query_parameters = (PagesAPIViewSet.known_query_parameters | {"upcoming"}) - {
        "rich_text_format"
    }

    def type_hint(self):
        if "type" in self.request.GET:
            return ""
        return " " + _(
            "The fields of a page type are known only together with type=, e.g. "
            "type=exchanges.StoryPage."
        )

    def get_base_queryset(self):
        """Wagtail's: live pages of the site's tree and its translations' trees (the German home
        is a sibling of the Dutch one), without any page with a view restriction, even one the
        request could pass, nor the pages below it; nor a newsletter not sent yet (attack 22,
        F1), which is live but not public until sent."""
        return without_unsent_newsletters(super().get_base_queryset().public())

    def get_queryset(self):
        locale = self.request.GET.get("locale")
        codes = [code for code, _name in settings.LANGUAGES]
        if locale is not None and locale not in codes:
            # Wagtail's filter answers a bare 404, as if the pages were not there.
            raise BadRequestError(_("locale= is one of: %(codes)s.") % {"codes": ", ".join(codes)})
        requested = self.request.GET.get("type")
        if requested:
            # Wagtail's check, with its "type doesn't exist" in the client's language.
            try:
                page_models_from_string(requested)
            except (LookupError, ValueError) as error:
                raise BadRequestError(
                    _("There is no page type %(type)s.") % {"type": requested}
                ) from error
        return for_api(super().get_queryset())

    def get_object(self):
        """The page of the detail view, with its sectors in its own language, as a listing's."""
        if not hasattr(self, "_cached_object"):
            [self._cached_object] = prepare_for_api([super().get_object()])
        return self._cached_object

    def paginate_queryset(self, queryset):
        pages = prepare_for_api(super().paginate_queryset(queryset))
        asked = functools.cache(self.stream_fields_asked)
        read_together(getattr(page, name) for page in pages for name in asked(type(page)))
        return pages

    @functools.cached_property
    def fields_parameter(self):
        """(fields asked for, fields left out) by `fields=`."""
        try:
            wanted = parse_fields_parameter(self.request.GET.get("fields", ""))
        except ValueError:
            wanted = []
        asked = {name for name, negated, _sub in wanted if not negated}
        return asked, {name for name, negated, _sub in wanted if negated}

    def stream_fields_asked(self, model):
        """The StreamFields of `model` this listing gives (`fields=body` or `fields=*`)."""
        asked, left_out = self.fields_parameter
        in_api = {api_field.name for api_field in getattr(model, "api_fields", ())}
        return [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, StreamField)
            and field.name in in_api
            and (field.name in asked or "*" in asked)
            and field.name not in left_out
        ]

    def find_object(self, queryset, request):
        """A page by the path of its `html_url` (with its language prefix, /nl/… or /de/…), or
        by id. Wagtail's reads paths without a prefix, in the Site's tree only."""
        if "html_path" in request.GET:
            page = page_at(request, request.GET["html_path"])
            if page is not None and queryset.filter(pk=page.pk).exists():
                return page
        return super().find_object(queryset, request)


def used_on_public_pages(model):
    """Ids of the images or documents a live public page shows (a lead image, a picture or a
    file in its body), by Wagtail's reference index, which reads a page's published fields,
    not its drafts. A member's upload for a story in review is on no live page, so it is not
    here, nor is a file only a draft or a private page uses."""
    page_ids = public_pages().annotate(key=Cast("pk", CharField())).values("key")
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=page_ids,
        to_content_type=ContentType.objects.get_for_model(model),
    )
    return referenced.annotate(target=Cast("to_object_id", IntegerField())).values("target")


def public_images():
    """Images used on live public pages, and the lead images of live public pages read from
    their own fields too (home.models.LeadImageMixin), so that they are listed even before the
    reference index has caught up with a publish."""
    shown = Q(pk__in=used_on_public_pages(get_image_model()))
    for model in get_page_models():
        if issubclass(model, LeadImageMixin):
            shown |= Q(pk__in=model.objects.live().public().values("image"))
    return get_image_model().objects.filter(shown)


def restricted_collections():
    """Collections with a view restriction, and every collection below them."""
    restricted = Q()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        restricted |= Q(path__startswith=restriction.collection.path)
    if not restricted:
        return Collection.objects.none()
    return Collection.objects.filter(restricted)


class PublicImagesAPIViewSet(OpenDataMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer
    filter_backends = with_public_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return (
            public_images()
            .exclude(collection__in=restricted_collections())
            .prefetch_related("tags")
            .order_by("id")
        )


class PublicDocumentsAPIViewSet(OpenDataMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    filter_backends = with_public_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        documents = get_document_model().objects.filter(
            pk__in=used_on_public_pages(get_document_model())
        )
        return documents.exclude(collection__in=restricted_collections()).order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)

ENDPOINTS = ("pages", "images", "documents")


class UnknownAddressViewSet(OpenDataMixin, BaseAPIViewSet):
    """Any address under /api/ the API does not know: a 404 of JSON with the API's headers
    (not LocaleMiddleware's redirect to /nl/api/… and a page of HTML), and at /api/v2/ itself a
    small index of the endpoints."""

    def not_found_view(self, request, *args, **kwargs):
        raise Http404

    def index_view(self, request):
        return Response(
            {
                name: absolute_url(request, reverse(f"{api_router.url_namespace}:{name}:listing"))
                for name in ENDPOINTS
            }
        )


api_not_found = UnknownAddressViewSet.as_view({"get": "not_found_view"})
api_index = UnknownAddressViewSet.as_view({"get": "index_view"})

# The URLs of the API (jumelage/urls.py mounts the same), also the urlconf LocaleMiddleware reads
# for the API's answers (OpenDataMixin.finalize_response).
urlpatterns = [
    path("api/v2/", api_index),
    path("api/v2/", api_router.urls),
    re_path(r"^api/", api_not_found),
]
