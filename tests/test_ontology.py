from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from graphkit.graph.vocab import GK, ONTOLOGY_IRI
from graphkit.model import ENTITY_TYPES, PREDICATES
from graphkit.resources import ontology_path, shapes_path


def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def test_python_terms_match_the_ontology_file():
    g = ontology()
    defined = {str(s)[len(ONTOLOGY_IRI):] for s in g.subjects() if str(s).startswith(ONTOLOGY_IRI)}
    declared = {name for name in GK.__annotations__}
    assert defined == declared


def test_eight_classes_and_eighteen_properties_are_documented():
    g = ontology()
    for name in ENTITY_TYPES:
        term = GK[name]
        assert (term, RDF.type, OWL.Class) in g
        assert g.value(term, RDFS.label) and g.value(term, RDFS.comment)
    for name in PREDICATES:
        term = GK[name]
        assert (term, RDF.type, OWL.ObjectProperty) in g
        assert g.value(term, RDFS.label) and g.value(term, RDFS.comment)
        assert g.value(term, RDFS.domain) is not None or g.value(term, RDFS.range) is not None


def test_shapes_parse_and_cover_every_predicate():
    shapes = Graph().parse(shapes_path(), format="turtle")
    text = shapes.serialize(format="nt")
    for name in PREDICATES:
        assert str(GK[name]) in text
