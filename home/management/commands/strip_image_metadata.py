import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from home.image_metadata import without_metadata


class Command(BaseCommand):
    help = (
        "Takes the camera's metadata (GPS position, camera, XMP, IPTC; not the orientation) out "
        "of the images stored before uploads lost it (home/image_metadata.py), and deletes their "
        "renditions, which copied it: they are made again from the cleaned file. Safe to run "
        "again: an image without metadata is left as it is."
    )

    def handle(self, **options):
        cleaned = 0
        for image in get_image_model().objects.iterator():
            try:
                with image.open_file() as file:
                    data = file.read()
            except (FileNotFoundError, OSError):
                continue
            stripped = without_metadata(data)
            if stripped is None or stripped == data:
                continue
            storage, old_name = image.file.storage, image.file.name
            # The cleaned file first (beside the old one, under a name of its own), then the
            # old one goes: an interruption leaves a file too many, never an image without one.
            image.file.name = storage.save(old_name, ContentFile(stripped))
            image.file_size = len(stripped)
            image.file_hash = hash_filelike(io.BytesIO(stripped))
            image.save(update_fields=["file", "file_size", "file_hash"])
            storage.delete(old_name)
            image.renditions.all().delete()
            cleaned += 1
        self.stdout.write(f"{cleaned} image(s) cleaned.")
