"""A per-document cache of extracted reports, so that a rebuild redoes only what changed.

Entries live in ``<out>/.cache/<generation>/<key>.pickle``. The generation is a digest of the
gazetteer's bytes, the package version and the package's own source and data files, so any
change to what extraction does starts a new generation, and the old ones are removed. The key is
a digest of one document's file name and bytes. The cache holds pickles written by this tool;
like any pickle, an entry placed there by someone else could run code, so the folder is as
trusted as the output folder itself.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import shutil
from pathlib import Path

import geo
from geo.fsutil import atomic_path

log = logging.getLogger(__name__)

CACHE_DIR = ".cache"
# Editable installs change the code without changing the version: the source joins the key.
_PACKAGE_ROOT = Path(geo.__file__).parent
_PACKAGE_FILES = ("*.py", "*.csv", "*.json", "*.yaml", "*.js", "*.css")


def code_digest() -> str:
    """Digest of the package version and every source and data file of the package."""
    digest = hashlib.sha256(geo.__version__.encode())
    for pattern in _PACKAGE_FILES:
        for path in sorted(_PACKAGE_ROOT.rglob(pattern)):
            digest.update(path.relative_to(_PACKAGE_ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def document_key(name: str, data: bytes) -> str:
    """Key of one document: its file name (documents are named by it) and its bytes."""
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest()


class ReportCache:
    """Reports extracted from documents, stored by document key within one generation.

    Parameters
    ----------
    out
        The output folder; the cache is its ``.cache`` subfolder.
    gazetteer_bytes
        The gazetteer file's bytes: another gazetteer places the same text differently.
    """

    __slots__ = ("folder", "hits", "misses")

    def __init__(self, out: Path, gazetteer_bytes: bytes) -> None:
        generation = hashlib.sha256(code_digest().encode() + b"\0" + gazetteer_bytes)
        self.folder = out / CACHE_DIR / generation.hexdigest()[:24]
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> object | None:
        """Return the stored value of ``key``, or None when absent or unreadable."""
        path = self.folder / f"{key}.pickle"
        try:
            # only entries this tool wrote: see the module docstring on trust
            value: object = pickle.loads(path.read_bytes())
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            log.warning("ignoring the unreadable cache entry %s (%s)", path, exc)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: object) -> None:
        """Store ``value`` under ``key``; a failure to write only costs the next build time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with atomic_path(self.folder / f"{key}.pickle") as tmp:
                tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            log.warning("could not write the cache entry %s (%s)", key, exc)

    def prune(self, keep: set[str]) -> None:
        """Remove other generations and this generation's entries not in ``keep``."""
        root = self.folder.parent
        if not root.is_dir():
            return
        for other in sorted(root.iterdir()):
            if other != self.folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
        if self.folder.is_dir():
            for entry in sorted(self.folder.glob("*.pickle")):
                if entry.stem not in keep:
                    entry.unlink(missing_ok=True)
