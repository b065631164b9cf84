"""What a graph holds, and what a person should check: ``graphkit stats GRAPH``.

``graph_stats(dataset)`` counts entities by type and relations by predicate,
ranks the most connected entities, and lists likely duplicates: entities of one
type whose names are close (rapidfuzz, blocked as in resolution), or where one
name is the other's acronym or short form, that resolution did not merge.
``explain(dataset, name)`` says what graphkit knows of an entity and why it
has its type.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ..ids import normalize_name
from ..model import ENTITY_TYPES, PREDICATES
from ..resolve.names import acronym_keys, looks_like_acronym, strip_tails
from ..resolve.settings import load_settings
from ..resolve.similar import close_pairs
from .vocab import GK, SCHEMA

_TYPES = {GK[t]: t for t in ENTITY_TYPES}


@dataclass
class Node:
    iri: str
    type: str
    label: str
    names: list[str]
    degree: int = 0
    articles: int = 0
    collective: bool = False    # a generic actor ("police") of one article: never a duplicate of another


@dataclass
class Duplicate:
    a: Node
    b: Node
    score: float
    why: str


@dataclass
class GraphStats:
    entities: Counter = field(default_factory=Counter)          # type -> count
    relations: Counter = field(default_factory=Counter)         # predicate -> distinct asserted triples
    statements: Counter = field(default_factory=Counter)        # claim status -> statements
    articles: int = 0
    connected: list[Node] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def entity_nodes(dataset) -> dict[str, Node]:
    nodes = {}
    for node, rdf_type in dataset.subject_objects(RDF.type):
        etype = _TYPES.get(rdf_type)
        if etype is None or not isinstance(node, URIRef):
            continue
        label = str(dataset.value(node, RDFS.label) or str(node).rsplit("/", 1)[-1])
        names = sorted({label} | {str(n) for n in dataset.objects(node, SKOS.altLabel)})
        collective = str(dataset.value(node, GK.collectiveActor) or "").lower() == "true"
        nodes[str(node)] = Node(str(node), etype, label, names, collective=collective)
    mentioned = Counter(str(e) for _, e in dataset.subject_objects(SCHEMA.mentions))
    for iri, count in mentioned.items():
        if iri in nodes:
            nodes[iri].articles = count
    return nodes


def graph_stats(dataset, *, top: int = 10, min_score: float = 85) -> GraphStats:
    stats = GraphStats()
    nodes = entity_nodes(dataset)
    stats.entities.update(n.type for n in nodes.values())
    triples = set()
    for predicate in PREDICATES:
        for s, o in dataset.subject_objects(GK[predicate]):
            triples.add((str(s), predicate, str(o)))
    stats.relations.update(p for _, p, _ in triples)
    for s, _, o in triples:
        for end in (s, o):
            if end in nodes:
                nodes[end].degree += 1
    stats.statements.update(str(s).rsplit("#", 1)[-1] for s in dataset.objects(None, GK.status))
    stats.articles = len(set(dataset.subjects(RDF.type, GK.Article)))
    ranked = sorted(nodes.values(), key=lambda n: (-n.degree, -n.articles, n.label, n.iri))
    stats.connected = [n for n in ranked if n.degree][:top]
    stats.duplicates = likely_duplicates([n for n in nodes.values() if not n.collective], min_score=min_score)[:top]
    return stats


def likely_duplicates(nodes: list[Node], *, min_score: float = 85) -> list[Duplicate]:
    """Pairs of same-typed entities that may be one: close names, acronym, short form."""
    settings = load_settings()
    found: dict[tuple[str, str], Duplicate] = {}

    def note(a: Node, b: Node, score: float, why: str) -> None:
        if a.iri == b.iri:
            return
        a, b = sorted((a, b), key=lambda n: n.iri)
        if (a.iri, b.iri) not in found or found[(a.iri, b.iri)].score < score:
            found[(a.iri, b.iri)] = Duplicate(a, b, score, why)

    by_type: dict[str, list[Node]] = defaultdict(list)
    for node in nodes:
        by_type[node.type].append(node)
    for group in by_type.values():
        owners: dict[str, list[Node]] = defaultdict(list)
        for node in group:
            for name in _comparable_names(node):
                owners[normalize_name(name)].append(node)
        names = sorted(n for n in owners if n)
        for score, i, j in close_pairs(names, min_score=min_score, min_length=4):
            for a in owners[names[i]]:
                for b in owners[names[j]]:
                    note(a, b, score, f"close names {names[i]!r} / {names[j]!r}")
        for name, holders in owners.items():
            if len(holders) > 1:
                for b in holders[1:]:
                    note(holders[0], b, 100.0, f"both named {name!r}")
        _acronyms_and_short_forms(group, owners, settings, note)
    return sorted(found.values(), key=lambda d: (-d.score, d.a.label, d.b.label))


def _comparable_names(node: Node) -> list[str]:
    """A person's surname alone ("Greer") is shared by many people: only their full names count."""
    if node.type != "Person":
        return node.names
    return [n for n in node.names if n == node.label or len(n.split()) > 1]


def _acronyms_and_short_forms(group: list[Node], owners: dict[str, list[Node]], settings, note) -> None:
    for node in group:
        for name in _comparable_names(node):
            norm = normalize_name(name)
            if looks_like_acronym(name):
                continue
            for key in acronym_keys(norm, settings):
                for other in owners.get(key, ()):
                    if any(looks_like_acronym(n) and normalize_name(n) == key for n in other.names):
                        note(node, other, 95.0, f"{key.upper()!r} may abbreviate {name!r}")
            base = strip_tails(norm, settings.generic_tails)
            if base != norm:
                for other in owners.get(base, ()):
                    note(node, other, 90.0, f"{base!r} may be short for {name!r}")


@dataclass
class Explanation:
    node: Node
    type_reason: str
    wikidata: list[str]
    relations: list[tuple[str, str, str, int, int]]     # direction, predicate, other label, support, articles


def explain(dataset, name: str) -> list[Explanation]:
    """Every entity named ``name`` (any of its names, or its IRI), with its type reason and relations."""
    nodes = entity_nodes(dataset)
    wanted = normalize_name(name)
    chosen = [n for n in nodes.values() if n.iri == name or any(normalize_name(x) == wanted for x in n.names)]
    support = _support(dataset)
    found = []
    for node in sorted(chosen, key=lambda n: n.iri):
        ref = URIRef(node.iri)
        rels = []
        for (s, p, o), (sentences, articles) in support.items():
            if s == node.iri or o == node.iri:
                direction, other = ("->", o) if s == node.iri else ("<-", s)
                rels.append((direction, p, nodes[other].label if other in nodes else other, sentences, articles))
        rels.sort(key=lambda r: (-r[3], r[1], r[2]))
        found.append(Explanation(node, str(dataset.value(ref, GK.typeReason) or ""),
                                 sorted(str(x) for x in dataset.objects(ref, OWL.sameAs)), rels))
    return found


def _support(dataset) -> dict[tuple[str, str, str], tuple[int, int]]:
    found = {}
    for node in dataset.subjects(RDF.type, GK.Relation):
        s, p, o = (dataset.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        predicate = str(p).rsplit("#", 1)[-1]
        found[(str(s), predicate, str(o))] = (int(dataset.value(node, GK.support) or 0),
                                              int(dataset.value(node, GK.articleCount) or 0))
    return found
