"""Sync packages: offline changes that converge, on USB or any transport.

- :mod:`.package` — the file: clear header, lzma body encrypted to the recipient, signed.
- :mod:`.body` — the compact change encoding inside.
- :mod:`.merge` — per-field last-writer-wins, conflicts, quarantine.
- :mod:`.state` — version vectors (holdings, peers' cursors) and peers.
- :mod:`.service` — build/export, import, status, conflict resolution (used by CLI, GUI, server).
- :mod:`.district` — a district identity, e.g. for the demo.
"""
