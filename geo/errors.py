"""Errors the library raises; ``str()`` of each is one line a user can act on."""

from __future__ import annotations

from pathlib import Path


class GeoError(Exception):
    """Base class for every error the CLI reports without a traceback."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = " ".join(problem.split())
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.problem}"

    def __reduce__(self) -> tuple[type[GeoError], tuple[str, str, int | None]]:
        # Exceptions pickle their ``args`` (the message) by default, which __init__ cannot take;
        # errors cross process boundaries when documents are read on Dask workers.
        return (type(self), (self.path, self.problem, self.line))


class InputError(GeoError):
    """A seed document or an option value cannot be used."""


class GazetteerError(GeoError):
    """The gazetteer file is missing, malformed or fails validation."""
