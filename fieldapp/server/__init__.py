"""The district server: enrolment, authenticated HTTP sync, the USB desk, the admin view.

- :mod:`.main` — the ``fieldapp-server`` command (serve and administration).
- :mod:`.app` — the FastAPI application; :mod:`.auth` — request signatures, nonces, revocation.
- :mod:`.registry` — enrolment codes, devices, audit log; :mod:`.syncing` — apply and reply.
- :mod:`.ingest` — USB sticks at the office; :mod:`.admin` — the read-only view.
- :mod:`.storage` — the server's folder, identity and the one place its database is opened.

The server is an issue-5 replica of the whole district: it shares the package format and the
merge with the laptops (:mod:`fieldapp.sync`) and reimplements neither.
"""
