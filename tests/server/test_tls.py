"""TLS: the server serves HTTPS with a certificate and key; a laptop trusts a self-signed one with ``--ca``."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Callable
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.server.conftest import Backend, Laptop, ServerProcess


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "FieldApp test district")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_https_with_a_self_signed_certificate(tmp_path: Path, server_backend: Backend,
                                              laptop: Callable[[str], Laptop]) -> None:
    cert, key = _self_signed(tmp_path / "tls")
    server = ServerProcess(tmp_path / "server-home", server_backend.url(tmp_path), tls=(cert, key)).start()
    try:
        assert server.url.startswith("https://")
        lap = laptop("a")
        east, _west = lap.setup()
        code = server.code("王伟", [east])
        status, _out, err = lap.run("enrol", server.url, code)  # the system CAs do not know this certificate
        assert status == 1 and "无法连接" in err
        lap.ok("enrol", server.url, code, "--ca", str(cert))
        assert lap.setting("server_ca") == str(cert)
        assert "同步完成" in lap.ok("sync", "now")  # the CA is remembered
        try:
            httpx.get(server.url.replace("https", "http") + "/api/v1/health", timeout=5)
            plain_refused = False
        except httpx.HTTPError:
            plain_refused = True
        assert plain_refused, "the TLS port answered plain HTTP"
    finally:
        server.stop()
