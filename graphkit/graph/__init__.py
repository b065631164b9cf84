"""The graph: RDF written by a build, the files and stores that hold it, and what is read from it.

    vocab.py      namespaces, prefixes and the ontology's terms (GK); checked against ontologies/graphkit.ttl
    rdf.py        ArticleResults + resolution -> N-Quads / rdflib Dataset (a named graph per article)
    nquads.py     N-Quads lines, and their conversion to TriG, Turtle, N-Triples, JSON-LD
    formats.py    which format a GRAPH path names: a file extension, or an Oxigraph store folder
    files.py      read and write a GRAPH, atomically
    store.py      Oxigraph store folders: open, load, write
    terms.py      rdflib and pyoxigraph terms as people and the SPARQL results formats see them
    tempfiles.py  graphkit's temporary files beside an output, and clearing those a crash left
    project.py    the networkx projection (entities and relations) that viz and export draw from
    validate.py   SHACL validation against ontologies/shapes.ttl
    stats.py      what a graph holds and what a person should check

Nothing here imports the build, the queries or the commands; they import this.
"""
