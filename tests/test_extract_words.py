"""The English word lists of ontologies/patterns/*.yaml that extraction reads.

Each file is loaded through its loader; these tests catch the edits that would silently
change or disable extraction: an empty or missing list, a repeated word, a word that can
never match, a word put in two lists that exclude each other.
"""
from __future__ import annotations

import copy
from dataclasses import fields

import pytest

from graphkit.errors import ResourceError
from graphkit.extract import claims, cues, rules, stance
from graphkit.resources import load_cues, read_yaml

LOADERS = {
    "entity_cues": cues.entity_cues,
    "syntax_words": cues.syntax_words,
    "claims": claims.claim_cues,
    "stance": stance.stance_cues,
    "predicates": rules.relation_rules,
}
OPTIONAL = {"predicates": {"irregular_forms"}}


def _clear_caches():
    for loader in LOADERS.values():
        loader.cache_clear()


@pytest.fixture
def fresh_loaders():
    """Loaders that read the files again, and leave no altered result cached for other tests."""
    _clear_caches()
    yield LOADERS
    _clear_caches()


def _word_lists(data, path=()):
    """Every list of words in a cue file, with where it is: ("roles",), ("descriptors", "Company"), …"""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _word_lists(value, (*path, key))
    elif isinstance(data, list):
        if all(isinstance(item, str) for item in data):
            yield path, data
        else:
            for number, item in enumerate(data):
                yield from _word_lists(item, (*path, number))


def _all_lists():
    return [(name, path, words) for name in LOADERS for path, words in _word_lists(load_cues(name))]


def _where(name, path):
    return f"{name}.yaml: {'/'.join(map(str, path))}"


# -- every list is there and holds something ----------------------------------
def test_every_loaded_word_list_is_non_empty(fresh_loaders):
    for name, loader in fresh_loaders.items():
        loaded = loader()
        for field in fields(loaded):
            value = getattr(loaded, field.name)
            assert value, f"{name}: {field.name} is empty"
            if isinstance(value, dict):
                empty = [key for key, words in value.items() if not words]
                assert not empty, f"{name}: {field.name} has empty lists for {empty}"


@pytest.mark.parametrize("name, path, words", _all_lists(), ids=[_where(n, p) for n, p, _ in _all_lists()])
def test_lists_in_files_are_non_empty_and_without_repeats(name, path, words):
    assert words, f"{_where(name, path)} is empty"
    repeated = sorted({w for w in words if words.count(w) > 1})
    assert not repeated, f"{_where(name, path)} repeats {repeated}"
    odd = [w for w in words if not w or w != w.strip() or "  " in w]
    assert not odd, f"{_where(name, path)} has empty or badly spaced words {odd}"


def _read_as_written():
    """Lists the code compares with lower-cased tokens without lower-casing them first."""
    data = load_cues("predicates")
    found = [(("predicates",) + path, words) for path, words in _word_lists(data)
             if path[0] not in ("types", "generic")]
    found.append((("predicates", "verbs and nouns"), [*data["verbs"], *data["nouns"]]))
    entity = load_cues("entity_cues")
    found += [(("entity_cues", "role_organisations", role), kinds) for role, kinds in entity["role_organisations"].items()]
    return found


def test_words_read_as_written_are_lower_case():
    for where, words in _read_as_written():
        upper = [w for w in words if w != w.lower()]
        assert not upper, f"{'/'.join(map(str, where))}: {upper} can never match a lower-cased token"


def test_predicate_readings_name_known_predicates():
    data = load_cues("predicates")
    known = set(data["types"])
    for table in ("verbs", "nouns"):
        for cue, readings in data[table].items():
            unknown = [r["p"] for r in readings if r["p"] not in known]
            assert not unknown, f"predicates.yaml: {table}/{cue} reads {unknown}, not in types"


def test_phrasal_verbs_read_as_verbs_that_have_readings():
    data = load_cues("predicates")
    unread = {phrase: verb for phrase, verb in data["phrasal_verbs"].items() if verb not in data["verbs"]}
    assert not unread, f"predicates.yaml: phrasal_verbs map to verbs without readings: {unread}"
    assert all(len(phrase.split()) == 2 for phrase in data["phrasal_verbs"]), "a phrasal verb is a verb and a particle"


