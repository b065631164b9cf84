"""Close names without comparing every pair: block by word, score with rapidfuzz.

Names that share a word (or their first four letters) land in one block; only
pairs inside a block are scored, and words shared by very many names ("police",
"department") make no block at all. Used to merge near-identical names and, by
``graphkit stats``, to list likely duplicates for a person to check.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

_SMALL_WORDS = frozenset({"the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "&"})


def block_keys(name: str) -> set[str]:
    words = [w for w in name.split() if w not in _SMALL_WORDS and len(w) > 1]
    return set(words) | {"^" + name[:4]}


def close_pairs(names: Sequence[str], *, min_score: float, max_block: int = 300,
                min_length: int = 1) -> list[tuple[float, int, int]]:
    """(score, i, j) for every pair of distinct names scoring at least ``min_score``.

    Scores are rapidfuzz ratios (0-100); pairs come sorted by falling score,
    then by index, so the result does not depend on dictionary order.
    """
    import numpy as np
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    blocks: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        if len(name) >= min_length:
            for key in block_keys(name):
                blocks[key].append(index)
    found: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        if len(members) < 2 or len(members) > max_block:
            continue
        texts = [names[i] for i in members]
        scores = cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=min_score, dtype=np.float32)
        for a, b in zip(*np.nonzero(scores)):
            i, j = members[a], members[b]
            if i < j and names[i] != names[j]:
                found[(i, j)] = float(scores[a, b])
    return sorted(((score, i, j) for (i, j), score in found.items()), key=lambda t: (-t[0], t[1], t[2]))
