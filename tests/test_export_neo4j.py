"""The Neo4j folder loaded into Kuzu, an embedded graph database, and queried with Cypher.

The loader below reads the CSV headers by the rules of ``neo4j-admin database
import`` (``name:type``, ``:ID(space)``, ``:START_ID(space)``, ``:END_ID(space)``,
``:TYPE``, ``:LABEL``, arrays split on ``;``) and creates the same nodes and
relationships in Kuzu; only the loader is adapted to Kuzu, never the files.
"""
from __future__ import annotations

import csv
import datetime
import re
from pathlib import Path

import kuzu
import pytest
from test_export_sample import SELL_1, SELL_2, WORKS, sample_dataset, truth

from graphkit.export import export

KUZU_TYPES = {"string": "STRING", "int": "INT64", "long": "INT64", "float": "DOUBLE", "double": "DOUBLE",
              "boolean": "BOOLEAN", "date": "DATE", "string[]": "STRING[]"}
ARRAY_DELIMITER = ";"


def parse_header(header: str) -> tuple[str, str, str]:
    """(property name, field kind, id space) of one neo4j-admin header field."""
    name, _, kind = header.partition(":")
    found = re.fullmatch(r"(ID|START_ID|END_ID)\((\w+)\)|(TYPE|LABEL|IGNORE)|(\w+(\[\])?)|", kind)
    assert found, f"not a neo4j-admin header field: {header!r}"
    if found.group(1):
        return name, found.group(1), found.group(2)
    if found.group(3):
        return name, found.group(3), ""
    kind = found.group(4) or "string"
    assert kind in KUZU_TYPES, f"not a neo4j-admin property type: {header!r}"
    return name, kind, ""


def convert(value: str, kind: str):
    if value == "":
        return None
    return {"int": int, "long": int, "float": float, "double": float, "boolean": lambda v: v == "true",
            "date": datetime.date.fromisoformat, "string[]": lambda v: v.split(ARRAY_DELIMITER)}.get(kind, str)(value)