# -- lists that must not share words -------------------------------------------
def test_positive_and_negative_stance_words_are_disjoint(fresh_loaders):
    loaded = fresh_loaders["stance"]()
    assert not loaded.positive & loaded.negative
    assert not set(loaded.positive_phrases) & set(loaded.negative_phrases)


def test_denial_and_allegation_verbs_are_disjoint(fresh_loaders):
    loaded = fresh_loaders["claims"]()
    assert not loaded.denial & loaded.allegation


@pytest.mark.parametrize("table", ["descriptors", "head_words"])
def test_a_typing_word_gives_one_type(fresh_loaders, table):
    """The types are tried in order, so a word listed under two of them never gives the second."""
    by_type = getattr(fresh_loaders["entity_cues"](), table)
    seen: dict[str, str] = {}
    for etype, words in by_type.items():
        for word in words:
            assert word not in seen, f"entity_cues.yaml: {table}: {word!r} is under {seen[word]} and {etype}"
            seen[word] = etype


# Lists compared with one token's text: an entry of two words could never match.
TOKEN_LISTS = ["roles", "role_verbs", "role_copulas", "technology_nouns", "anaphors"]


@pytest.mark.parametrize("key", TOKEN_LISTS)
def test_lists_matched_token_by_token_hold_single_words(key):
    data = load_cues("entity_cues")[key]
    lists = data.values() if isinstance(data, dict) else [data]
    spaced = sorted(word for words in lists for word in words if " " in word)
    assert not spaced, f"entity_cues.yaml: {key}: {spaced} can never match one token"


def test_person_and_thing_pronouns_are_disjoint(fresh_loaders):
    loaded = fresh_loaders["syntax_words"]()
    assert not loaded.person_pronouns & loaded.thing_pronouns


def test_lawsuit_nouns_are_case_nouns(fresh_loaders):
    """Only a settled case noun is asked whether it is a lawsuit."""
    loaded = fresh_loaders["predicates"]()
    assert loaded.lawsuit_nouns <= loaded.case_nouns, sorted(loaded.lawsuit_nouns - loaded.case_nouns)


# -- a missing or misspelt list is one clear error -----------------------------
def _keys():
    return [(name, key) for name in LOADERS for key in load_cues(name) if key not in OPTIONAL.get(name, ())]


@pytest.mark.parametrize("name, key", _keys())
def test_a_missing_list_is_named_in_the_error(fresh_loaders, monkeypatch, name, key):
    real = load_cues(name)
    damaged = {k: copy.deepcopy(v) for k, v in real.items() if k != key}
    monkeypatch.setattr(cues, "load_cues", lambda wanted: damaged if wanted == name else load_cues(wanted))
    with pytest.raises(ResourceError) as error:
        fresh_loaders[name]()
    assert f"{name}.yaml" in str(error.value) and key in str(error.value)


@pytest.mark.parametrize("name", list(LOADERS))
def test_a_list_no_code_reads_is_named_in_the_error(fresh_loaders, monkeypatch, name):
    damaged = {**load_cues(name), "misspelt_words": ["word"]}
    monkeypatch.setattr(cues, "load_cues", lambda wanted: damaged if wanted == name else load_cues(wanted))
    with pytest.raises(ResourceError, match=rf"{name}\.yaml: unknown word list\(s\) misspelt_words"):
        fresh_loaders[name]()


def test_optional_irregular_forms_may_be_left_out(fresh_loaders, monkeypatch):
    damaged = {k: v for k, v in load_cues("predicates").items() if k != "irregular_forms"}
    monkeypatch.setattr(cues, "load_cues", lambda wanted: damaged if wanted == "predicates" else load_cues(wanted))
    loaded = fresh_loaders["predicates"]()
    assert loaded.verb_forms["sells"] == "sell" and "sold" not in loaded.verb_forms


def test_a_list_given_twice_in_one_file_is_refused(tmp_path):
    """Plain YAML keeps the last of two lists of one name, so the first would silently go unread."""
    path = tmp_path / "twice.yaml"
    path.write_text("document_nouns: [report, lawsuit]\nwriting_nouns: [post]\ndocument_nouns: [dissent]\n",
                    encoding="utf-8")
    with pytest.raises(ResourceError, match="'document_nouns' is given twice"):
        read_yaml(path)


def test_a_nested_key_given_twice_is_refused(tmp_path):
    path = tmp_path / "nested.yaml"
    path.write_text("anaphors:\n  Company: [firm]\n  Company: [company]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="'Company' is given twice"):
        read_yaml(path)
