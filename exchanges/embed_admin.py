"""The copy-paste code of the widgets (exchanges/embed_views.py) for editors: which widget, in
which language, of which sector, with a live preview. Editors and administrators, as for the
content the widgets show; not moderators."""

from django import forms
from django.conf import settings
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem

from community import roles
from community.admin_views import EditorsAdminView
from community.models import SectorPage
from home.urls_util import base_url

# URL name, the frame's title (in the widget's language) without and with a sector, and a height
# that shows five items and the link to the platform in a column 320-400 px wide, measured in
# Chromium (tests/test_embeds.py): titles of four lines (meetings) or three (stories), stories'
# introductions of three, and a language label beside each story's date, which wraps at 320 px.
# A frame's inner scroll bar is easily missed: better some white space below the link.
WIDGETS = {
    "calendar": (
        "embed_calendar",
        gettext_lazy("Jumelage: next meetings"),
        gettext_lazy("Jumelage: next meetings (%(sector)s)"),
        900,
    ),
    "stories": (
        "embed_stories",
        gettext_lazy("Jumelage: latest stories"),
        gettext_lazy("Jumelage: latest stories (%(sector)s)"),
        980,
    ),
}


class EmbedSnippetForm(forms.Form):
    widget = forms.ChoiceField(
        label=gettext_lazy("Widget"),
        choices=[
            ("calendar", gettext_lazy("Next meetings")),
            ("stories", gettext_lazy("Latest stories")),
        ],
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One choice per sector, whatever its languages: its title in the editor's language
        # where it has one; the widget takes the sector's address in the widget's language.
        titles = {}
        language = translation.get_language()
        for key, title, code in (
            SectorPage.objects.live()
            .public()
            .values_list("translation_key", "title", "locale__language_code")
        ):
            if str(key) not in titles or code == language:
                titles[str(key)] = title
        self.fields["sector"].choices = [
            ("", gettext_lazy("All sectors")),
            *sorted(titles.items(), key=lambda choice: choice[1].lower()),
        ]

    def clean(self):
        cleaned = super().clean()
        key, language = cleaned.get("sector"), cleaned.get("language")
        cleaned["sector_page"] = None
        if key and language:
            cleaned["sector_page"] = (
                SectorPage.objects.live()
                .public()
                .filter(translation_key=key, locale__language_code=language)
                .first()
            )
            if cleaned["sector_page"] is None:
                self.add_error(
                    "sector", gettext_lazy("This sector is not published in this language yet.")
                )
        return cleaned


def snippet(request, widget, language, sector=None):
    """The widget's path (for the preview, which the admin's CSP lets it frame from its own
    origin) and the <iframe> code to paste, on the site's public address; its title names the
    sector, so a page with two widgets tells a screen reader's user which frame is which."""
    url_name, title, sector_title, height = WIDGETS[widget]
    with translation.override(language):
        widget_path = reverse(url_name)
        title = str(title) if sector is None else str(sector_title) % {"sector": sector.title}
    if sector is not None:
        widget_path += "?" + urlencode({"sector": sector.slug})
    code = format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" style="border:0">'
        "</iframe>",
        base_url(request) + widget_path,
        title,
        height,
    )
    return {"preview_path": widget_path, "code": code, "height": height}


class EmbedSnippetView(EditorsAdminView):
    template_name = "exchanges/admin/embed_snippet.html"
    page_title = gettext_lazy("Widgets for websites")
    header_icon = "code"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.request.GET if "widget" in self.request.GET else None
        form = EmbedSnippetForm(
            data, initial={"widget": "calendar", "language": translation.get_language()}
        )
        context["form"] = form
        # Where browsers show the widgets (embed_views.py lets those websites frame them): told
        # by name, so an editor knows whether a municipality's page can show one yet.
        context["frame_origins"] = list(settings.EMBED_FRAME_ORIGINS)
        if data is None:
            language = translation.get_language()
            if language not in dict(settings.LANGUAGES):
                language = settings.LANGUAGE_CODE
            context["snippet"] = snippet(self.request, "calendar", language)
        elif form.is_valid():
            context["snippet"] = snippet(
                self.request,
                form.cleaned_data["widget"],
                form.cleaned_data["language"],
                form.cleaned_data["sector_page"],
            )
        return context


class EmbedMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_editor(request.user)


def urls():
    return [
        path(
            "embed/",
            require_admin_access(EmbedSnippetView.as_view()),
            name="embed_snippet",
        )
    ]


def menu_item():
    return EmbedMenuItem(
        # Short enough for the sidebar (its page keeps the whole heading).
        pgettext_lazy("admin menu", "Widgets for websites"),
        reverse("embed_snippet"),
        name="embed-snippet",
        icon_name="code",
        order=310,
    )
