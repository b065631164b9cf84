from hypothesis import given, strategies as st

from graphkit import ids


def test_normalize_folds_case_accents_possessives_suffixes():
    assert ids.normalize_name("The ACLU's") == "aclu"
    assert ids.normalize_name("Clearview AI, Inc.") == "clearview ai"
    assert ids.normalize_name("Tomás  Reyes") == "tomas reyes"
    assert ids.normalize_name("Apple Inc.") == ids.normalize_name("apple")


def test_entity_paths_share_a_folder_for_organisations_only():
    assert ids.entity_path("Company", "Amazon") == ids.entity_path("GovernmentAgency", "Amazon") == "org/amazon"
    assert ids.entity_path("Location", "Amazon") == "place/amazon"
    assert ids.entity_path("Product", "Ring") != ids.entity_path("Company", "Ring")


def test_non_ascii_names_get_a_stable_digest():
    assert ids.slug("北京") == ids.slug("北京")
    assert ids.slug("北京").startswith("x-")
    assert ids.slug("北京") != ids.slug("上海")


@given(st.text(max_size=60))
def test_normalize_is_idempotent(name):
    once = ids.normalize_name(name)
    assert ids.normalize_name(once) == once


@given(st.text(min_size=1, max_size=60))
def test_slugs_are_iri_safe(name):
    assert all(c.isalnum() and c.isascii() or c in "-_" for c in ids.slug(name))


@given(st.text(max_size=30), st.text(max_size=30))
def test_distinct_keys_give_distinct_slugs(a, b):
    if ids.normalize_name(a) != ids.normalize_name(b):
        assert ids.slug(a) != ids.slug(b) or len(ids.normalize_name(a)) > 80
