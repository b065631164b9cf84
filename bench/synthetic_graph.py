"""A synthetic graph shaped like graphkit's output, for query benchmarks.

Same vocabulary and layout as ``graphkit build``: typed entities with
rdfs:label and skos:altLabel in the entities graph, one named graph per
article with its metadata, schema:mentions, the asserted relations as direct
triples and one gk:Statement (evidence, offsets, method, confidence, status,
speaker) per occurrence. Entity popularity is skewed (a few vendors and
agencies appear in many articles), and sales stories pair ``sells`` with
``sellsTo`` so that the two-hop queries have real joins to make.

    python bench/synthetic_graph.py --triples 1000000 -o /tmp/graph.nq
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from graphkit import ids
from graphkit.graph.vocab import DEFAULT_BASE_IRI, ONTOLOGY_IRI, PREFIXES

RDF, RDFS, SKOS = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["skos"]
PROV, DCT, SCHEMA, XSD = PREFIXES["prov"], PREFIXES["dcterms"], PREFIXES["schema"], PREFIXES["xsd"]
GK = ONTOLOGY_IRI
TRIPLES_PER_ARTICLE = 95        # measured on the output of this generator; used to size a run

# entity types with their share of the entities
TYPE_SHARES = {"Company": 0.22, "GovernmentAgency": 0.2, "AdvocacyGroup": 0.08, "Person": 0.34,
               "Product": 0.1, "Location": 0.04, "Legislation": 0.02}
TECHNOLOGIES = [
    ("facial recognition", ["face recognition", "face surveillance"]), ("license plate readers", ["ALPR"]),
    ("predictive policing", []), ("gunshot detection", []), ("emotion recognition", ["affect recognition"]),
    ("voice recognition", ["speaker identification"]), ("social media monitoring", []),
    ("cell-site simulators", ["stingrays"]), ("drones", ["unmanned aerial vehicles"]), ("body cameras", []),
    ("spyware", []), ("data brokerage", []), ("risk scoring", ["algorithmic risk assessment"]),
    ("gait recognition", []), ("iris scanning", []), ("automated hiring", []), ("large language models", ["LLMs"]),
    ("location tracking", []), ("biometric databases", []), ("smart city sensors", []),
]
ORG_SUFFIXES = {"Company": ["Systems", "Labs", "Analytics", "Technologies", "Vision", "AI", "Security", "Networks"],
                "GovernmentAgency": ["Police Department", "Sheriff's Office", "City Council", "Department of Justice",
                                     "Data Protection Authority", "Transit Authority", "Border Agency"],
                "AdvocacyGroup": ["Rights Watch", "Civil Liberties Union", "Privacy Project", "Digital Freedom Fund"],
                "Location": ["County", "City", "Province"], "Legislation": ["Act", "Ordinance", "Bill"],
                "Product": ["One", "Pro", "Cloud", "Shield", "Scan", "Sense"]}
SYLLABLES = ["ka", "lo", "vi", "ra", "no", "te", "mi", "sa", "do", "re", "ul", "an", "be", "zo", "fi", "ga",
             "hel", "mar", "tor", "quin", "sil", "ver", "dra", "pel", "cor", "nix", "ost", "lum", "bri", "ven"]
FIRST = ["Ana", "Ben", "Chloe", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luis",
         "Maya", "Nils", "Olu", "Priya", "Rafael", "Sara", "Tomas", "Uma", "Viktor", "Wen", "Yara", "Zoe"]
# predicate -> (weight, subject types, object types)
PREDICATES = {
    "sells": (8, ["Company"], ["Product", "Technology"]),
    "sellsTo": (8, ["Company"], ["GovernmentAgency", "Company"]),
    "develops": (4, ["Company"], ["Product", "Technology"]),
    "instanceOf": (2, ["Product"], ["Technology"]),
    "uses": (6, ["GovernmentAgency", "Company"], ["Technology", "Product"]),
    "partnersWith": (3, ["Company", "GovernmentAgency"], ["Company", "GovernmentAgency"]),
    "bans": (2, ["GovernmentAgency"], ["Technology", "Product"]),
    "stopsSelling": (1, ["Company"], ["Product", "Technology"]),
    "criticizes": (9, ["AdvocacyGroup", "Person"], ["Company", "GovernmentAgency", "Product", "Technology"]),
    "supports": (3, ["AdvocacyGroup", "Person", "GovernmentAgency"], ["Legislation", "Technology"]),
    "investigates": (3, ["GovernmentAgency"], ["Company", "GovernmentAgency"]),
    "sues": (2, ["AdvocacyGroup", "Company", "Person"], ["Company", "GovernmentAgency"]),
    "fines": (2, ["GovernmentAgency"], ["Company"]),
    "tests": (2, ["GovernmentAgency"], ["Technology", "Product"]),
    "worksFor": (12, ["Person"], ["Company", "GovernmentAgency", "AdvocacyGroup"]),
    "partOf": (2, ["GovernmentAgency", "Company"], ["GovernmentAgency", "Location"]),
    "acquires": (1, ["Company"], ["Company"]),
    "funds": (1, ["Company", "GovernmentAgency"], ["Company", "AdvocacyGroup"]),
}
# claim statuses in percent: graphkit's builds leave 3 % of statements unasserted on the bundled examples and
# 4 % on the development set; 8 % here, twice that, with all four kinds present
STATUSES = [("asserted", 92), ("negated", 3), ("denied", 2), ("alleged", 2), ("hypothetical", 1)]
METHODS = ["graphkit.verb.v1", "graphkit.role.v1", "graphkit.quote.v1", "graphkit.noun.v1"]


@dataclass
class Entity:
    iri: str
    type: str
    label: str
    alt: tuple[str, ...]


def iri(text: str) -> str:
    return f"<{text}>"


def lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"' + (f"^^<{datatype}>" if datatype else "")


class Generator:
    """Writes N-Quads lines for ``articles`` articles and the entities they mention."""

    def __init__(self, articles: int, *, seed: int = 7, base: str = DEFAULT_BASE_IRI):
        self.rng = random.Random(seed)
        self.base = base
        self.articles = articles
        self.entities_graph = iri(base + "graph/entities")
        self.by_type: dict[str, list[Entity]] = {}
        self._make_entities(max(200, articles * 2))
        self.weights = {t: [1.0 / (rank + 1) ** 0.9 for rank in range(len(es))] for t, es in self.by_type.items()}
        self.portfolio: dict[str, list[Entity]] = {}     # company IRI -> what it makes and sells
        self.kind_of: dict[str, Entity] = {}             # product IRI -> the technology it is an instance of
        self._make_portfolios()

    def _name(self, etype: str, used: set[str]) -> str:
        while True:
            if etype == "Person":
                name = f"{self.rng.choice(FIRST)} {self._word()}"
            else:
                name = f"{self._word()} {self.rng.choice(ORG_SUFFIXES[etype])}"
            if name not in used:
                used.add(name)
                return name

    def _word(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()

    def _make_entities(self, count: int) -> None:
        used: set[str] = set()
        for name, alt in TECHNOLOGIES:
            self._add_entity("Technology", name, tuple(alt))
        for etype, share in TYPE_SHARES.items():
            for _ in range(int(count * share)):
                name = self._name(etype, used)
                alt = (name.split()[0],) if self.rng.random() < 0.35 else ()
                self._add_entity(etype, name, alt)

    def _add_entity(self, etype: str, name: str, alt: tuple[str, ...]) -> None:
        entity = Entity(self.base + ids.entity_path(etype, name), etype, name, alt)
        self.by_type.setdefault(etype, []).append(entity)

    def _make_portfolios(self) -> None:
        """Each product has one maker and one technology; each company offers a few things."""
        companies, technologies = self.by_type["Company"], self.by_type["Technology"]
        for company in companies:
            self.portfolio[company.iri] = self.rng.sample(technologies, self.rng.randint(1, 2))
        makers = self.rng.sample(companies, min(len(companies), len(self.by_type["Product"])))
        for number, product in enumerate(self.by_type["Product"]):
            self.portfolio[makers[number % len(makers)].iri].append(product)
            self.kind_of[product.iri] = self.rng.choices(technologies, weights=self.weights["Technology"])[0]

    def pick(self, types: list[str]) -> Entity:
        etype = self.rng.choice(types)
        return self.rng.choices(self.by_type[etype], weights=self.weights[etype])[0]

    def entity_lines(self):
        g = self.entities_graph
        for entities in self.by_type.values():
            for e in entities:
                yield f"{iri(e.iri)} {iri(RDF + 'type')} {iri(GK + e.type)} {g} .\n"
                yield f"{iri(e.iri)} {iri(RDFS + 'label')} {lit(e.label)} {g} .\n"
                for name in e.alt:
                    yield f"{iri(e.iri)} {iri(SKOS + 'altLabel')} {lit(name)} {g} .\n"

    def relations(self) -> list[tuple[Entity, str, Entity]]:
        """The relations one article states: a sales story, or a mix of accountability facts."""
        found = []
        if self.rng.random() < 0.35:
            vendor = self.pick(["Company"])
            offer = self.portfolio[vendor.iri]
            for thing in self.rng.sample(offer, min(len(offer), self.rng.randint(1, 2))):
                found.append((vendor, "sells", thing))
                if thing.iri in self.kind_of:
                    found.append((thing, "instanceOf", self.kind_of[thing.iri]))
            for _ in range(self.rng.randint(1, 2)):
                found.append((vendor, "sellsTo", self.pick(["GovernmentAgency"])))
        names = list(PREDICATES)
        weights = [PREDICATES[p][0] for p in names]
        while len(found) < self.rng.randint(4, 10):
            found.append(self.relation(self.rng.choices(names, weights=weights)[0]))
        return found

    def relation(self, predicate: str) -> tuple[Entity, str, Entity]:
        _, subjects, objects = PREDICATES[predicate]
        subject = self.pick(subjects)
        if predicate in ("sells", "develops", "stopsSelling"):
            return subject, predicate, self.rng.choice(self.portfolio[subject.iri])
        if predicate == "instanceOf":
            return subject, predicate, self.kind_of[subject.iri]
        return subject, predicate, self.pick(objects)

    def article_lines(self, number: int):
        article_id = f"synthetic-{number:07d}"
        node = self.base + ids.article_path(article_id)
        g = iri(node)
        a = iri(node)
        yield f"{a} {iri(RDF + 'type')} {iri(GK + 'Article')} {g} .\n"
        yield f"{a} {iri(DCT + 'title')} {lit(f'Report {number} on surveillance technology')} {g} .\n"
        date = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        yield f"{a} {iri(DCT + 'date')} {lit(date, XSD + 'date')} {g} .\n"
        yield f"{a} {iri(SCHEMA + 'url')} {lit(f'https://news.example/{article_id}', XSD + 'anyURI')} {g} .\n"
        yield f"{a} {iri(GK + 'sourceFile')} {lit(f'articles/{article_id}.txt')} {g} .\n"
        yield f"{a} {iri(GK + 'contentHash')} {lit(ids.digest(article_id, length=64))} {g} .\n"
        yield f"{a} {iri(GK + 'pipelineVersion')} {lit('graphkit-0.1.0/synthetic')} {g} .\n"
        relations = self.relations()
        mentioned = {e.iri for s, _, o in relations for e in (s, o)}
        for entity in sorted(mentioned):
            yield f"{a} {iri(SCHEMA + 'mentions')} {iri(entity)} {g} .\n"
        for position, (s, predicate, o) in enumerate(relations):
            yield from self.statement_lines(article_id, node, position, s, predicate, o)

    def statement_lines(self, article_id: str, node: str, position: int, s: Entity, predicate: str, o: Entity):
        g = iri(node)
        status = self.rng.choices([x for x, _ in STATUSES], weights=[w for _, w in STATUSES])[0]
        p = GK + predicate
        if status == "asserted":
            yield f"{iri(s.iri)} {iri(p)} {iri(o.iri)} {g} .\n"
        start = 180 * position + self.rng.randint(0, 60)
        end = start + self.rng.randint(60, 220)
        st = iri(self.base + ids.statement_path(article_id, s.iri, predicate, o.iri, start, end))
        sentence = f"{s.label} {predicate} {o.label}, the report said in paragraph {position + 1}."
        confidence = f"0.{self.rng.randint(55, 95)}"
        for prop, value in ((RDF + "type", iri(GK + "Statement")), (RDF + "subject", iri(s.iri)),
                            (RDF + "predicate", iri(p)), (RDF + "object", iri(o.iri)),
                            (GK + "status", iri(GK + status)), (GK + "evidence", lit(sentence)),
                            (GK + "startChar", lit(str(start), XSD + "integer")),
                            (GK + "endChar", lit(str(end), XSD + "integer")),
                            (GK + "method", lit(self.rng.choice(METHODS))),
                            (GK + "confidence", lit(confidence, XSD + "decimal")),
                            (PROV + "wasDerivedFrom", g)):
            yield f"{st} {iri(prop)} {value} {g} .\n"
        if status != "asserted" and self.rng.random() < 0.6:
            yield f"{st} {iri(GK + 'speaker')} {iri(self.pick(['Person', 'AdvocacyGroup', 'Company']).iri)} {g} .\n"

    def lines(self):
        yield from self.entity_lines()
        for number in range(self.articles):
            yield from self.article_lines(number)


def write_nquads(path: Path, triples: int, *, seed: int = 7) -> int:
    """Write about ``triples`` quads to ``path``; returns how many were written."""
    return _write(path, Generator(max(10, triples // TRIPLES_PER_ARTICLE), seed=seed))


def _write(path: Path, generator: Generator) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for line in generator.lines():
            out.write(line)
            count += 1
    return count


@dataclass
class BenchGraph:
    """A generated graph written for a benchmark, and what the benchmark asks about it."""

    path: Path
    quads: int
    articles: int
    company: Entity             # the most talked-about company (entities are weighted by rank)


def write_bench_graph(work: Path | None, triples: int, seed: int) -> BenchGraph:
    """About ``triples`` quads as ``WORK/graph-TRIPLES-SEED.nq`` (WORK: a temporary folder when None)."""
    work = work or Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    generator = Generator(max(10, triples // TRIPLES_PER_ARTICLE), seed=seed)
    path = work / f"graph-{triples}-{seed}.nq"
    return BenchGraph(path, _write(path, generator), generator.articles, generator.by_type["Company"][0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    count = write_nquads(args.output, args.triples, seed=args.seed)
    print(f"{args.output}: {count} quads", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
