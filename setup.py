"""Package layout that pyproject.toml cannot express alone.

The top-level ``resources/`` folder is installed as the package ``fieldapp_resources``,
so :mod:`importlib.resources` finds the same files from source, from a wheel and frozen.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["fieldapp", "fieldapp.*"]), "fieldapp_resources"],
    package_dir={"fieldapp_resources": "resources"},
)
