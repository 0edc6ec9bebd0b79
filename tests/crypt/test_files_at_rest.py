"""Photos, thumbnails and device keys encrypted at rest, and the raw-bytes test of a whole data folder."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from PIL import Image
from sqlalchemy import text

from fieldapp import paths
from fieldapp.services import demo, identity, photos
from fieldapp.services.context import open_context
from fieldapp.store import sealed
from fieldapp.store.db import LockedRegisterError

VAULT = bytes(range(100, 132))


def _jpeg_source(tmp_path: Path, name: str = "door.jpg") -> Path:
    path = tmp_path / "src" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (900, 700), (30, 120, 200))
    for x in range(64):
        image.putpixel((x, 0), (x * 4, 0, 0))
    image.save(path)
    return path


def test_photos_and_thumbnails_are_sealed_and_sync_still_sees_the_verified_jpeg(tmp_path: Path) -> None:
    folder = photos.PhotoFolder.for_home(tmp_path / "home", VAULT)
    stored = folder.import_file(_jpeg_source(tmp_path))
    on_disk = photos.photo_path(folder.root, stored.sha256).read_bytes()
    thumb_disk = photos.thumb_path(folder.root, stored.sha256).read_bytes()
    assert sealed.is_sealed(on_disk) and sealed.is_sealed(thumb_disk)
    assert b"JFIF" not in on_disk and b"\xff\xd8\xff" not in on_disk[:64]
    jpeg = folder.read(stored.sha256)
    assert jpeg is not None and hashlib.sha256(jpeg).hexdigest() == stored.sha256 and jpeg[:3] == b"\xff\xd8\xff"
    thumb = folder.read_thumb(stored.sha256)
    assert thumb is not None and thumb[:3] == b"\xff\xd8\xff"
    # received from a sync package: verified against its name, then sealed
    other = photos.PhotoFolder.for_home(tmp_path / "other", VAULT)
    assert other.store(stored.sha256, jpeg) is True
    assert sealed.is_sealed(photos.photo_path(other.root, stored.sha256).read_bytes())
    assert other.read(stored.sha256) == jpeg
    assert other.store("0" * 64, jpeg) is False
    # no key, or another laptop's key: refused with a message, never garbage
    with pytest.raises(photos.SealedError, match="需要登录"):
        photos.PhotoFolder(folder.root).read(stored.sha256)
    with pytest.raises(photos.SealedError, match="无法解密"):
        photos.PhotoFolder.for_home(tmp_path / "home", b"\x07" * 32).read(stored.sha256)


def test_a_tampered_photo_file_is_refused(tmp_path: Path) -> None:
    folder = photos.PhotoFolder.for_home(tmp_path / "home", VAULT)
    stored = folder.import_file(_jpeg_source(tmp_path))
    path = photos.photo_path(folder.root, stored.sha256)
    blob = bytearray(path.read_bytes())
    blob[100] ^= 1
    path.write_bytes(bytes(blob))
    with pytest.raises(photos.SealedError, match="改动"):
        folder.read(stored.sha256)


def test_plain_photos_from_before_are_sealed_once(tmp_path: Path) -> None:
    root = photos.photo_root(tmp_path / "home")
    stored = photos.import_photo(root, _jpeg_source(tmp_path))
    plain = photos.photo_path(root, stored.sha256).read_bytes()
    folder = photos.PhotoFolder.for_home(tmp_path / "home", VAULT)
    assert folder.read(stored.sha256) == plain  # readable before sealing
    assert folder.seal_plain_files() == 2  # the photo and its thumbnail
    assert sealed.is_sealed(photos.photo_path(root, stored.sha256).read_bytes())
    assert folder.read(stored.sha256) == plain
    assert folder.seal_plain_files() == 0


def test_device_keys_are_wrapped_by_the_vault_key(tmp_path: Path) -> None:
    folder = tmp_path / "device"
    made = identity.create(folder, key=VAULT)
    assert sorted(p.name for p in folder.iterdir()) == ["agreement.sealed", "identity.json", "signing.sealed"]
    for f in folder.iterdir():
        assert b"PRIVATE KEY" not in f.read_bytes()
    loaded = identity.load(folder, VAULT)
    assert loaded is not None and loaded.public_signing() == made.public_signing()
    with pytest.raises(identity.IdentityError, match="需要登录"):
        identity.load(folder)
    with pytest.raises(identity.IdentityError, match="无法解密"):
        identity.load(folder, b"\x09" * 32)


def test_plain_device_keys_are_wrapped_at_the_first_load_with_a_key(tmp_path: Path) -> None:
    folder = tmp_path / "device"
    made = identity.create(folder)
    assert (folder / "signing.pem").exists()
    loaded = identity.load(folder, VAULT)
    assert loaded is not None and loaded.public_agreement() == made.public_agreement()
    assert not list(folder.glob("*.pem"))
    assert identity.load(folder, VAULT) is not None


def _needles(home: Path, ctx_db: object) -> tuple[list[bytes], list[bytes]]:
    """Personal data read back from the open register, and the device's private key bytes."""
    with ctx_db.read() as conn:  # type: ignore[attr-defined]
        ids = [r[0] for r in conn.execute(text("SELECT id_no FROM member WHERE id_no IS NOT NULL"))]
        names = [r[0] for r in conn.execute(text("SELECT name FROM member"))]
        banks = [r[0] for r in conn.execute(text("SELECT bank_account FROM household WHERE bank_account <> ''"))]
    assert ids and names and banks
    personal = [v.encode("utf-8") for v in {*ids, *banks, *(n for n in names if len(n) >= 2)}]
    # names also as UTF-16 (how some tools and Qt caches write them)
    personal += [n.encode("utf-16-le") for n in names if len(n) >= 3]
    return personal, []


@pytest.mark.slow
def test_no_personal_data_or_private_key_in_the_raw_bytes_of_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ctx = open_context(paths.DataPaths(home=home), key=VAULT)
    try:
        demo.build_demo(ctx, households=12, seed=3)
        ctx.photos.import_file(_jpeg_source(tmp_path))
        personal, _ = _needles(home, ctx.db)
        secrets = []
        for ident in (ctx.identity, identity.load(home / "demo-district" / "device", VAULT)):
            assert ident is not None
            for k in (ident.signing_key, ident.agreement_key):
                secrets.append(k.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                               serialization.NoEncryption()))
        # copied while the app is open (the -wal and -shm are there), and again after it closed
        shutil.copytree(home, tmp_path / "copy-open")
    finally:
        ctx.close()
    shutil.copytree(home, tmp_path / "copy-closed")
    copies = [tmp_path / "copy-open", tmp_path / "copy-closed"]
    files = [f for c in copies for f in c.rglob("*") if f.is_file()]
    assert any(f.name == "register.sqlite3-wal" for f in files)
    assert any(f.parent.parent.name == "photos" for f in files)
    found = []
    for f in files:
        raw = f.read_bytes()
        assert not raw.startswith(b"SQLite format 3"), f
        if b"PRIVATE KEY" in raw or any(s in raw for s in secrets):
            found.append(f"{f}: private key")
        found += [f"{f}: {n.decode('utf-8', 'replace')}" for n in personal if n in raw]
    assert found == []
    # and the data is all there for the person with the key
    again = open_context(paths.DataPaths(home=tmp_path / "copy-closed"), key=VAULT)
    assert demo.has_households(again)
    again.close()
    with pytest.raises(LockedRegisterError):
        open_context(paths.DataPaths(home=tmp_path / "copy-closed"))
