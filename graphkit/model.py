"""Plain data passed between graphkit's stages.

No spaCy or rdflib here: every stage reads and writes these records, so each
stage can be tested alone, cached as JSON and sent between processes.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

ENTITY_TYPES = (
    "Company", "GovernmentAgency", "AdvocacyGroup", "Person",
    "Technology", "Product", "Location", "Legislation",
)
ORGANISATION_TYPES = ("Company", "GovernmentAgency", "AdvocacyGroup")
PREDICATES = (
    "sells", "sellsTo", "develops", "instanceOf", "uses", "partnersWith",
    "bans", "stopsSelling", "criticizes", "supports", "investigates", "sues",
    "fines", "tests", "worksFor", "partOf", "acquires", "funds",
)
SYMMETRIC_PREDICATES = frozenset({"partnersWith"})
CLAIM_STATUSES = ("asserted", "negated", "denied", "alleged", "hypothetical", "rejected")   # rejected: by a person


@dataclass(frozen=True)
class Article:
    """One source document after ingestion: main text plus metadata."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    date: str = ""          # ISO 8601 date (yyyy-mm-dd) when known
    source: str = ""        # file the article came from, relative to the input folder given
    outlet: str = ""        # who published it (newspaper, site, agency)
    origin: str = ""        # absolute path of the file read, to recognise it later; never written to the graph


@dataclass(frozen=True)
class Mention:
    """A name found in an article, pointing at the article-local entity it denotes."""

    start: int
    end: int
    text: str
    entity: str             # key of an Entity of the same article


@dataclass(frozen=True)
class Entity:
    """An entity as one article knows it; resolution merges these across articles."""

    key: str                # article-local key
    type: str               # one of ENTITY_TYPES
    name: str               # preferred name
    names: tuple[str, ...] = ()   # every surface name used, including `name`
    wikidata: str = ""      # Wikidata item id (Q…) when the lexicon knows it
    type_reason: str = ""   # why this type was chosen (lexicon, suffix, head noun, …)


@dataclass(frozen=True)
class Evidence:
    """The sentence (or shortest span) that states a relation, with offsets into Article.text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """subject -predicate-> object, stated in one place of one article."""

    subject: str            # Entity.key
    predicate: str          # one of PREDICATES
    object: str             # Entity.key
    evidence: Evidence
    confidence: float
    method: str             # rule id with version, e.g. "graphkit.verb.v1"
    status: str = "asserted"    # one of CLAIM_STATUSES
    speaker: str = ""       # Entity.key of who asserts, denies or alleges it, if reported speech
    amount: str = ""        # money the sentence states with it (fine, settlement, contract), as a decimal
    currency: str = ""      # ISO 4217 code of amount
    decided_by: str = ""    # who rejected it in a resolver file (status "rejected")
    decision_note: str = ""


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleResult":
        return cls(
            article=Article(**data["article"]),
            entities=tuple(Entity(**{**e, "names": tuple(e["names"])}) for e in data["entities"]),
            relations=tuple(
                Relation(**{**r, "evidence": Evidence(**r["evidence"])}) for r in data["relations"]
            ),
            mentions=tuple(Mention(**m) for m in data["mentions"]),
        )


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit status."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)   # one message per input that failed
    skipped: int = 0        # files in folders that are not articles (unknown extension)
    reused: int = 0         # articles whose extraction was taken from the cache
    unchanged: int = 0      # articles given to an update that the graph already held as they are
    removed: int = 0        # articles removed from the graph
    reextracted: int = 0    # stored articles extracted again because the pipeline changed
    notes: list[str] = field(default_factory=list)   # remarks for the user (e.g. resolver decisions that found nothing)
