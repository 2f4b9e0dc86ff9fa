import time
import uuid

from django import template
from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.template import Variable
from django.utils import translation
from django.utils.html import format_html
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, Site
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from home import i18n, language_trees, live, visibility
from home.cache import (
    CONTENT,
    PAGE_FIELDS,
    PAGES,
    SETTINGS,
    active_locale,
    from_row,
    media_base,
    origin,
    refused_to_keep,
    remember,
    row_of,
    version_of,
)
from home.machine_translation import machine_translated_from
from home.models import FoundationSettings
from home.notifications import unlinked as unlinked_text
from home.translation_progress import partly_translated_from
from home.urls_util import absolute_url, email_url
from home.visibility import menu_rule

register = template.Library()


def behind_its_password(context):
    """Whether the page of `context` is shown as its password form (templates/
    password_required.html): then nothing of it is named, not even its other language's
    address, whose slug carries its title (second attack of 2026-12-05, W1)."""
    return isinstance(context.get("form"), PasswordViewRestrictionForm)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page's (or view's) versions per language, computed once per request; behind a
    password, each language's home page, as for a page that is not found."""
    request = context["request"]
    if behind_its_password(context):
        # Each language's home: the other language's address of the page would name it, and
        # the view's own address (/_util/…) leads nowhere (second walk of 2026-12-05, F3).
        return i18n.language_versions(request, None, homes=True)
    page = context.get("page")
    cached = getattr(request, "_jumelage_language_versions", None)
    if cached is None or cached[0] != getattr(page, "pk", None):
        cached = (getattr(page, "pk", None), i18n.language_versions(request, page))
        request._jumelage_language_versions = cached
    return cached[1]


@register.simple_tag
def content_language(page):
    return i18n.content_language(page)


@register.filter
def other_language(page):
    """The language a listed page's text is written in when it is not the language being read
    (an untranslated alias), else "": for its lang attribute (WCAG 3.1.2)."""
    return i18n.other_language(page)


@register.filter
def title_in_its_language(page):
    """A page's title for a sentence of the site (“You are reporting …”): marked with the
    language it is written in where that is not the language being read (`other_language`)."""
    code = i18n.other_language(page)
    return format_html('<span lang="{}">{}</span>', code, page.title) if code else page.title


@register.filter
def machine_translated(page):
    """The language a listed page was machine-translated from while no editor reviewed it,
    else "": for its "Machine translated" label (the labels come from one cached read)."""
    return (isinstance(page, Page) and machine_translated_from(page)) or ""


@register.filter
def passed_by(rule, user):
    """Whether `user` may open a page whose menu entry names the restrictions `rule`."""
    return visibility.passes(user, rule)


@register.filter
def partly_translated(page):
    """The language whose words parts of a listed page still show (published before all of it
    was translated), else "": for its "Partly translated" label."""
    return (isinstance(page, Page) and partly_translated_from(page)) or ""


@register.simple_tag(takes_context=True)
def machine_translation(context, page):
    """`{% machine_translation page as mt %}`: for a page shown as a machine translation no
    editor reviewed yet, its source language (`mt.language`, its own name `mt.name`) and the
    address of the original (`mt.url`), else None. The address comes from the page's language
    versions, which the language switcher reads anyway (kept in the content cache): no query."""
    code = None if behind_its_password(context) else machine_translated(page)
    return original_in(context, page, code)


@register.simple_tag(takes_context=True)
def partial_translation(context, page):
    """`{% partial_translation page as partly %}`: for a page published with passages still in
    the language of its original, that language and the original's address, as
    `machine_translation` gives them; else None."""
    code = None if behind_its_password(context) else partly_translated(page)
    return original_in(context, page, code)


def original_in(context, page, code):
    """The version of `page` in the language `code` (its original): language, name, address."""
    if not code:
        return None
    if page is context.get("page"):
        versions = language_versions(context)
    else:
        versions = i18n.language_versions(context["request"], page)
    for version in versions:
        if version.code == code and version.url:
            # An original no longer on the site (unpublished, deleted) has that language's home
            # page as its address: the notice then links nothing (attack 17, F3).
            url = version.url if version.is_translated else None
            return {"language": code, "name": version.name, "url": url}
    return None


