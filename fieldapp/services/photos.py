"""Visit photos: import, downscale, store content-addressed, thumbnail (Pillow; no Qt).

:func:`import_photo` turns an image file (from a file dialog or a camera folder)
into a JPEG of at most :data:`MAX_SIDE` px on the long side (EXIF orientation
applied, every metadata block such as GPS dropped) and a :data:`THUMB_SIDE` px
thumbnail. The stored file is named by the SHA-256 of its bytes:
``<data folder>/photos/<sha[:2]>/<sha>.jpg`` and ``photos/thumbs/<sha[:2]>/<sha>.jpg``.
The same photo imported twice is stored once, and the name verifies the content
after a sync.

Files are written **before** the database transaction that records the visit,
each to a temporary name and then renamed into place (a crash never leaves a
half-written file under a valid name). If that transaction then fails, the files
stay as harmless orphans: content-addressed, they are reused by the next import
of the same photo. The ``photo`` row itself is written by
:func:`fieldapp.services.visits.save_visit` with the visit, through the one write path.

Encrypted at rest: given a photo key (:meth:`PhotoFolder.for_home` derives it from the vault key),
every photo and thumbnail is stored sealed (:mod:`fieldapp.store.sealed`: AES-GCM with a header)
under the same names; the name stays the SHA-256 of the *plain* JPEG, which is what sync sends and
verifies. Readers open sealed and plain files alike, so photos stored before encryption was turned
on stay readable until :meth:`PhotoFolder.seal_plain_files` seals them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
import os
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.ids import natural_id
from fieldapp.store import sealed
from fieldapp.store.db import environment_errors

log = logging.getLogger("fieldapp.services.photos")

SealedError = sealed.SealedError  # what the readers raise for a file they cannot open (the GUI catches it)

MAX_BYTES = 30 * 1024 * 1024  # refuse source files over 30 MB
MAX_SIDE = 1600
THUMB_SIDE = 240
JPEG_QUALITY = 85
THUMB_QUALITY = 80
MIME = "image/jpeg"
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"})
_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_IFD = 0x8769
_EXIF_DATETIME = 0x0132


class PhotoError(ValidationError):
    """A file cannot become a photo; the message names the file. ``problems`` has the key ``photo``."""

    def __init__(self, message: str) -> None:
        super().__init__({"photo": message})
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class StoredPhoto:
    """A photo whose files are in the photo folder (its ``photo`` row may not be written yet)."""

    id: str
    sha256: str
    width: int
    height: int
    bytes: int
    mime: str = MIME
    taken_on: dt.date | None = None

    def row(self) -> dict[str, Any]:
        """The ``photo`` row values (without id)."""
        return {"sha256": self.sha256, "mime": self.mime, "width": self.width, "height": self.height,
                "bytes": self.bytes, "taken_on": self.taken_on}


def photo_id(sha256: str) -> str:
    return natural_id("photo", sha256)


def photo_root(data_home: Path) -> Path:
    """The photo folder of a data folder (``AppContext.paths.home``)."""
    return Path(data_home) / "photos"


def photo_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / f"{sha256}.jpg"


def thumb_path(root: Path, sha256: str) -> Path:
    return root / "thumbs" / sha256[:2] / f"{sha256}.jpg"


def list_images(folder: Path) -> list[Path]:
    """Image files directly in ``folder`` (e.g. a camera's DCIM folder), oldest first."""
    found = [p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def import_photo(root: Path, source: Path, key: bytes | None = None) -> StoredPhoto:
    """Downscale, strip and store one image file; returns the stored photo (idempotent).

    Raises :class:`PhotoError` naming the file when it is not an image, is over 30 MB, or
    cannot be read; :class:`fieldapp.store.db.StoreEnvironmentError` when the photo folder
    cannot be written (disk full, read-only).
    """
    source = Path(source)
    name = source.name
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise PhotoError(f"无法读取文件“{name}”：{exc.strerror or exc}") from exc
    if size > MAX_BYTES:
        raise PhotoError(f"文件“{name}”有 {size / 1024 / 1024:.1f} MB，超过 {MAX_BYTES // 1024 // 1024} MB 的上限，"
                         "不能作为照片导入")
    if size == 0:
        raise PhotoError(f"文件“{name}”是空文件，不是图片")
    jpeg, thumb, width, height, taken_on = _process(source)
    sha = hashlib.sha256(jpeg).hexdigest()
    with environment_errors(root):
        _write_once(photo_path(root, sha), jpeg, key)
        _write_once(thumb_path(root, sha), thumb, key)
    log.info("photo %s stored from %s (%dx%d, %d bytes)", sha[:12], name, width, height, len(jpeg))
    return StoredPhoto(id=photo_id(sha), sha256=sha, width=width, height=height, bytes=len(jpeg), taken_on=taken_on)


def import_photos(root: Path, sources: Iterable[Path],
                  key: bytes | None = None) -> tuple[list[StoredPhoto], list[PhotoError]]:
    """Import several files (e.g. :func:`list_images` of a camera folder); bad ones are reported, not fatal."""
    stored: list[StoredPhoto] = []
    errors: list[PhotoError] = []
    seen: set[str] = set()
    for source in sources:
        try:
            photo = import_photo(root, source, key)
        except PhotoError as exc:
            errors.append(exc)
            continue
        if photo.id not in seen:
            seen.add(photo.id)
            stored.append(photo)
    return stored, errors


def has_files(root: Path, sha256: str) -> bool:
    return photo_path(root, sha256).is_file()


def _read(path: Path, key: bytes | None) -> bytes | None:
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    return sealed.open_maybe_sealed(key, blob, sealed.PHOTOS, what=f"照片文件 {path.name}")


def read_stored(root: Path, sha256: str, key: bytes | None = None) -> bytes | None:
    """The stored JPEG of a photo (plain bytes, to send in a sync package), or None when this device lacks it.

    Raises :class:`fieldapp.store.sealed.SealedError` when the file is sealed and cannot be opened."""
    return _read(photo_path(root, sha256), key)


def read_thumb(root: Path, sha256: str, key: bytes | None = None) -> bytes | None:
    """The thumbnail's JPEG bytes, or None when it is missing."""
    return _read(thumb_path(root, sha256), key)


def store_received(root: Path, sha256: str, jpeg: bytes, key: bytes | None = None) -> bool:
    """Store a photo file received in a sync package, with its thumbnail; False if it is not what its name says.

    The name is the SHA-256 of the bytes, so a file that does not hash to it is refused (and a
    file already stored is left alone). The thumbnail is made here, as :func:`import_photo` does.
    """
    if hashlib.sha256(jpeg).hexdigest() != sha256:
        return False
    with environment_errors(root):
        _write_once(photo_path(root, sha256), jpeg, key)
        if not thumb_path(root, sha256).is_file():
            try:
                with Image.open(io.BytesIO(jpeg)) as opened:
                    image = _to_rgb(opened)
                    image.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
            except (UnidentifiedImageError, OSError, ValueError) as exc:
                log.warning("received photo %s is not a readable image: %s", sha256[:12], exc)
                return True  # stored as received; the viewer shows it as unreadable
            _write_once(thumb_path(root, sha256), _encode(image, THUMB_QUALITY), key)
    return True


SEALED_MARKER = ".sealed"  # in the photo folder: every file in it has been sealed once


def seal_plain_files(root: Path, key: bytes) -> int:
    """Seal the photos and thumbnails stored before encryption was turned on; returns how many.

    Each file is replaced atomically (a crash leaves it plain or sealed, both readable). The marker
    file makes later starts skip the walk.
    """
    root = Path(root)
    marker = root / SEALED_MARKER
    if marker.exists() or not root.is_dir():
        return 0
    count = 0
    with environment_errors(root):
        for path in sorted(root.rglob("*.jpg")):
            with open(path, "rb") as fh:
                if sealed.is_sealed(fh.read(len(sealed.MAGIC))):
                    continue
            _replace(path, sealed.seal(key, path.read_bytes(), sealed.PHOTOS))
            count += 1
        marker.write_bytes(b"")
    if count:
        log.info("%d plain photo files sealed in %s", count, root)
    return count


@dataclass(frozen=True)
class PhotoFolder:
    """A data folder's photo files (:class:`fieldapp.sync.ports.PhotoFiles` for sync).

    ``key`` is the photo key (derived from the vault key, see :meth:`for_home`), or None for plain files.
    Sync sees plain JPEG bytes either way: :meth:`read` opens, :meth:`store` seals.
    """

    root: Path
    key: bytes | None = field(default=None, repr=False)

    @classmethod
    def for_home(cls, data_home: Path, vault_key: bytes | None) -> PhotoFolder:
        key = None if vault_key is None else sealed.derive(vault_key, sealed.PHOTOS)
        return cls(photo_root(data_home), key)

    def read(self, sha256: str) -> bytes | None:
        return read_stored(self.root, sha256, self.key)

    def read_thumb(self, sha256: str) -> bytes | None:
        return read_thumb(self.root, sha256, self.key)

    def store(self, sha256: str, jpeg: bytes) -> bool:
        return store_received(self.root, sha256, jpeg, self.key)

    def import_file(self, source: Path) -> StoredPhoto:
        return import_photo(self.root, source, self.key)

    def has(self, sha256: str) -> bool:
        return has_files(self.root, sha256)

    def seal_plain_files(self) -> int:
        return 0 if self.key is None else seal_plain_files(self.root, self.key)


# ---------------------------------------------------------------- internals


def _process(source: Path) -> tuple[bytes, bytes, int, int, dt.date | None]:
    name = source.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as opened:
                opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced scale, much faster
                taken_on = _taken_on(opened)
                image = ImageOps.exif_transpose(opened)
                image = _to_rgb(image)
                image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    except UnidentifiedImageError as exc:
        raise PhotoError(f"文件“{name}”不是图片（无法识别的格式）") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(f"文件“{name}”的像素太多，不能作为照片导入") from exc
    except (OSError, ValueError, SyntaxError) as exc:  # truncated/corrupt data, unreadable file
        raise PhotoError(f"无法读取图片“{name}”：文件已损坏或不完整（{exc}）") from exc
    jpeg = _encode(image, JPEG_QUALITY)
    thumb_image = image.copy()
    thumb_image.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return jpeg, _encode(thumb_image, THUMB_QUALITY), image.width, image.height, taken_on


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


def _encode(image: Image.Image, quality: int) -> bytes:
    """Plain baseline JPEG with no EXIF, ICC or comment block (nothing but pixels)."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def _taken_on(image: Image.Image) -> dt.date | None:
    try:
        exif = image.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    except Exception:
        return None
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.strptime(raw.strip()[:10], "%Y:%m:%d").date()
    except ValueError:
        return None


def _write_once(target: Path, data: bytes, key: bytes | None = None) -> None:
    """Store ``data`` (sealed when ``key`` is given) unless a file of the right size is already there."""
    size = len(data) + (0 if key is None else sealed.OVERHEAD)
    if target.is_file() and target.stat().st_size == size:
        return
    _replace(target, data if key is None else sealed.seal(key, data, sealed.PHOTOS))


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # files: mkstemp makes them 0600
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".jpg")
    with _removed_on_error(Path(tmp)):
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)


@contextlib.contextmanager
def _removed_on_error(path: Path) -> Iterator[None]:
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise
