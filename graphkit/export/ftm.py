"""FollowTheMoney export for Aleph: entities as JSON lines, built and cleaned by followthemoney's model.

What becomes what is data, in ``ftm.yaml`` beside this module:

* companies, government agencies, advocacy groups and people become
  ``Company``, ``PublicBody``, ``Organization`` and ``Person`` (name, aliases,
  Wikidata id);
* each article becomes an ``Article`` document (title, date, url, file);
* each entity an article mentions becomes a ``Mention`` of that document,
  ``resolved`` to the entity when it has an FtM schema;
* each relation becomes a link (``Employment``, ``Membership``, ``Ownership``,
  ``Payment``, else ``UnknownLink``) whose ``role`` is the predicate's label;
  a fine, lawsuit or sale whose sentences state money becomes a ``Payment``
  with its ``amount`` and ``currency``;
  or a ``Note`` when one end is a technology, product, location or law. Links
  and notes carry the evidence: every sentence (``description``), the article
  documents (``proof``), their urls and, on links, dates and statement IRIs.

Ids are hashes of graphkit's IRIs, so the same graph gives the same ids.
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from ..errors import GraphkitError, ResourceError
from ..graph.files import write_atomic
from ..graph.project import to_networkx
from ..graph.vocab import GK
from ..model import PREDICATES
from ..resources import ontology_path, read_yaml

MAPPING_FILE = Path(__file__).with_name("ftm.yaml")


def write_ftm(dataset, path: Path) -> None:
    lines = (json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n" for entity in ftm_entities(dataset))
    write_atomic(path, "".join(lines).encode("utf-8"))


def ftm_entities(dataset) -> list[dict]:
    """Documents, entities, mentions, then links and notes, each group sorted by id."""
    builder = FtmBuilder(load_model(), read_yaml(MAPPING_FILE), predicate_labels())
    graph = to_networkx(dataset)
    groups = [
        [builder.document(article) for article in graph.graph["articles"]],
        [builder.entity(node, data) for node, data in graph.nodes(data=True) if builder.schema_of(data)],
        [builder.mention(article, node, data) for node, data in graph.nodes(data=True) for article in data["articles"]],
        [builder.relation(graph, s, o, key, data) for s, o, key, data in graph.edges(keys=True, data=True)],
    ]
    return [proxy.to_dict() for group in groups for proxy in sorted(group, key=lambda p: p.id)]


def load_model():
    try:
        from followthemoney import model
    except ImportError:
        raise GraphkitError("the ftm export needs the followthemoney package: pip install followthemoney") from None
    return model


def predicate_labels() -> dict[str, str]:
    """Each predicate's rdfs:label from the ontology, e.g. sellsTo -> "sells to"."""
    ontology = Graph().parse(ontology_path(), format="turtle")
    labels = {p: str(ontology.value(GK[p], RDFS.label) or "") for p in PREDICATES}
    missing = [p for p, label in labels.items() if not label]
    if missing:
        raise ResourceError(f"{ontology_path()}: no rdfs:label for {', '.join(missing)}")
    return labels


def make_id(*parts: str) -> str:
    from followthemoney.util import make_entity_id

    return make_entity_id("graphkit", *parts)


