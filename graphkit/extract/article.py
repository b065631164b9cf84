"""From articles to ArticleResults: parse, find entities, read relations.

``Extractor`` holds what is costly to build (the spaCy pipeline, the
lexicon matchers) and is built once per process; ``extract_doc`` is the pure
step from one parsed Doc to plain data.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..model import Article, ArticleResult, Entity, Evidence, Mention, Relation
from ..resources import Lexicon, load_lexicon
from .amounts import with_amount
from .cues import entity_cues
from .entities import ArticleEntities, parent_of
from .mentions import MentionFinder
from .quotes import SpeechReader, link_first_person
from .references import build_entities
from .relations import Hit, SentenceReader
from .roles import RoleReader
from .stance import stance_cues, stance_hits

MAX_CHUNK_CHARS = 10_000       # longer texts are parsed in pieces cut at paragraph breaks, to bound memory
_PLACE_AS_GOVERNMENT_OBJECT = {"sellsTo", "sues", "fines", "partnersWith", "investigates", "worksFor",
                               "criticizes", "supports", "partOf"}
_AGENT_PREDICATES = {"bans", "uses", "sues", "fines", "investigates", "partnersWith", "funds", "criticizes",
                     "supports", "sellsTo", "worksFor"}


class Extractor:
    """Extraction with one loaded pipeline: ``extract(articles)`` yields one result per article."""

    def __init__(self, nlp, lexicon: Lexicon | None = None, min_confidence: float = 0.0):
        self.nlp = nlp
        self.lexicon = lexicon or load_lexicon()
        self.finder = MentionFinder(nlp, self.lexicon)
        self.cues = entity_cues()
        self.stance = stance_cues()
        self.min_confidence = min_confidence
        self.lexicon_names = self.lexicon.names()

    def extract(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        for article, doc in parse(self.nlp, articles, batch_size):
            yield self.extract_doc(article, doc)

    def extract_doc(self, article: Article, doc: Doc) -> ArticleResult:
        ents, hits = self.read_doc(doc)
        return to_result(article, doc, ents, hits)

    def read_doc(self, doc: Doc) -> tuple[ArticleEntities, list[Hit]]:
        """The article's entities and the relations read from them."""
        found = self.finder.find(doc)
        ents = build_entities(doc, found, self.cues)
        reader = SentenceReader(doc, ents, cues=self.cues)
        roles = list(RoleReader(doc, ents, self.cues).read())
        speeches = SpeechReader(doc, ents, self.stance.reporting, reader.subject_token).read()
        link_first_person(doc, ents, speeches, spokespeople(doc, ents, roles, self.stance.own_voice_roles))
        reader = SentenceReader(doc, ents, cues=self.cues)          # reads the links just added
        hits = reader.read() + roles + self._chapters(ents)
        employers = spokespeople(doc, ents, hits, self.stance.own_voice_roles)
        hits += stance_hits(doc, ents, speeches, employers, family(hits), self.stance)
        hits += official_acts(ents, hits, employers)
        hits += accusations(hits)
        hits += supplied_uses(ents, hits)
        hits = without_mixed_support(hits, employers)
        hits = [h for h in hits if h.confidence >= self.min_confidence]
        _retype_acting_places(ents, hits)
        _inherit_parent_types(ents, hits)
        return ents, hits

    def _chapters(self, ents: ArticleEntities) -> list[Hit]:
        """"ACLU of Northern California" is part of the ACLU, as its name says."""
        hits = []
        for draft in list(ents.drafts.values()):
            if draft.parent_name and draft.mentions:
                parent = parent_of(ents, draft, self.lexicon_names)
                if parent:
                    hits.append(Hit(draft.key, "partOf", parent, draft.mentions[0][0], "graphkit.chapter.v1", 0.9))
        return hits


