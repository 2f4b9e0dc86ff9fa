"""Wagtail's image tags (`{% image %}`, `{% srcset_image %}`, `{% picture %}`), of which the two
that make several renditions make their filters once per place in a template, not on every
render: Wagtail makes a `Filter` for each size and format each time, and parsing its operations
again (looking up the registered operations, inspecting their arguments) was some 5 % of an
uncached story overview's time (twelve cards, six renditions each). A filter is its spec and the
operations parsed from it; what it makes depends on the image it is given (its size, its focal
point), so the same filters serve every image and every request."""

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail

register = template.Library()


class KeptFilters:
    def get_filters(self):
        filters = self.__dict__.get("kept_filters")
        if filters is None:
            filters = self.kept_filters = super().get_filters()
        return filters


class SrcsetImageNode(KeptFilters, wagtail.SrcsetImageNode):
    pass


class PictureNode(KeptFilters, wagtail.PictureNode):
    pass


NODES = {"srcset_image": SrcsetImageNode, "picture": PictureNode}


def several_renditions(parser, token):
    """Parsed as Wagtail parses it, made with filters it keeps."""
    node = wagtail.image(parser, token)
    return NODES[token.split_contents()[0]](
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )


register.tag("image", wagtail.image)
register.tag("srcset_image", several_renditions)
register.tag("picture", several_renditions)
