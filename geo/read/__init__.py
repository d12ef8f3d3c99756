"""Reading stage: files in a folder → documents of sentences with exact offsets."""

from geo.read.corpus import (
    Corpus,
    load_corpus,
    parse_document,
    parse_seed,
    read_bytes,
    seed_files,
)

__all__ = ["Corpus", "load_corpus", "parse_document", "parse_seed", "read_bytes", "seed_files"]
