"""Neo4j export: a folder of CSV files for ``neo4j-admin database import`` and a LOAD CSV script.

Nodes: ``entities.csv`` (label ``Entity`` plus the graphkit type, e.g.
``Entity;Company``) and ``articles.csv`` (``Article``). Relationships:
``relations.csv``, one relationship per piece of evidence (a fact stated in
three articles becomes three parallel relationships, each with its sentence,
article, url, date and confidence; ``support`` says how many there are), typed
by predicate in upper snake case (``SELLS_TO``); ``mentions.csv`` links each
article to the entities it mentions (``MENTIONS``).

Headers follow the neo4j-admin format ``name:type`` (``:ID(Entity)``,
``:START_ID(Entity)``, ``:TYPE``, ``:LABEL``, ``int``, ``float``, ``date``,
``string[]`` split on ``;``). ``load.cypher`` reads the same files with LOAD CSV
into a running database; it is generated from the same column lists, so the two
cannot drift apart.
"""
from __future__ import annotations

import re

from ..graph.project import to_networkx
from ..model import ENTITY_TYPES, PREDICATES
from .folders import write_folder_atomic
from .tables import table

ENTITY_COLUMNS = ["id:ID(Entity)", "name", "type", "aliases:string[]", "wikidata", "articleCount:int", ":LABEL"]
ARTICLE_COLUMNS = ["id:ID(Article)", "title", "url", "date:date", "dateText", "source", ":LABEL"]
RELATION_COLUMNS = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id", "predicate", "support:int",
                    "articleCount:int", "evidence", "article", "url", "date:date", "dateText", "confidence:float",
                    "startChar:int", "endChar:int", "method", "amount:float", "currency"]
MENTION_COLUMNS = [":START_ID(Article)", ":END_ID(Entity)", ":TYPE"]
EVIDENCE_COLUMNS = RELATION_COLUMNS[RELATION_COLUMNS.index("evidence"):]
ARRAY_DELIMITER = ";"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IMPORT_COMMAND = ("neo4j-admin database import full --multiline-fields=true --nodes=entities.csv "
                  "--nodes=articles.csv --relationships=relations.csv --relationships=mentions.csv neo4j")


def write_neo4j(dataset, path) -> None:
    graph = to_networkx(dataset)
    write_folder_atomic(path, {
        "entities.csv": table(ENTITY_COLUMNS, entity_rows(graph)),
        "articles.csv": table(ARTICLE_COLUMNS, article_rows(graph)),
        "relations.csv": table(RELATION_COLUMNS, relation_rows(graph)),
        "mentions.csv": table(MENTION_COLUMNS, mention_rows(graph)),
        "load.cypher": cypher_script().encode("utf-8"),
    })


def relationship_type(predicate: str) -> str:
    """``sellsTo`` -> ``SELLS_TO``, Neo4j's convention for relationship types."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", predicate).upper()


def split_date(value: str) -> list[str]:
    """[date, dateText]: an ISO date goes to the typed column, anything else is kept as text."""
    return [value, ""] if ISO_DATE.fullmatch(value) else ["", value]


def entity_rows(graph):
    for node, data in sorted(graph.nodes(data=True)):
        yield [node, data["label"], data["type"], ARRAY_DELIMITER.join(data["names"]), data["wikidata"],
               len(data["articles"]), f"Entity{ARRAY_DELIMITER}{data['type']}"]


def article_rows(graph):
    for article in graph.graph["articles"]:
        yield [article["iri"], article["title"], article["url"], *split_date(article["date"]), article["source"],
               "Article"]


def relation_rows(graph):
    """One row per piece of evidence; a relation without evidence still gets one row, keyed by the fact."""
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        fact = [key, data["support"], data["article_count"]]
        for item in data["evidence"] or [None]:
            row_id = item["statement"] if item else f"{s} {key} {o}"
            yield [s, o, relationship_type(key), row_id, *fact, *evidence_cells(item)]


def evidence_cells(item: dict | None) -> list:
    """The cells of EVIDENCE_COLUMNS for one piece of evidence, empty when there is none."""
    if item is None:
        return [""] * len(EVIDENCE_COLUMNS)
    money = [float(item["amount"]), item["currency"]] if item.get("amount") else ["", ""]
    return [item["text"], item["article"], item["url"], *split_date(item["date"]), item["confidence"],
            item["start"], item["end"], item["method"], *money]


def mention_rows(graph):
    pairs = {(a["iri"], node) for node, data in graph.nodes(data=True) for a in data["articles"]}
    for article, node in sorted(pairs):
        yield [article, node, "MENTIONS"]


# --- load.cypher, generated from the column lists above -------------------------------------------

CONVERSIONS = {"": "{}", "string": "{}", "int": "toInteger({})", "float": "toFloat({})", "date": "date({})",
               "string[]": f"split({{}}, '{ARRAY_DELIMITER}')"}
SCRIPT_HEADER = f"""// graphkit graph for Neo4j. Two ways to load this folder:
//
// 1. Into a new database, with the import tool (run in this folder, Neo4j stopped):
//      {IMPORT_COMMAND}
//
// 2. Into a running database: copy the .csv files into Neo4j's import folder, then
//      cypher-shell -f load.cypher
//    Every statement MERGEs on ids, so running the script twice changes nothing.

