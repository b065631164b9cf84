"""A person's resolver file: same / different / type, applied last."""
from __future__ import annotations

import pytest

from graphkit.errors import ResourceError
from graphkit.resolve import find_resolver_files, load_decisions, resolve
from test_resolve_rules import NO_LEXICON, article, ent, node_of


def decisions(tmp_path, text):
    path = tmp_path / "resolver.yaml"
    path.write_text(text, encoding="utf-8")
    return load_decisions([path])


RESULTS = [
    article("a1", [ent("e1", "Company", "Acme Labs"), ent("e2", "Company", "Globex")]),
    article("a2", [ent("e1", "Company", "Acme"), ent("e2", "Company", "Initech Holdings")]),
    article("a3", [ent("e1", "Product", "Ring", reason="NER PRODUCT")]),
]


def test_without_decisions_the_rules_merge_acme_and_keep_globex_apart():
    res = resolve(RESULTS, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is node_of(res, "a2", "e1")
    assert node_of(res, "a1", "e2") is not node_of(res, "a2", "e2")


def test_same_different_and_type_decisions_win(tmp_path):
    dec = decisions(tmp_path, """
same:
  - [Globex, Initech Holdings]
different:
  - [Acme, Acme Labs]
type:
  Ring: Company
""")
    res = resolve(RESULTS, lexicon=NO_LEXICON, decisions=dec)
    assert node_of(res, "a1", "e1") is not node_of(res, "a2", "e1")
    merged = node_of(res, "a1", "e2")
    assert merged is node_of(res, "a2", "e2") and "resolver: same" in merged.rules
    ring = node_of(res, "a3", "e1")
    assert (ring.type, ring.path) == ("Company", "org/ring")
    assert ring.type_reason.startswith("Company: set in the resolver file; evidence was Product")


def test_a_decision_naming_nothing_is_a_note_not_an_error(tmp_path):
    dec = decisions(tmp_path, "same:\n  - [Hooli, Pied Piper]\n")
    res = resolve(RESULTS, lexicon=NO_LEXICON, decisions=dec)
    assert any("no entity is named Hooli" in n for n in res.notes)


def test_an_ambiguous_name_must_carry_its_type(tmp_path):
    results = [article("a1", [ent("e1", "Company", "Amazon")]), article("a2", [ent("e1", "Location", "Amazon")])]
    with pytest.raises(ResourceError, match=r"names entities of several types; write 'Amazon \(Company\)'"):
        resolve(results, lexicon=NO_LEXICON, decisions=decisions(tmp_path, "type:\n  Amazon: GovernmentAgency\n"))
    res = resolve(results, lexicon=NO_LEXICON,
                  decisions=decisions(tmp_path, "type:\n  Amazon (Company): GovernmentAgency\n"))
    assert node_of(res, "a1", "e1").type == "GovernmentAgency" and node_of(res, "a2", "e1").type == "Location"


@pytest.mark.parametrize("text, message", [
    ("merge:\n  - [a, b]\n", "unknown section 'merge'"),
    ("same:\n  - Acme\n", "same, item 1: must be a list of at least two names"),
    ("type:\n  Ring: Gadget\n", "must be one of Company"),
    ("same:\n  - [Acme, Acme Labs]\ndifferent:\n  - [acme labs, ACME]\n", "declared both the same and different"),
    ("- just a list\n", "must hold a YAML mapping"),
    ("same: [[Acme, {x: 1}]]\n", "is not an entity name"),
])
def test_malformed_resolver_files_are_one_clear_sentence(tmp_path, text, message):
    with pytest.raises(ResourceError, match=message) as info:
        decisions(tmp_path, text)
    assert "resolver.yaml" in str(info.value)


def test_resolver_files_are_found_beside_the_articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("text")
    (folder / "resolver.yaml").write_text("same: [[a, b]]\n")
    other = tmp_path / "other"
    other.mkdir()
    found = find_resolver_files([folder, folder / "one.txt", other])
    assert found == [(folder / "resolver.yaml").resolve()]
