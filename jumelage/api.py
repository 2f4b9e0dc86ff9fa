"""The open data API: Wagtail's API v2 at /api/v2/ (pages, images, documents), read-only, JSON.

Everyone may read it, so it answers as it would an anonymous visitor whoever asks: no session,
no login, no view restriction passed (a page that asks for a password or a login is left out
with everything below it), only live pages, and of images and documents only those a live public
page shows. The fields of each page type are its `api_fields`; an online meeting's link is
never one of them.

Built here rather than with a package: a throttle on home.ratelimit (the site's counting per
visitor, behind proxies too), CORS for GET from the origins in API_CORS_ORIGINS, and
`Vary: Accept-Language, Origin`, as labels and errors are in the language the client asks for
(LocaleMiddleware reads Accept-Language, as /api/ has no language prefix)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, path
from django.utils.cache import patch_cache_control, patch_vary_headers
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import BaseThrottle
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    ReferenceIndex,
    get_page_models,
)

from exchanges.serializers import for_api, prepare_for_api
from home.models import LeadImageMixin
from home.ratelimit import limit_exceeded, seconds_to_wait
from home.urls_util import absolute_url

RATE_PERIOD = 60  # API_RATE_LIMIT counts requests per visitor and minute
CORS_METHODS = "GET, HEAD, OPTIONS"
CORS_MAX_AGE = "3600"
NESTED_PAGE_FIELDS = ["id", "type", "detail_url", "html_url", "title"]


def page_url(page, request):
    """The page's absolute URL on the address the client used (home.urls_util, never the Site
    record's host name), with the language prefix of the page's own locale (/de/…)."""
    try:
        page_path = page.get_url(request=request)
    except NoReverseMatch:
        return None
    return absolute_url(request, page_path) if page_path else None


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


class PublicPageSerializer(PageSerializer):
    html_url = AbsolutePageUrlField(read_only=True)
    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)


class VisitorRateThrottle(BaseThrottle):
    """API_RATE_LIMIT requests a minute per visitor's address (home.ratelimit.client_ip, so
    TRUSTED_PROXY_COUNT holds here too); then 429 with Retry-After until the minute is over."""

    def allow_request(self, request, view):
        self.retry_after = None
        if limit_exceeded(request, "api", limit=settings.API_RATE_LIMIT, period=RATE_PERIOD):
            self.retry_after = seconds_to_wait(RATE_PERIOD)
            return False
        return True

    def wait(self):
        return self.retry_after


def cors_origin(request):
    """The value of Access-Control-Allow-Origin for this request, or None: the request's own
    Origin when API_CORS_ORIGINS lists it, `*` when it lists `*` (only if configured so)."""
    origin = request.headers.get("Origin")
    allowed = settings.API_CORS_ORIGINS
    if not origin:
        return None
    if "*" in allowed:
        return "*"
    return origin if origin.rstrip("/") in allowed else None


class OpenDataMixin:
    """What every endpoint shares: anonymous, read-only, JSON, throttled, CORS, cacheable."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = []
    throttle_classes = [VisitorRateThrottle]
    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Accept-Language", "Origin"))
        origin = cors_origin(request)
        if origin:
            response["Access-Control-Allow-Origin"] = origin
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
    return Page.objects.live().public()


class PublicPagesAPIViewSet(OpenDataMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer

    def get_base_queryset(self):
        """Wagtail's: live pages of the site's tree and its translations' trees (the German home
        is a sibling of the Dutch one), without any page with a view restriction, even one the
        request could pass, nor the pages below it."""
        return super().get_base_queryset().public()

    def get_queryset(self):
        return for_api(super().get_queryset())

    def paginate_queryset(self, queryset):
        return prepare_for_api(super().paginate_queryset(queryset))


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
    def get_queryset(self):
        return public_images().exclude(collection__in=restricted_collections()).order_by("id")


class PublicDocumentsAPIViewSet(OpenDataMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        documents = get_document_model().objects.filter(
            pk__in=used_on_public_pages(get_document_model())
        )
        return documents.exclude(collection__in=restricted_collections()).order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)

# The URLs of the API (jumelage/urls.py mounts the same), also the urlconf LocaleMiddleware reads
# for the API's answers (OpenDataMixin.finalize_response).
urlpatterns = [path("api/v2/", api_router.urls)]
