"""A person's corrections, applied once entities are resolved: ``reject`` and ``assert`` in a resolver file.

* A **rejected** relation keeps its statements, with the status
  ``gk:rejected`` and who decided (``gk:decidedBy``, ``gk:decisionNote``), but
  loses its direct triple and its summary: queries over asserted facts no
  longer see it, and every later build, add and remove rejects it again, so it
  cannot silently reappear. With ``article``, only that article's statements
  are rejected.
* An **asserted** relation that no article states gets its direct triple and
  one statement in the graph ``<base>graph/corrections``, carrying who checked
  it, the note, the source checked and, when given, the article it rests on.

Both ends are named as in the rest of the resolver file (any name of the
entity, optionally with its type). A correction that finds nothing becomes a
note for the user.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..ids import normalize_name
from ..model import SYMMETRIC_PREDICATES, ArticleResult, Relation
from .decisions import Correction, Decisions, Ref
from .merge import Resolution
from .support import Support


@dataclass(frozen=True)
class PersonStatement:
    """A relation a person asserted: resolved ends, who checked it and what."""

    subject: str            # entity IRI path
    predicate: str
    object: str
    by: str
    note: str = ""
    source: str = ""
    article: str = ""       # article id it rests on, if any


def apply_corrections(results: list[ArticleResult], resolution: Resolution, decisions: Decisions, lexicon=None
                      ) -> tuple[list[ArticleResult], list[PersonStatement], list[str]]:
    """The results with rejected relations marked, the asserted ones, and notes for corrections that found nothing.

    An entity is named by any name the articles use for it, or any alias the lexicon gives it ("EFF").
    """
    if not decisions.corrections:
        return results, [], []
    paths = _paths_by_name(resolution, lexicon)
    notes: list[str] = []
    rejections = []
    asserted: list[PersonStatement] = []
    articles = {r.article.id for r in results}
    for correction in decisions.corrections:
        subjects, objects = _find(correction.subject, paths), _find(correction.object, paths)
        missing = [str(ref) for ref, found in ((correction.subject, subjects), (correction.object, objects)) if not found]
        if missing:
            notes.append(f"resolver: {correction}: no entity is named {missing[0]}")
            continue
        if correction.article and correction.article not in articles:
            notes.append(f"resolver: {correction}: the graph has no article {correction.article!r}")
            continue
        if correction.kind == "reject":
            rejections.append((correction, subjects, objects))
        else:
            asserted.extend(PersonStatement(s, correction.predicate, o, correction.by, correction.note,
                                            correction.source, correction.article)
                            for s in sorted(subjects) for o in sorted(objects))
    results, used = _reject(results, resolution, rejections)
    notes.extend(f"resolver: {c}: no article states it" for c, *_ in rejections if id(c) not in used)
    return results, sorted(set(asserted), key=lambda p: (p.subject, p.predicate, p.object, p.by)), notes


def _paths_by_name(resolution: Resolution, lexicon=None) -> dict[str, list[tuple[str, str]]]:
    """normalised name -> [(entity path, type)]"""
    found: dict[str, list[tuple[str, str]]] = {}
    for path, entity in resolution.entities.items():
        for name in {entity.label, *entity.names}:
            found.setdefault(normalize_name(name), []).append((path, entity.type))
    for entry in getattr(lexicon, "entries", ()):
        norms = {normalize_name(n) for n in (entry.name, *entry.aliases)}
        known = sorted({item for n in norms for item in found.get(n, ())})
        for norm in norms if known else ():
            found[norm] = sorted(set(found.get(norm, [])) | set(known))
    return found


def _find(ref: Ref, paths: dict[str, list[tuple[str, str]]]) -> set[str]:
    return {path for path, etype in paths.get(ref.norm, []) if not ref.type or ref.type == etype}


def _reject(results: list[ArticleResult], resolution: Resolution, rejections) -> tuple[list[ArticleResult], set[int]]:
    used: set[int] = set()
    if not rejections:
        return results, used
    changed = []
    for result in results:
        article = result.article.id
        relations = []
        for rel in result.relations:
            match = _rejection_of(rel, article, resolution, rejections) if rel.status == "asserted" else None
            if match is not None:
                used.add(id(match))
                rel = replace(rel, status="rejected", decided_by=match.by, decision_note=match.note)
            relations.append(rel)
        changed.append(replace(result, relations=tuple(relations)))
    return changed, used


def _rejection_of(rel: Relation, article: str, resolution: Resolution, rejections) -> Correction | None:
    s, o = resolution.path_of(article, rel.subject), resolution.path_of(article, rel.object)
    for correction, subjects, objects in rejections:
        if correction.predicate != rel.predicate or (correction.article and correction.article != article):
            continue
        if (s in subjects and o in objects) or (rel.predicate in SYMMETRIC_PREDICATES and o in subjects
                                                 and s in objects):
            return correction
    return None


def with_person_support(support: list[Support], asserted: list[PersonStatement]) -> list[Support]:
    """The relation summaries counting each person's statement as one more statement (of no article)."""
    if not asserted:
        return support
    found = {(s.subject, s.predicate, s.object): s for s in support}
    for statement in asserted:
        key = (statement.subject, statement.predicate, statement.object)
        old = found.get(key) or Support(*key, sentences=0, articles=0)
        found[key] = replace(old, sentences=old.sentences + 1)
    return [found[key] for key in sorted(found)]
