"""Validation errors that name the field and say what is wrong with it."""

from __future__ import annotations

from collections.abc import Mapping


class ValidationError(ValueError):
    """One or more fields are invalid. ``problems`` maps field name → message (zh-Hans)."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems: dict[str, str] = dict(problems)
        text = "; ".join(f"{field}: {msg}" for field, msg in self.problems.items())
        super().__init__(text)

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})
