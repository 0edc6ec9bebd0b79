"""The projects tests' village (东村, 西村, households 张大山 and 李二河 of 东村) and their 核桃园 project."""

from __future__ import annotations

from tests.projects.conftest import approved_project, nodes, project, template_db, world  # noqa: F401
