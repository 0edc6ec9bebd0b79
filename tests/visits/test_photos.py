"""Photos: downscaled, oriented, stripped, content-addressed, stored once; bad files refused by name."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.services import photos
from fieldapp.services import visits as svc
from fieldapp.services.context import AppContext
from fieldapp.services.photos import PhotoError
from fieldapp.services.visits import VisitDraft
from tests.visits.conftest import TODAY

GPS_IFD = 0x8825
ORIENTATION = 0x0112


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "photos"


def _camera_exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x0132] = "2025:03:09 10:11:12"  # DateTime
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (34.0, 1.0, 2.0), 3: "E", 4: (109.0, 3.0, 4.0)})
    return exif


def test_a_large_camera_photo_is_oriented_downscaled_and_stripped(root: Path, image_file: Callable[..., Path]) -> None:
    # 3000×2000 as stored by the sensor; orientation 6 = the camera was turned: the picture is 2000×3000 upright
    source = image_file("IMG_0001.JPG", (3000, 2000), exif=_camera_exif(6))
    photo = photos.import_photo(root, source)
    assert (photo.width, photo.height) == (1067, 1600)
    assert photo.taken_on == dt.date(2025, 3, 9)
    stored = photos.photo_path(root, photo.sha256)
    assert stored == root / photo.sha256[:2] / f"{photo.sha256}.jpg"
    assert stored.stat().st_size == photo.bytes
    with Image.open(stored) as image:
        assert image.format == "JPEG" and image.size == (1067, 1600)
        assert len(image.getexif()) == 0  # no orientation, no GPS, no date left in the file
        assert "exif" not in image.info and "icc_profile" not in image.info
    with Image.open(photos.thumb_path(root, photo.sha256)) as thumb:
        assert max(thumb.size) == 240 and thumb.size == (160, 240)


def test_small_png_with_transparency_becomes_a_jpeg_of_the_same_size(
        root: Path, image_file: Callable[..., Path]) -> None:
    source = image_file("sign.png", (300, 200), mode="RGBA", color=(0, 0, 255, 0))
    photo = photos.import_photo(root, source)
    assert (photo.width, photo.height, photo.mime) == (300, 200, "image/jpeg")
    with Image.open(photos.photo_path(root, photo.sha256)) as image:
        assert image.mode == "RGB"
        assert image.getpixel((150, 100)) == pytest.approx((255, 255, 255), abs=3)  # transparent → white


def test_the_same_photo_twice_is_stored_once(
        ctx: AppContext, household: str, image_file: Callable[..., Path]) -> None:
    root = photos.photo_root(ctx.paths.home)
    source = image_file("a.jpg")
    first = photos.import_photo(root, source)
    copy = source.with_name("copy-of-a.jpg")
    copy.write_bytes(source.read_bytes())
    second = photos.import_photo(root, copy)
    assert first == second and first.id == photos.photo_id(first.sha256)
    assert len([p for p in root.rglob("*.jpg") if "thumbs" not in p.parts]) == 1

    stored, errors = photos.import_photos(root, [source, copy])
    assert (stored, errors) == ([first], [])
    for day in (3, 4):
        svc.save_visit(ctx, VisitDraft(date=dt.date(2025, 3, day), type="01", household_id=household,
                                       photos=[first, second]), today=TODAY)
    assert ctx.db.scalar("SELECT count(*) FROM photo") == 1
    assert ctx.db.scalar("SELECT count(*) FROM visit_photo WHERE deleted = 0") == 2


def test_a_photo_alone_makes_a_visit_and_a_missing_file_is_refused(
        ctx: AppContext, household: str, image_file: Callable[..., Path]) -> None:
    root = photos.photo_root(ctx.paths.home)
    photo = photos.import_photo(root, image_file("b.jpg"))
    photos.photo_path(root, photo.sha256).unlink()
    draft = VisitDraft(date=dt.date(2025, 3, 3), type="01", household_id=household, photos=[photo])
    with pytest.raises(svc.ValidationError) as err:
        svc.save_visit(ctx, draft, today=TODAY)
    assert "请重新导入照片" in err.value.problems["photos"]
    again = photos.import_photo(root, image_file("b.jpg"))
    draft.photos = [again]
    visit_id = svc.save_visit(ctx, draft, today=TODAY)
    assert [p.sha256 for p in svc.load_visit(ctx.db, visit_id).photos] == [photo.sha256]


def test_a_text_file_named_jpg_is_refused_by_name(root: Path, tmp_path: Path) -> None:
    fake = tmp_path / "合影.jpg"
    fake.write_text("这不是图片", encoding="utf-8")
    with pytest.raises(PhotoError) as err:
        photos.import_photo(root, fake)
    assert str(err.value) == "文件“合影.jpg”不是图片（无法识别的格式）"
    assert err.value.problems == {"photo": str(err.value)}
    assert not root.exists()


def test_a_file_over_30_mb_is_refused_without_reading_it(root: Path, tmp_path: Path) -> None:
    big = tmp_path / "huge.jpg"
    with big.open("wb") as fh:  # sparse: costs no disk space
        fh.truncate(photos.MAX_BYTES + 1)
    with pytest.raises(PhotoError, match=r"文件“huge\.jpg”有 30\.0 MB，超过 30 MB 的上限"):
        photos.import_photo(root, big)


def test_truncated_empty_and_missing_files_are_refused(
        root: Path, tmp_path: Path, image_file: Callable[..., Path]) -> None:
    good = image_file("whole.jpg", (640, 480))
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    with pytest.raises(PhotoError, match=r"无法读取图片“cut\.jpg”：文件已损坏或不完整"):
        photos.import_photo(root, cut)
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(PhotoError, match=r"文件“empty\.jpg”是空文件"):
        photos.import_photo(root, empty)
    with pytest.raises(PhotoError, match=r"无法读取文件“gone\.jpg”"):
        photos.import_photo(root, tmp_path / "gone.jpg")


def test_a_camera_folder_imports_the_images_and_reports_the_rest(
        root: Path, tmp_path: Path, image_file: Callable[..., Path]) -> None:
    first = image_file("IMG_1.jpg", color=(10, 200, 10))
    second = image_file("IMG_2.png", color=(10, 10, 200), fmt="PNG")
    os.utime(first, (1_700_000_000, 1_700_000_000))
    (first.parent / "notes.txt").write_text("x")
    broken = first.parent / "IMG_3.jpg"
    broken.write_text("not a picture")
    found = photos.list_images(first.parent)
    assert found[0] == first and set(found) == {first, second, broken}
    stored, errors = photos.import_photos(root, found)
    assert len(stored) == 2
    assert [str(e) for e in errors] == ["文件“IMG_3.jpg”不是图片（无法识别的格式）"]


def test_writing_leaves_no_temporary_files(root: Path, image_file: Callable[..., Path]) -> None:
    photos.import_photo(root, image_file("c.jpg"))
    assert not [p for p in root.rglob(".tmp-*")]