class ContentCacheNode(WagtailCacheNode):
    """Wagtail's `{% wagtailcache %}` (Django's `{% cache %}`, rendered anew in previews), keyed
    also by the language, host and media address being read and the content versions
    (home/cache.py), so a published change shows at once. An entry is used for at most
    `timeout` seconds, in step on every server (what is upcoming changes with the clock)."""

    VARIANT = "jumelage_cache_variant"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.append(Variable(self.VARIANT))

    def render(self, context):
        request = context.get("request")
        if request is None or not settings.CACHE_RENDERED_HTML:
            return self.nodelist.render(context)
        timeout = int(self.expire_time_var.resolve(context) or 0)
        variant = [
            translation.get_language(),
            origin(request),
            media_base(),
            version_of(*CONTENT),
            int(time.time() // timeout) if timeout else "",
        ]
        with context.update({self.VARIANT: variant}):
            refused = refused_to_keep()
            html = super().render(context)
            if refused_to_keep() and not refused:
                self.forget(context)
            return html

    def forget(self, context):
        """Deletes the entry just kept: it shows something else than its address asks (a page
        number beyond the last page, home.cache.refuse_to_keep), so that made-up addresses add
        no entries."""
        if self.cache_name:
            fragment_cache = caches[self.cache_name.resolve(context)]
        else:
            try:
                fragment_cache = caches["template_fragments"]
            except InvalidCacheBackendError:
                fragment_cache = caches["default"]
        vary_on = [var.resolve(context) for var in self.vary_on]
        fragment_cache.delete(make_template_fragment_key(self.fragment_name, vary_on))


@register.tag
def contentcache(parser, token):
    """`{% contentcache timeout name [vary_on …] [using="cache"] %}…{% endcontentcache %}`,
    Django's `{% cache %}` syntax (see ContentCacheNode). Only for HTML built from content:
    nothing of the visitor (account, form tokens, messages) and nothing `{% live %}` inside."""
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a timeout and a name.")
    cache_name = None
    if len(bits) > 3 and bits[-1].startswith("using="):
        cache_name = parser.compile_filter(bits.pop().removeprefix("using="))
    vary_on = [parser.compile_filter(bit) for bit in bits[3:]]
    return ContentCacheNode(nodelist, parser.compile_filter(bits[1]), bits[2], vary_on, cache_name)


class LiveNode(template.Node):
    def __init__(self, name, args):
        self.name = name
        self.args = args

    def render(self, context):
        if context.get(ContentCacheNode.VARIANT) is not None:
            raise template.TemplateSyntaxError(
                f"The live part {self.name!r} is inside a {{% contentcache %}}: it would be kept."
            )
        args = [arg.resolve(context) for arg in self.args]
        args = [f"{arg}" if isinstance(arg, uuid.UUID) else arg for arg in args]
        if not all(isinstance(arg, int | str) for arg in args):
            raise template.TemplateSyntaxError(
                f"The live part {self.name!r} takes ids, keys and strings, not {args!r}."
            )
        # Kept beside the cached page as plain data: no str subclass (SafeString) is pickled.
        args = [arg if isinstance(arg, int) else f"{arg}" for arg in args]
        part_template = context.template.engine.get_template(live.part(self.name).template)
        with context.push():
            html = part_template.render(context)
        request = context.get("request")
        return html if request is None else live.wrap(request, self.name, args, html)


@register.tag(name="live")
def live_part(parser, token):
    """`{% live "name" arg … %}`: a live part (home/live.py), what changes with members' own
    actions (the places left on a meeting, a sector's members, a member's name) or depends on
    who asks (the account links): the template registered as `name`, rendered here with the
    page's context, and rendered anew when the page cache serves the page
    (home.middleware.AnonymousPageCacheMiddleware). The arguments (ids) say what to show when it
    is rendered without the page; never inside a `{% contentcache %}`."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs the quoted name of a live part.")
    return LiveNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])


@register.filter
def unlinked(text):
    """Words of a member in the text of an email, no address in them a link
    (home.notifications.unlinked)."""
    return unlinked_text(text)


@register.filter
def quoted(text):
    """Someone's words of several lines in the text of an email, quoted as mail programs quote
    (each line after "> "), so that none reads as a line of the email's own."""
    return "\n".join(f"> {line}".rstrip() for line in str(text).splitlines())


@register.filter
def answer(text):
    """A member's answer after its label ("Wishes:") in the text of an email: on the label's
    line when it is one line, else below it, each line quoted ("> "), so that none reads as a
    line of the email's own; no address in it a link (`unlinked`; attack 41: a guest's wishes
    put "Bel https://…" on a line of its own in her host's email)."""
    text = unlinked_text(text)
    lines = text.splitlines()
    if len(lines) <= 1:
        return " " + "".join(lines)
    return "\n" + quoted(text)


@register.simple_tag
def page_numbers(page):
    """The page numbers a pager links: the first and the last, and two either side of the
    current page, with None for the gaps (an overview of 10,000 stories has 834 pages)."""
    ellipsis = page.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]


@register.filter
def language_name(code):
    """The name of a language in the reader's language, e.g. 'Dutch' or 'Niederländisch'."""
    label = settings.JUMELAGE_LANGUAGE_LABELS.get(code)
    return label if label is not None else code


