"""What one merge computed that the next can reuse: the cost of a rebuild after one new article.

Most of a merge's time goes to work that depends only on a few reports at a time: the keys of
each sentence's text, the pairs of reworded reports in one bucket of (event type, year), the
pairs within one section of one document. A bucket whose reports are the same as last time has
the same pairs, so a rebuild that adds one article recomputes only the buckets it touches.

A report is known by its document's cache key (a digest of the file's name and bytes) and its
place in that document, and the memo lives in the cache generation of the code and gazetteer
that made it, so an entry is never reused for other text or other rules. The merge gives the
same incidents with or without a memo.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

ReportKey = tuple[str, int, int]
LocalPairs = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class MergeMemo:
    """Text keys and bucket pairs of earlier merges, and what this merge used or added.

    Parameters
    ----------
    doc_keys
        Cache key of each document by name; a bucket with a report of another document
        (one not read through the cache) is computed, never looked up.
    text_keys
        The keys of each sentence text (see ``merge._text_keys``).
    pairs
        Pairs of one bucket, as positions among its members, by the bucket's digest.
    """

    doc_keys: Mapping[str, str]
    text_keys: dict[str, tuple[str, str]] = field(default_factory=dict)
    pairs: dict[str, LocalPairs] = field(default_factory=dict)
    used_texts: set[str] = field(default_factory=set)
    used_pairs: set[str] = field(default_factory=set)
    has_new: bool = False

    def bucket_key(self, kind: str, members: Iterable[ReportKey]) -> str | None:
        """Digest of a bucket's reports, or None when one of them has no document key."""
        digest = hashlib.blake2b(kind.encode(), digest_size=16)
        for doc, start, clause_start in members:
            doc_key = self.doc_keys.get(doc)
            if doc_key is None:
                return None
            digest.update(f"\0{doc_key}:{start}:{clause_start}".encode())
        return digest.hexdigest()

    def known_pairs(self, key: str | None) -> LocalPairs | None:
        """Return the stored pairs of bucket ``key`` (and keep them), or None."""
        if key is None:
            return None
        found = self.pairs.get(key)
        if found is not None:
            self.used_pairs.add(key)
        return found

    def keep_pairs(self, key: str | None, pairs: LocalPairs) -> None:
        """Store the pairs computed for bucket ``key``."""
        if key is not None:
            self.pairs[key] = pairs
            self.used_pairs.add(key)
            self.has_new = True

    def keep_text_keys(self, text: str, keys: tuple[str, str]) -> None:
        """Store the keys computed for ``text``."""
        self.text_keys[text] = keys
        self.used_texts.add(text)
        self.has_new = True

    @property
    def is_changed(self) -> bool:
        """Tell whether the snapshot differs from what was restored: new or unused entries."""
        is_all_used = len(self.used_texts) == len(self.text_keys) and len(self.used_pairs) == len(
            self.pairs
        )
        return self.has_new or not is_all_used

    def snapshot(self) -> tuple[dict[str, tuple[str, str]], dict[str, LocalPairs]]:
        """Return what to keep for the next build: the entries this merge used or made."""
        texts = {text: self.text_keys[text] for text in sorted(self.used_texts)}
        pairs = {key: self.pairs[key] for key in sorted(self.used_pairs)}
        return texts, pairs


def restore_memo(stored: object, doc_keys: Mapping[str, str]) -> MergeMemo:
    """Rebuild a memo from a :meth:`MergeMemo.snapshot`; anything else gives an empty one."""
    if isinstance(stored, tuple) and len(stored) == 2:
        texts, pairs = stored
        if isinstance(texts, dict) and isinstance(pairs, dict):
            return MergeMemo(doc_keys, dict(texts), dict(pairs))
    if stored is not None:
        log.warning("ignoring a merge memo of an unknown shape; the merge runs in full")
    return MergeMemo(doc_keys)