def parse(nlp, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Parse articles with nlp.pipe; long texts are parsed in paragraph-aligned chunks and joined."""
    pending: dict[int, tuple[Article, list[Doc | None]]] = {}

    def chunks():
        for number, article in enumerate(articles):
            pieces = split_text(article.text)
            pending[number] = (article, [None] * len(pieces))
            for index, piece in enumerate(pieces):
                yield piece, (number, index)

    next_number = 0
    for doc, (number, index) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        pending[number][1][index] = doc
        while next_number in pending and all(d is not None for d in pending[next_number][1]):
            article, docs = pending.pop(next_number)
            yield article, docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
            next_number += 1


def split_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters that join back to ``text``, cut at paragraph breaks."""
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end), text.rfind(". ", start, end))
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


def spokespeople(doc: Doc, ents: ArticleEntities, hits: list[Hit], own_voice_roles: frozenset[str]) -> dict[str, str]:
    """The organisation each person speaks for, from the article's own worksFor statements (first one
    wins); a company's engineers and other staff speak only for themselves."""
    found: dict[str, str] = {}
    for hit in sorted(hits, key=lambda h: h.anchor):
        if hit.predicate != "worksFor" or hit.status != "asserted" or hit.subject in found:
            continue
        if ents.entity(hit.object).type == "Company" and doc[hit.anchor].lemma_.lower() in own_voice_roles:
            found[hit.subject] = ""
            continue
        found[hit.subject] = hit.object
    return {person: org for person, org in found.items() if org}


_OFFICIAL_ACTS = {"sues", "investigates", "fines", "bans"}


def official_acts(ents: ArticleEntities, hits: list[Hit], employers: dict[str, str]) -> list[Hit]:
    """What an official does in office, the office does: "Attorney General Ken Paxton sued X" is also
    the attorney general's office suing X."""
    extra = []
    for hit in hits:
        office = employers.get(hit.subject)
        if hit.predicate in _OFFICIAL_ACTS and office and ents.entity(office).type == "GovernmentAgency" \
                and office != hit.object:
            extra.append(replace(hit, subject=office, method="graphkit.office.v1", confidence=hit.confidence - 0.05))
    return extra


def accusations(hits: list[Hit]) -> list[Hit]:
    """Suing someone accuses them of a wrong: the plaintiff criticises the defendant (asserted suits only)."""
    return [replace(h, predicate="criticizes", method="graphkit.accusation.v1", confidence=h.confidence - 0.1)
            for h in hits if h.predicate == "sues" and h.status == "asserted"]


def supplied_uses(ents: ArticleEntities, hits: list[Hit]) -> list[Hit]:
    """What one verb says a company supplies to a named customer, the customer uses: "Microsoft provides
    ICE cloud services" (not collective buyers such as "governments": the article names no user)."""
    sold: dict[tuple[int, str], list[Hit]] = {}
    for hit in hits:
        if hit.status == "asserted" and hit.predicate in ("sells", "sellsTo"):
            sold.setdefault((hit.anchor, hit.subject), []).append(hit)
    extra = []
    for group in sold.values():
        for product in (h for h in group if h.predicate == "sells"):
            for customer in (h for h in group if h.predicate == "sellsTo" and not ents.entity(h.object).generic):
                extra.append(replace(product, subject=customer.object, predicate="uses",
                                     method="graphkit.supplied.v1", confidence=min(product.confidence, customer.confidence) - 0.1))
    return extra


_OPPOSING = {"sues", "fines", "investigates"}


def without_mixed_support(hits: list[Hit], employers: dict[str, str]) -> list[Hit]:
    """A stance read as support toward someone the same actor (or the speaker's organisation) sues, fines
    or investigates in the article is a misread polarity ("we will protect children from Meta", "hold X
    accountable"): dropped."""
    opposed = {(h.subject, h.object) for h in hits if h.predicate in _OPPOSING and h.status == "asserted"}
    return [h for h in hits if not (h.predicate == "supports" and h.method == "graphkit.stance.v1" and (
        (h.subject, h.object) in opposed or (employers.get(h.subject), h.object) in opposed))]


