"""`{% picture %}` and `{% srcset_image %}` of home/templatetags/jumelage_images.py keep their
filters from one render to the next: each image still gets its own renditions, cropped around its
own focal point, exactly as Wagtail's own tags give them."""

import wagtail_factories
from django.template import engines
from django.test import TestCase

TAGS = (
    '{% picture image format-{webp,jpeg} fill-{400x267,800x533} sizes="100vw" alt="" %}',
    '{% srcset_image image fill-{120x120,240x240} sizes="120px" alt="" %}',
)


def render(library, tag, image):
    template = engines["django"].from_string(f"{{% load {library} %}}{tag}")
    return template.render({"image": image})


class KeptFiltersTests(TestCase):
    def test_each_image_gets_the_renditions_wagtails_own_tags_give_it(self):
        centred = wagtail_factories.ImageFactory(width=1200, height=800)
        to_the_left = wagtail_factories.ImageFactory(
            width=1200, height=800, focal_point_x=100, focal_point_y=400,
            focal_point_width=50, focal_point_height=50,
        )  # fmt: skip
        for tag in TAGS:
            with self.subTest(tag=tag):
                template = engines["django"].from_string(f"{{% load jumelage_images %}}{tag}")
                # The same place in one template, rendered for one image after the other.
                kept = [template.render({"image": image}) for image in (centred, to_the_left)]
                wagtails = [render("wagtailimages_tags", tag, i) for i in (centred, to_the_left)]
                self.assertEqual(kept, wagtails)
                self.assertNotEqual(kept[0], kept[1])

    def test_an_image_whose_focal_point_moved_gets_renditions_cropped_around_the_new_one(self):
        image = wagtail_factories.ImageFactory(width=1200, height=800)
        template = engines["django"].from_string(f"{{% load jumelage_images %}}{TAGS[0]}")
        before = template.render({"image": image})
        image.focal_point_x, image.focal_point_y = 1100, 400
        image.focal_point_width = image.focal_point_height = 40
        image.save()
        after = template.render({"image": image})
        self.assertNotEqual(after, before)
        self.assertEqual(after, render("wagtailimages_tags", TAGS[0], image))
