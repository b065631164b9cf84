"""Check a graph against graphkit's SHACL shapes (ontologies/shapes.ttl) with pySHACL."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from ..resources import ontology_path, shapes_path
from .terms import short


@dataclass(frozen=True)
class Finding:
    severity: str       # Violation, Warning or Info
    focus: str
    path: str
    message: str


@dataclass
class ValidationReport:
    conforms: bool
    findings: list[Finding]

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warning"]

    def summary(self, limit: int = 20) -> str:
        lines = []
        for finding in (self.violations + self.warnings)[:limit]:
            where = f" ({finding.path})" if finding.path else ""
            lines.append(f"{finding.severity.lower()}: {finding.focus}{where}: {finding.message}")
        hidden = len(self.findings) - len(lines)
        if hidden > 0:
            lines.append(f"… and {hidden} more")
        return "\n".join(lines)


def flatten(dataset) -> Graph:
    """One graph holding every triple of every named graph (SHACL sees entities and statements together)."""
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def validate(dataset) -> ValidationReport:
    import pyshacl

    shapes = Graph().parse(shapes_path(), format="turtle")
    ontology = Graph().parse(ontology_path(), format="turtle")
    conforms, report, _ = pyshacl.validate(
        flatten(dataset), shacl_graph=shapes, ont_graph=ontology, inference="none",
        allow_warnings=True, advanced=True,
    )
    findings = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        findings.append(Finding(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus=short(focus) if isinstance(focus, URIRef) else str(focus),
            path=short(path) if isinstance(path, URIRef) else "",
            message=str(message or "does not conform"),
        ))
    findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path, f.message))
    return ValidationReport(bool(conforms), findings)