@register.simple_tag
def language_home_url():
    """The home page of the language the page is shown in (`/nl/`, `/de/`), from the address
    conventions alone: the error pages render without a request and perhaps without a database
    (templates/standalone_error.html). A language only the admin speaks ("en") has no home page
    of its own: the site's default language's."""
    try:
        language = translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        language = settings.LANGUAGE_CODE
    return i18n.home_url(language)


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Home link, main navigation and footer of the language being read, kept in the content
    cache: they are the same on every page and change only when content does."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"home_url": "/", "menu": [], "foundations": [], "footer_pages": []}
    key = f"chrome:{site.pk}:{translation.get_language()}"
    home = _served_home(request, context.get("page"))
    return remember(key, lambda: _chrome(request, site, home), kinds=(PAGES, SETTINGS))


def _served_home(request, page):
    """The home page above the page being served, as its route found it (HomePage.route), or
    the page itself when it is the home page; None in previews and views without a page."""
    if page is None or getattr(request, "is_preview", False):
        return None
    if getattr(page, "depth", None) == 2 and page.pk:
        return page
    ancestors = getattr(page, "found_ancestors", None)
    return ancestors[0] if ancestors else None


def _chrome(request, site, home=None):
    home = home or localized(site.root_page)
    footer, foundations = FoundationSettings.with_foundations(site)
    menu, footer_pages = footer.menu_and_footer_pages(home)
    # The contact page for pages that point to it (allauth's "contact us"), when it is public.
    contact_key = getattr(footer, "footer_translation_keys", {}).get(footer.contact_page_id)
    contact = [page for _label, page in footer_pages if contact_key == page.translation_key]
    return {
        "home_url": home.get_url(request) or "/",
        "menu": [
            {
                "title": item.title,
                "url": item.get_url(request),
                "url_path": item.url_path,
                # Who may open it: "" for everyone (home.visibility.menu_rule).
                "rule": menu_rule(item),
            }
            for item in menu
        ],
        "foundations": [
            {
                **{
                    field: getattr(foundation, field)
                    for field in ("name", "town", "address", "email", "phone", "website")
                },
                "country": str(foundation.get_country_display()),
                "country_code": foundation.country,
            }
            for foundation in foundations
        ],
        "footer_pages": [(str(label), page.get_url(request)) for label, page in footer_pages],
        "contact_url": contact[0].get_url(request) if contact else "",
    }


@register.filter
def localized(page):
    """`page.localized` (the page in the language being read), kept in the content cache."""
    locale = active_locale()
    if page is None or locale is None or page.locale_id == locale.pk:
        return page
    key = f"localized:{page.pk}:{locale.pk}"

    def translation_row():
        found = page.get_translation_or_none(locale)
        return row_of(found, PAGE_FIELDS) if found is not None else None

    def build(row):
        return from_row(type(page), row) if row is not None else None

    return remember(key, translation_row, kinds=(PAGES,), build=build) or page


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Titles and addresses of a page's ancestors below the root, from the content cache (or
    as the page's route found them, see HomePage.route)."""
    request = context["request"]

    def ancestors():
        found = getattr(page, "found_ancestors", None)
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in (
                found if found is not None else page.get_ancestors().filter(depth__gt=1)
            )
        ]

    return remember(f"breadcrumbs:{origin(request)}:{page.pk}", ancestors, kinds=(PAGES,))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own address; for an untranslated alias, the address of its source."""
    page = context.get("page")
    if page is None or not page.pk or behind_its_password(context):
        return ""
    return _absolute_page_url(context, page.alias_of if page.alias_of_id else page)


@register.simple_tag(takes_context=True)
def shared_url(context):
    """The page's address as the visitor reads it, for the links that share it: an untranslated
    alias's own (the page in the visitor's language), not the source's that `canonical_url`
    names for search engines."""
    page = context.get("page")
    if page is None or not page.pk or behind_its_password(context):
        return ""
    return _absolute_page_url(context, page)


def _absolute_page_url(context, page):
    url = page.get_url(context["request"])
    return absolute_url(context["request"], url) if url else ""


@register.simple_tag(takes_context=True)
def absolute(context, path):
    """An absolute URL on the requested host, e.g. for Open Graph images."""
    return absolute_url(context["request"], path)


@register.simple_tag(takes_context=True)
def absolute_url_for_email(context, path):
    """An absolute URL in an email, of a path or a page (home.urls_util.email_url), on the
    address the email was sent from (`site_url`, see home.notifications.email_context)."""
    return email_url(path, context.get("site_url"))


@register.simple_tag
def versions_moving_along(page, destination):
    """For Wagtail's move confirmation: whether the page's other language versions move along
    below `destination`'s versions (home/language_trees.py)."""
    return any(language_trees.where_versions_go(page, page.get_parent(), destination))