def read(path: Path) -> tuple[list[tuple[str, str, str]], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return [parse_header(h) for h in rows[0]], rows[1:]


def properties(fields, row) -> dict:
    return {name: convert(value, kind) for (name, kind, _), value in zip(fields, row, strict=True)
            if name and kind in KUZU_TYPES}


def load_nodes(conn, path: Path) -> tuple[str, str]:
    """Creates the file's nodes; returns its id space and the property that keeps the ids."""
    fields, rows = read(path)
    id_name, _, space = next(f for f in fields if f[1] == "ID")
    columns = [f"`{n}` {KUZU_TYPES[k]}" for n, k, _ in fields if n and k in KUZU_TYPES]
    conn.execute(f"CREATE NODE TABLE {space}(`{id_name}` STRING, {', '.join(columns)}, labels STRING[], "
                 f"PRIMARY KEY(`{id_name}`))")
    for row in rows:
        values = properties(fields, row)
        values[id_name] = row[[f[1] for f in fields].index("ID")]
        values["labels"] = row[[f[1] for f in fields].index("LABEL")].split(ARRAY_DELIMITER)
        conn.execute(f"CREATE (:{space} {{{', '.join(f'`{k}`: ${k}' for k in values)}}})", values)
    return space, id_name


def load_relationships(conn, path: Path, id_names: dict[str, str]) -> None:
    fields, rows = read(path)
    position = {kind: i for i, (_, kind, _) in enumerate(fields) if kind in ("START_ID", "END_ID", "TYPE")}
    start_space = fields[position["START_ID"]][2]
    end_space = fields[position["END_ID"]][2]
    columns = [f"`{n}` {KUZU_TYPES[k]}" for n, k, _ in fields if n and k in KUZU_TYPES]
    for rel_type in sorted({row[position["TYPE"]] for row in rows}):
        conn.execute(f"CREATE REL TABLE {rel_type}(FROM {start_space} TO {end_space}{''.join(', ' + c for c in columns)})")
    for row in rows:
        values = properties(fields, row)
        assignments = ", ".join(f"`{k}`: ${k}" for k in values)
        conn.execute(f"MATCH (a:{start_space} {{`{id_names[start_space]}`: $from_node}}), "
                     f"(b:{end_space} {{`{id_names[end_space]}`: $to_node}}) "
                     f"CREATE (a)-[:{row[position['TYPE']]} {{{assignments}}}]->(b)",
                     {**values, "from_node": row[position["START_ID"]], "to_node": row[position["END_ID"]]})


def load_folder(folder: Path, database: Path):
    conn = kuzu.Connection(kuzu.Database(str(database)))
    id_names = dict(load_nodes(conn, folder / name) for name in ("entities.csv", "articles.csv"))
    for name in ("relations.csv", "mentions.csv"):
        load_relationships(conn, folder / name, id_names)
    return conn


def query(conn, cypher: str, **parameters) -> list[list]:
    result = conn.execute(cypher, parameters)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def count(conn, cypher: str) -> int:
    return query(conn, cypher)[0][0]


def check_counts(conn, source):
    assert count(conn, "MATCH (n:Entity) RETURN count(n)") == len(source.entities)
    assert count(conn, "MATCH (n:Article) RETURN count(n)") == len(source.articles)
    assert count(conn, "MATCH (:Entity)-[r]->(:Entity) RETURN count(r)") == source.evidence_count
    assert count(conn, "MATCH (:Article)-[r:MENTIONS]->(:Entity) RETURN count(r)") == len(source.mentions)
    facts = query(conn, "MATCH (a:Entity)-[r]->(b:Entity) RETURN DISTINCT a.id, r.predicate, b.id")
    assert {tuple(row) for row in facts} == set(source.facts)


def test_sample_loads_into_kuzu_and_answers_cypher(tmp_path):
    export(sample_dataset(), "neo4j", tmp_path / "neo4j")
    conn = load_folder(tmp_path / "neo4j", tmp_path / "db")
    check_counts(conn, truth(sample_dataset()))
    sold = query(conn, "MATCH (a:Entity)-[r:SELLS_TO]->(b:Entity) WHERE a.name = $name "
                       "RETURN b.name, r.evidence, r.url, r.date, r.dateText, r.support ORDER BY r.evidence",
                 name="Acme Corp")
    assert sold == sorted([["Springfield Police Department", SELL_1, "https://news.example/acme",
                            datetime.date(2021, 3, 4), None, 2],
                           ["Springfield Police Department", SELL_2, None, None, "June 2020", 2]], key=lambda r: r[1])
    money = query(conn, "MATCH (:Entity)-[r:SELLS_TO]->(:Entity) RETURN r.evidence, r.amount, r.currency")
    assert sorted(money, key=lambda r: r[0]) == sorted([[SELL_1, 2000000.0, "USD"], [SELL_2, None, None]],
                                                      key=lambda r: r[0])
    [(employer, evidence, labels, aliases)] = query(
        conn, "MATCH (p:Entity)-[r:WORKS_FOR]->(o:Entity) WHERE p.name = 'Jane Roe' "
              "RETURN o.name, r.evidence, o.labels, o.aliases")
    assert (employer, evidence, labels, aliases) == ("Acme Corp", WORKS, ["Entity", "Company"], ["Acme"])


def test_a_fact_without_evidence_is_one_relationship(tmp_path):
    export(sample_dataset(bare_fact=True), "neo4j", tmp_path / "neo4j")
    conn = load_folder(tmp_path / "neo4j", tmp_path / "db")
    check_counts(conn, truth(sample_dataset(bare_fact=True)))
    rows = query(conn, "MATCH (p:Entity)-[r:WORKS_FOR]->(o:Entity) WHERE o.name = 'City of Springfield' "
                       "RETURN p.name, r.support, r.evidence")
    assert rows == [["Jane Roe", 1, None]]


def test_load_cypher_reads_every_column_of_every_file(tmp_path):
    export(sample_dataset(), "neo4j", tmp_path / "neo4j")
    script = (tmp_path / "neo4j" / "load.cypher").read_text(encoding="utf-8")
    for name in ("entities.csv", "articles.csv", "relations.csv", "mentions.csv"):
        assert f"LOAD CSV WITH HEADERS FROM 'file:///{name}'" in script
        with (tmp_path / "neo4j" / name).open(encoding="utf-8") as handle:
            headers = next(csv.reader(handle))
        used = [h for h in headers if h not in (":LABEL", ":TYPE")]
        assert all(f"row.`{h}`" in script for h in used), [h for h in used if f"row.`{h}`" not in script]
    with (tmp_path / "neo4j" / "relations.csv").open(encoding="utf-8") as handle:
        types = {row[":TYPE"] for row in csv.DictReader(handle)}
    assert all(f"WHERE row.`:TYPE` = '{t}'" in script and f"[r:{t} " in script for t in types)
    assert "neo4j-admin database import full" in script


@pytest.mark.slow
def test_example_graph_loads_into_kuzu_with_known_facts(example_graph, tmp_path):
    export(example_graph, "neo4j", tmp_path / "neo4j")
    conn = load_folder(tmp_path / "neo4j", tmp_path / "db")
    source = truth(example_graph)
    check_counts(conn, source)
    for s, predicate, o in source.known_facts():
        rows = query(conn, "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id = $s AND b.id = $o AND r.predicate = $p "
                           "RETURN r.evidence, r.article", s=s, o=o, p=predicate)
        assert sorted(rows) == sorted([e["text"], e["article"]] for e in source.facts[(s, predicate, o)])
