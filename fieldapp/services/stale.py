"""A save refused because a field changed since the editor loaded it, as the front ends see it.

The write path (:mod:`fieldapp.store.writer`) raises :class:`StaleWrite` with one
:class:`StaleField` per field that moved; front ends import them from here, since they
hold no store handles of their own.
"""

from fieldapp.store.writer import StaleField, StaleWrite

__all__ = ["StaleField", "StaleWrite"]