def family(hits: list[Hit]) -> dict[str, set[str]]:
    """Organisations linked by partOf in the article, both ways: a speaker never judges its own family."""
    found: dict[str, set[str]] = {}
    for hit in hits:
        if hit.predicate == "partOf" and hit.status == "asserted":
            found.setdefault(hit.subject, set()).add(hit.object)
            found.setdefault(hit.object, set()).add(hit.subject)
    return found


def _inherit_parent_types(ents: ArticleEntities, hits: list[Hit]) -> None:
    """A division typed only by default takes its parent's type ("ERO, the ICE branch")."""
    for hit in hits:
        if hit.predicate == "partOf" and hit.status == "asserted":
            child, parent = ents.entity(hit.subject), ents.entity(hit.object)
            if child.reason.startswith(("organisation by default", "NER", "name with")) and child.type != parent.type:
                child.type, child.reason = parent.type, f"part of {parent.name}"


def _retype_acting_places(ents: ArticleEntities, hits: list[Hit]) -> None:
    """A place that bans, sues, buys or is sold to acts as its government."""
    for hit in hits:
        if hit.status != "asserted":
            continue
        for key, is_subject in ((hit.subject, True), (hit.object, False)):
            draft = ents.entity(key)
            if draft.type == "Location" and (is_subject and hit.predicate in _AGENT_PREDICATES
                                             or not is_subject and hit.predicate in _PLACE_AS_GOVERNMENT_OBJECT):
                draft.type, draft.reason = "GovernmentAgency", f"acts as a government ({hit.predicate})"


@dataclass
class _Best:
    hit: Hit
    start: int
    end: int


def to_result(article: Article, doc: Doc, ents: ArticleEntities, hits: list[Hit]) -> ArticleResult:
    best: dict[tuple, _Best] = {}
    for hit in hits:
        sent = doc[hit.anchor].sent
        key = (hit.subject, hit.predicate, hit.object, sent.start, hit.status)
        if key not in best or best[key].hit.confidence < hit.confidence:
            best[key] = _Best(hit, sent.start_char, sent.end_char)
    relations = []
    full_text = doc.text
    for item in best.values():
        text = full_text[item.start:item.end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        relations.append(with_amount(Relation(
            subject=item.hit.subject, predicate=item.hit.predicate, object=item.hit.object,
            evidence=Evidence(text, item.start + lead, item.start + lead + len(text)),
            confidence=round(item.hit.confidence, 3), method=item.hit.method,
            status=item.hit.status, speaker=item.hit.speaker,
        )))
    used = {r.subject for r in relations} | {r.object for r in relations} | {r.speaker for r in relations if r.speaker}
    entities = tuple(
        Entity(key=d.key, type=d.type, name=d.name, names=tuple(d.names), wikidata=d.wikidata, type_reason=d.reason)
        for d in ents.drafts.values() if d.names and (d.key in used or _worth_keeping(d))
    )
    kept = {e.key for e in entities}
    mentions = tuple(
        Mention(doc[link.start].idx, doc[link.end - 1].idx + len(doc[link.end - 1]), doc[link.start:link.end].text, link.key)
        for link in ents.links if link.kind == "name" and link.key in kept
    )
    relations.sort(key=lambda r: (r.evidence.start, r.predicate, r.subject, r.object))
    return ArticleResult(article, entities, tuple(relations), mentions)


def _worth_keeping(draft) -> bool:
    """Entities outside any relation stay when they are likely real: known, named twice, or well typed."""
    if draft.reason == "lexicon":
        return True
    if draft.type == "Location":
        return False
    if len(draft.mentions) >= 2:
        return True
    return draft.type in ("Person", "Product", "Legislation") or not draft.reason.startswith(("NER", "organisation by default"))
