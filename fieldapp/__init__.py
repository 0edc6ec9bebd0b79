"""FieldApp (驻村帮扶工作台): the offline-first household register for village work teams.

Layers, from the inside out: ``fieldapp.domain`` (pure rules, no Qt, no SQL) →
``fieldapp.store`` (SQLAlchemy models, migrations, the one write path) →
``fieldapp.services`` → front ends (``fieldapp.gui``, ``fieldapp.cli``).
Only ``fieldapp.gui`` imports PySide6.
"""

__version__ = "0.1.0"