"""


def cypher_script() -> str:
    statements = [
        "CREATE CONSTRAINT graphkit_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT graphkit_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
        load_nodes("entities.csv", ENTITY_COLUMNS),
        *(add_label("entities.csv", ENTITY_COLUMNS, etype) for etype in ENTITY_TYPES),
        load_nodes("articles.csv", ARTICLE_COLUMNS),
        *(load_relationships("relations.csv", RELATION_COLUMNS, relationship_type(p)) for p in PREDICATES),
        load_relationships("mentions.csv", MENTION_COLUMNS, "MENTIONS"),
    ]
    return SCRIPT_HEADER + "".join(statement + ";\n\n" for statement in statements)


def column(header: str) -> str:
    return f"row.`{header}`"


def id_space(columns: list[str], field: str) -> tuple[str, str]:
    """The header of an ID, START_ID or END_ID column and its id space (the node label)."""
    header = next(h for h in columns if h.split(":", 1)[-1].startswith(field + "("))
    return header, header[header.index("(") + 1:-1]


def assignments(variable: str, columns: list[str]) -> str:
    """``SET`` clauses for the property columns, converted as neo4j-admin would type them."""
    found = []
    for header in columns:
        name, _, kind = header.partition(":")
        if name and kind in CONVERSIONS:
            found.append(f"{variable}.{name} = {CONVERSIONS[kind].format(column(header))}")
    return "\nSET " + ",\n    ".join(found) if found else ""


def load_nodes(filename: str, columns: list[str]) -> str:
    header, label = id_space(columns, "ID")
    return (f"LOAD CSV WITH HEADERS FROM 'file:///{filename}' AS row\n"
            f"MERGE (n:{label} {{id: {column(header)}}})" + assignments("n", columns))


def add_label(filename: str, columns: list[str], label: str) -> str:
    header, space = id_space(columns, "ID")
    return (f"LOAD CSV WITH HEADERS FROM 'file:///{filename}' AS row\n"
            f"WITH row WHERE row.`type` = '{label}'\n"
            f"MATCH (n:{space} {{id: {column(header)}}})\nSET n:{label}")


def load_relationships(filename: str, columns: list[str], rel_type: str) -> str:
    start, start_label = id_space(columns, "START_ID")
    end, end_label = id_space(columns, "END_ID")
    key = " {id: row.`id`}" if "id" in columns else ""
    return (f"LOAD CSV WITH HEADERS FROM 'file:///{filename}' AS row\n"
            f"WITH row WHERE row.`:TYPE` = '{rel_type}'\n"
            f"MATCH (a:{start_label} {{id: {column(start)}}})\n"
            f"MATCH (b:{end_label} {{id: {column(end)}}})\n"
            f"MERGE (a)-[r:{rel_type}{key}]->(b)" + assignments("r", [c for c in columns if c != "id"]))
