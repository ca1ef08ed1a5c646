"""word_spans finds exactly the whole-word occurrences of its words, also when words extend one
another and are searched through their shortest root (tree_lookups.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from migrationlint.extract.tree_lookups import CALL_PROPS, word_spans

WORDS = [p.encode() for p in CALL_PROPS] + [b"forRoot", b"forRootAsync", b"new"]


def _by_regex(data: bytes, words: list[bytes]) -> list[tuple[int, int]]:
    """The definition: an occurrence of a word with no identifier character on either side."""
    found = set()
    for w in set(words):
        for m in re.finditer(rb"(?<![A-Za-z0-9_$])" + re.escape(w) + rb"(?![A-Za-z0-9_$])", data):
            found.add(m.span())
    return sorted(found)


piece = st.sampled_from(WORDS + [b".", b" ", b"(", b"x", b"$", b"_", b"create_", b"Async", b"\n", b"a.b"])


@settings(max_examples=300, deadline=None)
@given(st.lists(piece, max_size=40), st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_spans_are_the_whole_word_occurrences(pieces, words):
    data = b"".join(pieces)
    assert word_spans(data, words) == _by_regex(data, words)


def test_words_that_extend_a_root_are_found_through_it():
    data = b"q.createIndex(t, i); q.create(x); q.createIndices(); q.createFoo(); register(); x.registerAsync({})"
    spans = word_spans(data, [p.encode() for p in CALL_PROPS])
    assert [data[s:e] for s, e in spans] == [b"createIndex", b"create", b"createIndices", b"register", b"registerAsync"]