class FtmBuilder:
    """Turns the pieces of the networkx projection into FtM entity proxies."""

    def __init__(self, model, mapping: dict, labels: dict[str, str]):
        self.model = model
        self.mapping = mapping
        self.labels = labels
        check_mapping(model, mapping)

    def schema_of(self, node_data: dict) -> str | None:
        return self.mapping["entities"].get(node_data["type"])

    def make(self, schema: str, *id_parts: str):
        proxy = self.model.make_entity(schema)
        proxy.id = make_id(*id_parts)
        return proxy

    def document(self, article: dict):
        proxy = self.make(self.mapping["document"], article["iri"])
        proxy.add("name", article["title"] or article["iri"].rsplit("/", 1)[-1])
        proxy.add("title", article["title"])
        proxy.add("sourceUrl", article["url"])
        proxy.add("fileName", article["source"])
        if article["date"]:
            proxy.add("publishedAt", article["date"])
            if not proxy.has("publishedAt"):      # not a date FtM can read: keep it as text
                proxy.add("notes", f"Published: {article['date']}")
        return proxy

    def entity(self, node: str, data: dict):
        proxy = self.make(self.schema_of(data), node)
        proxy.add("name", data["label"])
        proxy.add("alias", data["names"])
        proxy.add("wikidataId", data["wikidata"])
        return proxy

    def mention(self, article: dict, node: str, data: dict):
        proxy = self.make("Mention", article["iri"], node)
        proxy.add("document", make_id(article["iri"]))
        proxy.add("name", data["label"])
        schema = self.schema_of(data)
        if schema:
            proxy.add("resolved", make_id(node))
            proxy.add("detectedSchema", schema)
        return proxy

    def relation(self, graph, s: str, o: str, predicate: str, data: dict):
        ends = {role: (node, graph.nodes[node]) for role, node in (("subject", s), ("object", o))}
        summary = f"{ends['subject'][1]['label']} {self.labels[predicate]} {ends['object'][1]['label']}"
        schemata = {role: self.schema_of(node_data) for role, (_, node_data) in ends.items()}
        money = [e for e in data["evidence"] if e.get("amount")]
        if all(schemata.values()):
            spec = self.link_spec(predicate, schemata["subject"], schemata["object"], paid=bool(money))
            proxy = self.make(spec["schema"], s, predicate, o)
            proxy.add(spec["subject"], make_id(s))
            proxy.add(spec["object"], make_id(o))
            if "role" in proxy.schema.properties:       # Payment has none; its summary names the relation
                proxy.add("role", self.labels[predicate])
            proxy.add("summary", summary)
            proxy.add("date", [e["date"] for e in data["evidence"]])
            proxy.add("recordId", [e["statement"] for e in data["evidence"]])
            if "amount" in proxy.schema.properties:
                proxy.add("amount", [e["amount"] for e in money])
                proxy.add("currency", [e["currency"] for e in money])
        else:
            proxy = self.make(self.mapping["note"], s, predicate, o)
            proxy.add("name", summary)
            proxy.add("keywords", predicate)
            entities = [make_id(node) for role, (node, _) in ends.items() if schemata[role]]
            proxy.add("entity", entities or [make_id(e["article"]) for e in data["evidence"]])
            proxy.add("namesMentioned", [d["label"] for role, (_, d) in ends.items() if not schemata[role]])
        proxy.add("description", [e["text"] for e in data["evidence"]])
        proxy.add("proof", [make_id(e["article"]) for e in data["evidence"]])
        proxy.add("sourceUrl", [e["url"] for e in data["evidence"]])
        return proxy

    def link_spec(self, predicate: str, subject_schema: str, object_schema: str, paid: bool = False) -> dict:
        """The first link schema listed for the predicate whose ranges fit both ends, else the fallback;
        when ``paid`` (its sentences state money), the payment schemata are tried first."""
        payments = self.mapping.get("payments", {}).get(predicate, []) if paid else []
        for spec in [*payments, *self.mapping["links"].get(predicate, []), self.mapping["fallback"]]:
            properties = self.model.get(spec["schema"]).properties
            if (self.model.get(subject_schema).is_a(properties[spec["subject"]].range)
                    and self.model.get(object_schema).is_a(properties[spec["object"]].range)):
                return spec
        raise ResourceError(f"{MAPPING_FILE}: the fallback link schema does not fit {subject_schema} -> {object_schema}")


def check_mapping(model, mapping: dict) -> None:
    """Every schema and property named in ftm.yaml must exist in the installed FtM model."""
    try:
        names = [*mapping["entities"].values(), mapping["document"], mapping["note"]]
        specs = [spec for group in ("links", "payments") for specs in mapping.get(group, {}).values()
                 for spec in specs] + [mapping["fallback"]]
        problems = [n for n in names if model.get(n) is None]
        for spec in specs:
            schema = model.get(spec["schema"])
            if schema is None or not {spec["subject"], spec["object"]} <= set(schema.properties):
                problems.append(f"{spec['schema']}.{spec['subject']}/{spec['object']}")
    except (KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(f"{MAPPING_FILE}: malformed mapping ({exc})") from None
    if problems:
        raise ResourceError(f"{MAPPING_FILE}: not in followthemoney's model: {', '.join(problems)}")
