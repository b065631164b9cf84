"""Incremental builds with the real pipeline: add, change, remove, update; the same graph as a full build."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.build import BuildOptions, add_articles, build, remove_articles
from graphkit.build.state import state_folder
from graphkit.errors import GraphError
from graphkit.extract.article import Extractor
from graphkit.graph.files import read_graph

pytestmark = pytest.mark.slow

FIRST = {
    "acme-sells.txt": "Acme Vision sells facial recognition software to the Springfield Police Department.\n\n"
                      "The American Civil Liberties Union criticized Acme Vision for the deal.\n",
    "council-ban.txt": "The Springfield City Council banned facial recognition on Tuesday.\n\n"
                       "The Electronic Frontier Foundation praised the ban.\n",
}
SECOND = {
    "aclu-sues.txt": "The ACLU sued the Springfield Police Department over facial recognition.\n\n"
                     "The ACLU also criticized Acme Vision again.\n",
}


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def quads(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


@pytest.fixture
def spy(monkeypatch):
    """The ids of the articles the extractor parses."""
    parsed: list[str] = []
    original = Extractor.extract

    def extract(self, articles, batch_size=16):
        articles = list(articles)
        parsed.extend(a.id for a in articles)
        return original(self, articles, batch_size=batch_size)

    monkeypatch.setattr(Extractor, "extract", extract)
    return parsed


@pytest.fixture
def folders(tmp_path):
    return write(tmp_path / "first", FIRST), write(tmp_path / "second", SECOND)


def test_adding_articles_parses_only_them_and_equals_a_full_build(tmp_path, nlp, folders, spy):
    first, second = folders
    full, grown = tmp_path / "full.nq", tmp_path / "grown.nq"
    build([first, second], full, BuildOptions(nlp=nlp))
    build([first], grown, BuildOptions(nlp=nlp))
    spy.clear()
    report = add_articles(grown, [second], BuildOptions(nlp=nlp))
    assert spy == ["aclu-sues"]
    assert report.articles == 3
    assert quads(grown) == quads(full)


def test_adding_unchanged_articles_parses_nothing_and_changes_nothing(tmp_path, nlp, folders, spy):
    first, _ = folders
    graph = tmp_path / "g.nq"
    build([first], graph, BuildOptions(nlp=nlp))
    before = quads(graph)
    spy.clear()
    report = add_articles(graph, [first], BuildOptions(nlp=nlp))
    assert spy == [] and report.unchanged == 2
    assert quads(graph) == before


def test_a_changed_article_is_parsed_again_and_replaces_the_old_one(tmp_path, nlp, folders, spy):
    first, _ = folders
    graph, expected = tmp_path / "g.nq", tmp_path / "expected.nq"
    build([first], graph, BuildOptions(nlp=nlp))
    (first / "council-ban.txt").write_text("The Springfield City Council banned predictive policing.\n")
    spy.clear()
    add_articles(graph, [first], BuildOptions(nlp=nlp))
    assert spy == ["council-ban"]
    build([first], expected, BuildOptions(nlp=nlp))
    assert quads(graph) == quads(expected)
    assert "Electronic Frontier Foundation" not in graph.read_text(encoding="utf-8")


def test_removing_an_article_takes_its_facts_and_lowers_shared_support(tmp_path, nlp, folders):
    first, second = folders
    graph, expected = tmp_path / "g.nq", tmp_path / "expected.nq"
    build([first, second], graph, BuildOptions(nlp=nlp))
    text = graph.read_text(encoding="utf-8")
    assert "gk:sues" not in text and "#sues>" in text
    report = remove_articles(graph, ["aclu-sues"])
    assert report.removed == 1 and report.articles == 2
    build([first], expected, BuildOptions(nlp=nlp))
    assert quads(graph) == quads(expected)
    assert "#sues>" not in graph.read_text(encoding="utf-8")


def test_update_reuses_the_stored_extraction_and_drops_articles_no_longer_given(tmp_path, nlp, folders, spy):
    first, second = folders
    graph, expected = tmp_path / "g.nq", tmp_path / "expected.nq"
    build([first, second], graph, BuildOptions(nlp=nlp))
    spy.clear()
    report = build([first], graph, BuildOptions(nlp=nlp, update=True))
    assert spy == [] and report.reused == 2
    build([first], expected, BuildOptions(nlp=nlp))
    assert quads(graph) == quads(expected)


def test_a_changed_lexicon_extracts_stored_articles_again(tmp_path, nlp, folders, spy):
    first, second = folders
    lexicon = tmp_path / "mine.jsonl"
    lexicon.write_text('{"name": "Acme Vision", "type": "Company"}\n')
    graph = tmp_path / "g.nq"
    build([first], graph, BuildOptions(nlp=nlp, lexicons=(str(lexicon),)))
    spy.clear()
    add_articles(graph, [second], BuildOptions(nlp=nlp))
    assert spy == ["aclu-sues"]                 # same lexicon: stored extraction still valid
    lexicon.write_text('{"name": "Acme Vision", "type": "Company", "wikidata": "Q123"}\n')
    (second / "more.txt").write_text("Acme Vision sells face recognition to retailers.\n")
    spy.clear()
    report = add_articles(graph, [second], BuildOptions(nlp=nlp))
    assert report.reextracted == 3
    assert sorted(spy) == ["aclu-sues", "acme-sells", "council-ban", "more"]
    assert "http://www.wikidata.org/entity/Q123" in graph.read_text(encoding="utf-8")


def test_resolver_decisions_hold_on_every_later_build(tmp_path, nlp, folders):
    first, second = folders
    (first / "resolver.yaml").write_text("type:\n  Acme Vision: AdvocacyGroup\n", encoding="utf-8")
    graph = tmp_path / "g.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    add_articles(graph, [second], BuildOptions(nlp=nlp))
    remove_articles(graph, ["council-ban"])
    rows = list(read_graph(graph).query(
        "SELECT ?t ?why WHERE { ?e rdfs:label 'Acme Vision' ; a ?t ; gk:typeReason ?why }"))
    assert [str(t).rsplit("#", 1)[-1] for t, _ in rows] == ["AdvocacyGroup"]
    assert "set in the resolver file" in str(rows[0][1])


def test_a_foreign_graph_is_refused_untouched(tmp_path, nlp, folders):
    _, second = folders
    graph = tmp_path / "theirs.ttl"
    graph.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    with pytest.raises(GraphError, match="has no graphkit build state"):
        add_articles(graph, [second], BuildOptions(nlp=nlp))
    with pytest.raises(GraphError, match="has no graphkit build state"):
        build([second], graph, BuildOptions(nlp=nlp, update=True))
    assert graph.read_text() == "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
    assert not state_folder(graph).exists()


@pytest.mark.parametrize("damage", ["truncate", "replace", "manifest", "entry"])
def test_a_corrupt_graph_or_state_is_refused_untouched(tmp_path, nlp, folders, damage):
    first, second = folders
    graph = tmp_path / "g.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    state = state_folder(graph)
    if damage == "truncate":
        graph.write_bytes(graph.read_bytes()[:200])
    elif damage == "replace":
        build([second], tmp_path / "other.trig", BuildOptions(nlp=nlp))
        graph.write_bytes((tmp_path / "other.trig").read_bytes())
    elif damage == "manifest":
        (state / "manifest.json").write_text("{not json")
    else:
        next((state / "articles").glob("*.json")).write_text("[]")
    before = graph.read_bytes()
    with pytest.raises(GraphError, match="corrupt|damaged"):
        add_articles(graph, [second], BuildOptions(nlp=nlp))
    assert graph.read_bytes() == before


def _interrupt_extraction(monkeypatch):
    original = Extractor.extract

    def extract(self, articles, batch_size=16):
        for number, result in enumerate(original(self, articles, batch_size=batch_size)):
            if number == 1:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(Extractor, "extract", extract)


def _interrupt_graph_write(monkeypatch):
    import graphkit.build.state as state

    original = state.write_atomic

    def write_atomic(path, data):
        if not str(path).endswith(".json"):
            raise KeyboardInterrupt
        original(path, data)

    monkeypatch.setattr(state, "write_atomic", write_atomic)


def _interrupt_manifest_rename(monkeypatch):
    from graphkit.build.state import BuildState

    def adopt_next(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(BuildState, "_adopt_next", adopt_next)


def _interrupt_resolution(monkeypatch):
    import graphkit.build.orchestrator as build_module

    def resolve(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "resolve", resolve)


@pytest.mark.parametrize("interrupt", [_interrupt_extraction, _interrupt_resolution, _interrupt_graph_write,
                                       _interrupt_manifest_rename])
def test_an_interrupted_update_leaves_a_usable_graph_and_state(tmp_path, nlp, folders, monkeypatch, interrupt):
    first, second = folders
    write(second, {"more.txt": "Acme Vision sells face recognition to retailers.\n"})
    graph, expected = tmp_path / "g.trig", tmp_path / "expected.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    before = graph.read_bytes()
    with monkeypatch.context() as patch:
        interrupt(patch)
        with pytest.raises(KeyboardInterrupt):
            add_articles(graph, [second], BuildOptions(nlp=nlp))
    if interrupt is _interrupt_manifest_rename:
        assert graph.read_bytes() != before      # the new graph was complete; its manifest is adopted
    else:
        assert graph.read_bytes() == before
    assert len(read_graph(graph)) > 0
    add_articles(graph, [second], BuildOptions(nlp=nlp))
    build([first, second], expected, BuildOptions(nlp=nlp))
    assert sorted(read_graph(graph).serialize(format="nquads").splitlines()) == \
        sorted(read_graph(expected).serialize(format="nquads").splitlines())
    assert not (state_folder(graph) / "manifest.next.json").exists()


def test_same_inputs_give_the_same_bytes(tmp_path, nlp, folders):
    first, second = folders
    for suffix in ("nq", "trig"):
        one, two = tmp_path / f"one.{suffix}", tmp_path / f"two.{suffix}"
        build([first, second], one, BuildOptions(nlp=nlp))
        build([first, second], two, BuildOptions(nlp=nlp))
        assert one.read_bytes() == two.read_bytes()


def test_add_without_input_applies_an_edited_resolver_file(tmp_path, nlp, folders, spy):
    first, _ = folders
    resolver = first / "resolver.yaml"
    resolver.write_text("same:\n  - [Hooli, Pied Piper]\n", encoding="utf-8")
    graph = tmp_path / "g.nq"
    build([first], graph, BuildOptions(nlp=nlp))
    assert "/org/acme-vision>" in graph.read_text(encoding="utf-8")
    resolver.write_text("type:\n  Acme Vision: Product\n", encoding="utf-8")
    spy.clear()
    add_articles(graph, [], BuildOptions(nlp=nlp))
    assert spy == []
    text = graph.read_text(encoding="utf-8")
    assert "/product/acme-vision>" in text and "/org/acme-vision>" not in text


def test_a_damaged_stored_article_graph_is_written_anew(tmp_path, nlp, folders):
    first, second = folders
    graph, expected = tmp_path / "g.nq", tmp_path / "expected.nq"
    build([first], graph, BuildOptions(nlp=nlp))
    for fragment in (state_folder(graph) / "fragments").glob("*.nq"):
        fragment.write_bytes(fragment.read_bytes()[:-40])
    add_articles(graph, [second], BuildOptions(nlp=nlp))
    build([first, second], expected, BuildOptions(nlp=nlp))
    assert graph.read_bytes() == expected.read_bytes()


def test_an_interrupted_full_build_keeps_the_previous_graph(tmp_path, nlp, folders, monkeypatch):
    first, second = folders
    graph = tmp_path / "g.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    before = graph.read_bytes()
    with monkeypatch.context() as patch:
        _interrupt_graph_write(patch)
        with pytest.raises(KeyboardInterrupt):
            build([first, second], graph, BuildOptions(nlp=nlp))
    assert graph.read_bytes() == before
    report = add_articles(graph, [first], BuildOptions(nlp=nlp))
    assert report.unchanged == 2 and report.articles == 2
