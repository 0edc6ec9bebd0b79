"""Spot checks (抽查): drawing a reproducible sample, the checklists, rectifications and the summary.

- :mod:`.draw` — the frame, the draw with its checklists (one transaction), re-drawing to verify;
- :mod:`.checklist` — reading draws and items, items in words, marking items correct or incorrect;
- :mod:`.rectify` — the cadre reports a rectification done, the reviewer confirms or reopens it;
- :mod:`.summary` — per village and per cadre: items checked, error rate, rectified on time.

The printed checklist and summary are :mod:`fieldapp.services.printing.spotcheck`. Every write goes
through the one write path, so draws, findings and rectifications sync like everything else.
"""
