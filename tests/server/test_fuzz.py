"""Fuzzing the API: never a 500.

- schemathesis (its CLI, against the live server process's ``/openapi.json``) with the
  ``not_a_server_error`` check over every operation;
- hypothesis, past the authentication that schemathesis cannot sign: an enrolled device signs
  random bodies and mutated real packages; each answer is a 4xx with a reason (or 200 when the
  mutation left a valid package), and the server's data never changes on a refusal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.services import syncing
from fieldapp.services.identity import DeviceIdentity
from fieldapp.sync import service
from fieldapp.sync.http_client import ENROL_PATH, SYNC_PATH, sign_request
from tests.server.conftest import Laptop, ServerProcess
from tests.server.util import add_household, post_signed, server_dump

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def test_schemathesis_finds_the_api_as_documented(server: ServerProcess, tmp_path: Path) -> None:
    """Every check (no 500, status codes, content types, response schemas, schema-valid input accepted and
    invalid input rejected as documented), a bounded number of examples: about 20 seconds."""
    command = [str(SCHEMATHESIS) if SCHEMATHESIS.exists() else "schemathesis", "run", server.url + "/openapi.json",
               "--checks", "all", "--max-examples", "40", "--seed", "6",
               "--generation-database", "none", "--no-color", "--workers", "1"]
    done = subprocess.run(command, check=False, cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    counts = re.search(r"(\d+) generated, (\d+) passed", done.stdout)
    assert counts and counts[1] == counts[2] and int(counts[1]) > 100, done.stdout[-3000:]


@pytest.mark.parametrize(("content_type", "body", "status"), [
    ("application/json; charset=latin-1", b"\xff{not json", 400),  # the framework's own parse error
    ("text/plain", b"\xff\xfe not UTF-8", 422),  # its validation error held undecodable bytes: a 500
    ("application/json", b'{"code": "x", "device": {"device_id": "abcdefgh", "signing": "' + b"0" * 44
     + b'", "agreement": "' + b"0" * 44 + b'"}}', 422),  # 44 characters, but not base64 of a key
])
def test_unparsable_and_invalid_enrol_bodies_answer_reason_and_message(server: ServerProcess, content_type: str,
                                                                       body: bytes, status: int) -> None:
    resp = httpx.post(server.url + ENROL_PATH, content=body, headers={"Content-Type": content_type})
    assert resp.status_code == status and set(resp.json()) >= {"reason", "message"}, resp.text
    schema = httpx.get(server.url + "/openapi.json").json()["components"]["schemas"]["PublicIdentity"]
    assert "pattern" in schema["properties"]["signing"]  # the spec says what the server accepts


@pytest.fixture
def device(server: ServerProcess, laptop: Callable[[str], Laptop]) -> tuple[DeviceIdentity, bytes]:
    lap = laptop("a")
    east, _west = lap.setup()
    lap.ok("enrol", server.url, server.code("王伟", [east]))
    with lap.ctx() as ctx:
        for i in range(3):
            add_household(ctx, east, f"户主{i}")
        assert ctx.identity is not None
        return ctx.identity, service.build_package(syncing.replica_of(ctx), ctx.settings["server_device_id"]).data


def _mutations(valid: bytes) -> st.SearchStrategy[bytes]:
    cut = st.integers(0, len(valid) - 1).map(lambda n: valid[:n])
    def flip(pos_bit: tuple[int, int]) -> bytes:
        pos, bit = pos_bit
        out = bytearray(valid)
        out[pos] ^= 1 << bit
        return bytes(out)
    flipped = st.tuples(st.integers(0, len(valid) - 1), st.integers(0, 7)).map(flip)
    grown = st.binary(min_size=1, max_size=64).map(lambda extra: valid + extra)
    return st.one_of(st.binary(max_size=2048), cut, flipped, grown,
                     st.binary(max_size=64).map(lambda junk: b"FAPK" + junk))


def test_signed_garbage_and_mutated_packages_are_refused_cleanly(server: ServerProcess,
                                                                 device: tuple[DeviceIdentity, bytes]) -> None:
    ident, valid = device
    before = server_dump(server.home, server.db_url)
    seen: set[str] = set()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
              database=None)
    @given(body=_mutations(valid))
    def check(body: bytes) -> None:
        resp = post_signed(server.url, ident, body)
        assert resp.status_code < 500, resp.text
        if body == valid:
            return
        assert resp.status_code in (400, 401, 403, 409), resp.text
        seen.add(resp.json()["reason"])

    check()
    assert server_dump(server.home, server.db_url) == before
    assert {"format", "signature"} <= seen


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          database=None)
@given(payload=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                         max_size=4), max_leaves=12),
       signed=st.booleans())
def test_enrol_with_arbitrary_json_never_fails_the_server(server: ServerProcess, tmp_path: Path, payload: object,
                                                          signed: bool) -> None:
    import json

    from fieldapp.services import identity as identity_mod

    folder = tmp_path / "ids" / str(abs(hash(json.dumps(payload, sort_keys=True))) % 10**9)
    ident = identity_mod.load(folder) or identity_mod.create(folder)
    raw = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"} | (sign_request(ident, "POST", ENROL_PATH, raw) if signed else {})
    resp = httpx.post(server.url + ENROL_PATH, content=raw, headers=headers)
    assert 400 <= resp.status_code < 500, resp.text
    resp = httpx.post(server.url + SYNC_PATH, content=raw, headers=headers)
    assert 400 <= resp.status_code < 500, resp.text
