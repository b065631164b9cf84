"""The stance of what someone said toward the entities it is about.

A quote or reported statement whose words lean negative ("dangerous",
"racist", "must be stopped") criticises the organisations, people, products
and technologies that are its core arguments (subjects and objects of its
clauses, with their possessors and coordinated names); one that leans
positive ("the right call", "deserves credit") supports them. What a
statement takes away ("switching ShotSpotter off means …") gets the opposite
sign. Words inside conditions ("until Worldcoin can prove the data is safe")
do not count. The speaker's organisation takes the same stance (GUIDELINES
rule 2). Cue words live in ontologies/patterns/stance.yaml; the words that
introduce examples ("like", "including") in syntax_words.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from ..model import ORGANISATION_TYPES
from .cues import load_word_lists, syntax_words
from .entities import ArticleEntities
from .quotes import Speech
from .rules import Hit

TARGET_TYPES = {"Company", "GovernmentAgency", "AdvocacyGroup", "Person", "Product", "Technology", "Location"}
SPEAKER_TYPES = {"Person", "Company", "GovernmentAgency", "AdvocacyGroup"}
_CORE = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd"}
_PASS_THROUGH = {"conj", "appos", "compound", "poss"}
_NEGATION_REACH = 3


# The lists of stance.yaml.
STANCE_LISTS = ("negative", "positive", "negations", "reporting_verbs", "removal_verbs", "condition_marks",
                "addressee_verbs", "own_voice_roles", "wanting_when_negated", "negative_phrases", "positive_phrases",
                "wrappers", "particle_removals", "obligation_modals", "target_preps", "predicative_only",
                "outlet_words", "negative_verbs", "failing_verbs")


@dataclass(frozen=True)
class StanceCues:
    negative: frozenset[str]
    positive: frozenset[str]
    negations: frozenset[str]
    reporting: frozenset[str]
    removal_verbs: frozenset[str]
    condition_marks: frozenset[str]
    addressee_verbs: frozenset[str]
    own_voice_roles: frozenset[str]
    wanting: frozenset[str]
    negative_phrases: tuple[tuple[str, ...], ...]
    positive_phrases: tuple[tuple[str, ...], ...]
    wrappers: frozenset[str]                            # "the use of Rekognition": Rekognition
    particle_removals: dict[str, frozenset[str]]        # verb -> particles: "switch the Orbs off"
    obligation_modals: frozenset[str]                   # "police should stop using it"
    target_preps: frozenset[str]                        # "respect for Google"
    predicative_only: frozenset[str]                    # "it is legal", not "the legal situation"
    outlet_words: frozenset[str]                        # "The Register reports": a source, not a judge
    negative_verbs: frozenset[str]                      # "used to target activists", not "ad targeting"
    failing_verbs: frozenset[str]                       # "failed to comply": the verb after them is negated

    @cached_property
    def phrases_by_first_word(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """(sign, phrase) of every judging phrase, under the phrase's first word."""
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for sign, table in ((-1, self.negative_phrases), (1, self.positive_phrases)):
            for phrase in table:
                index.setdefault(phrase[0], []).append((sign, phrase))
        return index


@lru_cache(maxsize=None)
def stance_cues() -> StanceCues:
    data = load_word_lists("stance", STANCE_LISTS)
    words = lambda k: frozenset(str(w).lower() for w in data[k])   # noqa: E731
    phrases = lambda k: tuple(tuple(str(p).lower().split()) for p in data[k])   # noqa: E731
    particles = {str(verb).lower(): frozenset(str(p).lower() for p in ps)
                 for verb, ps in data["particle_removals"].items()}
    return StanceCues(words("negative"), words("positive"), words("negations"), words("reporting_verbs"),
                      words("removal_verbs"), words("condition_marks"), words("addressee_verbs"),
                      words("own_voice_roles"), words("wanting_when_negated"), phrases("negative_phrases"), phrases("positive_phrases"),
                      words("wrappers"), particles, words("obligation_modals"), words("target_preps"),
                      words("predicative_only"), words("outlet_words"),
                      words("negative_verbs"), words("failing_verbs"))


# -- polarity ----------------------------------------------------------------
def word_sign(token: Token, cues: StanceCues) -> int:
    word, low = token.lemma_.lower(), token.lower_
    if word in cues.positive or low in cues.positive:
        return 1
    if word in cues.negative or low in cues.negative:
        return -1
    if word in cues.negative_verbs and token.pos_ == "VERB":
        return -1
    return 0


_PREDICATED = {"acomp", "oprd", "ROOT", "ccomp", "xcomp"}


def _predicated(token: Token) -> bool:
    """"the practice is legal", "you are right": the word is what the clause says, not an attribute."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.pos_ in ("ADJ", "ADV") and token.dep_ in _PREDICATED


def polar_words(doc: Doc, tokens: list[int], cues: StanceCues, names: set[int] = frozenset()) -> list[tuple[Token, int]]:
    """The words that carry polarity, with their sign after negation.

    Words in conditions and inside entity names ("surveillance technology") do not count; a negated
    negative noun is neutral ("not building weapons"), any other negated word turns around."""
    chosen = set(tokens)
    found = [(t, -sign if sign and t.lower_ not in cues.negations and _negated(doc, t, chosen, cues) else sign)
             for t, sign in _phrases(doc, tokens, cues)]          # "did not comply with"; "no place" stays
    in_phrase = {t.i for t, _ in found}
    for i in tokens:
        if i in in_phrase:
            continue
        token = doc[i]
        if i in names or _in_condition(token, cues):
            continue
        if token.lemma_.lower() in cues.wanting and _negated(doc, token, chosen, cues):
            found.append((token, -1))                # "has not shown that it works", "never explained"
            continue
        sign = word_sign(token, cues)
        if not sign:
            continue
        negated = _negated(doc, token, chosen, cues)
        if not negated and token.lemma_.lower() in cues.predicative_only and not _predicated(token):
            continue                                # "the legal situation"; but "no legal basis" judges
        if negated:
            if sign < 0 and token.pos_ in ("NOUN", "PROPN"):
                continue
            sign = -sign
        found.append((token, sign))
    return found


def _phrases(doc: Doc, tokens: list[int], cues: StanceCues) -> list[tuple[Token, int]]:
    """Judging phrases, each counted once at its first word (its other words then do not count)."""
    chosen = set(tokens)
    found = []
    for i in tokens:
        for sign, phrase in cues.phrases_by_first_word.get(doc[i].lower_, ()):
            n = len(phrase)
            if i + n <= len(doc) and all(i + k in chosen and doc[i + k].lower_ == phrase[k] for k in range(n)):
                found += [(doc[i + k], sign if k == 0 else 0) for k in range(n)]
    return found


def polarity(doc: Doc, tokens: list[int], cues: StanceCues) -> int:
    return sum(sign for _, sign in polar_words(doc, tokens, cues))


def _negated(doc: Doc, token: Token, chosen: set[int], cues: StanceCues) -> bool:
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in cues.failing_verbs:
        return True                 # "failed to comply with the order", "refused to protect"
    for j in range(max(0, token.i - _NEGATION_REACH), token.i):
        if j in chosen and doc[j].lower_ in cues.negations:
            return True
    head = token.head
    if head.i < token.i and any(c.dep_ == "neg" for c in head.children):
        return True
    current = token                 # "did not have a proper legal basis": inside the object of a negated verb
    while current.dep_ in _INSIDE_OBJECT and current.head != current:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current.i < token.i and any(c.dep_ == "neg" for c in current.children)
    return False


_INSIDE_OBJECT = {"amod", "compound", "dobj", "attr", "pobj", "prep", "det", "nummod", "advmod"}


def _in_condition(token: Token, cues: StanceCues) -> bool:
    current = token
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in cues.condition_marks for c in current.children):
            return True
        if current.head == current:
            return False
        current = current.head
    return False


# -- targets -----------------------------------------------------------------
def core_token(token: Token, cues: StanceCues | None = None) -> Token | None:
    """Climb from a name to the clause argument it belongs to; None if it is not one.

    Besides subjects and objects, the object of a judging noun counts ("respect for Google",
    "a threat to civil liberties")."""
    targets, examples = cues or stance_cues(), syntax_words().example_preps
    current = token
    for _ in range(8):
        dep = current.dep_
        if dep in _CORE:
            return current
        if dep in _PASS_THROUGH or dep == "nmod":
            current = current.head
            continue
        if dep == "pobj" and current.head.dep_ == "agent":
            return current                      # "is being used by ICE to …": the one who acts
        if dep == "pobj" and current.head.dep_ == "prep":
            prep = current.head
            if prep.lower_ in examples or prep.lower_ == "such" or (
                    prep.lower_ in ("of", "on") and prep.head.lemma_.lower() in targets.wrappers):
                current = prep.head
                continue
            if cues is not None and prep.lower_ in cues.target_preps \
                    and prep.head.pos_ == "NOUN" and word_sign(prep.head, cues):
                return current
            if cues is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN" and any(
                    c.dep_ == "amod" and word_sign(c, cues) for c in prep.head.children):
                return current                  # "the addictive nature of Instagram", "the harmful effects of X"
        return None
    return None


def removed_by(token: Token, cues: StanceCues) -> Token | None:
    """The verb that takes this argument away ("switch the Orbs off", "taking out the face analysis")."""
    core = core_token(token)
    if core is None or core.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = core.head
    lemma = verb.lemma_.lower()
    if lemma in cues.particle_removals:
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        return verb if particles & cues.particle_removals[lemma] else None
    return verb if lemma in cues.removal_verbs else None


def stance_hits(doc: Doc, ents: ArticleEntities, speeches: list[Speech], employers: dict[str, str],
                related: dict[str, set[str]] | None = None, cues: StanceCues | None = None) -> list[Hit]:
    """criticizes/supports hits for every speech with a polarity, from the speaker and its organisation."""
    cues = cues or stance_cues()
    related = related or {}
    hits = []
    names = set(ents.token_key)
    topic = ents.story_subject()
    for speech in speeches:
        speaker = ents.entity(speech.speaker)
        if speaker.generic or speaker.type not in SPEAKER_TYPES:
            continue
        cue = doc[speech.cue_token] if speech.cue_token is not None else None
        cue_sign = word_sign(cue, cues) if cue is not None else 0
        if not cue_sign and _news_outlet(speaker, cues):
            continue                            # "…, The Register reports": the article's source, not a judge
        speakers = [speech.speaker] + ([employers[speech.speaker]] if speech.speaker in employers else [])
        exclude = set(speakers) | {r for s in speakers for r in related.get(s, ())} | _listeners(ents, cue)
        unit = set(speech.tokens)
        scores: dict[str, int] = {}
        leans: dict[int, int] = {}              # sentence start -> its lean, read once per speech
        for target, token in _targets(ents, doc, speech.tokens, exclude, cues):
            if not scores.get(target):          # the first mention that says something decides
                scores[target] = target_score(doc, token, unit, names, cues)
            if not scores[target] and speech.quoted:
                sentence = token.sent
                if sentence.start not in leans:
                    leans[sentence.start] = _sentence_lean(doc, sentence, unit, names, cues)
                scores[target] = leans[sentence.start]
        for target in _spoken_of(ents, cue, exclude):      # '"A dangerous tool," she said of FaceTrace'
            if not scores.get(target):
                scores[target] = polarity(doc, speech.tokens, cues)
        confidence = 0.6 if speech.quoted else 0.55
        self_spoken = not scores and speech.quoted and _of_the_speaker(doc, ents, speech.tokens, exclude)
        if not scores and speech.quoted and topic is not None and topic not in exclude and not self_spoken:
            sign = polarity(doc, speech.tokens, cues) + cue_sign
            if sign:                            # a judging quote that names nothing speaks of the story's subject
                scores[topic] = sign
                confidence = 0.5
        for target, score in scores.items():
            score += cue_sign
            if score == 0:
                continue
            predicate = "supports" if score > 0 else "criticizes"
            for who in speakers:
                hits.append(Hit(who, predicate, target, speech.anchor, "graphkit.stance.v1", confidence,
                                "asserted", speech.speaker))
    return hits


def _of_the_speaker(doc: Doc, ents: ArticleEntities, tokens: list[int], speakers: set[str]) -> bool:
    """'Microsoft said it will "continue to be successful"': quoted words whose clause has the speaker
    as its subject speak of the speaker, not of the story's subject."""
    opening = next((i for i in tokens if i > 0 and doc[i - 1].is_quote), tokens[0])
    for node in [doc[opening], *doc[opening].ancestors]:
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:         # the reporter's words before the quote, not the speaker's "we"
            return subject.i < opening and ents.token_key.get(subject.i) in speakers
    return False


def _news_outlet(entity, cues: StanceCues) -> bool:
    words = entity.name.lower().split()
    return entity.type == "Company" and bool(words) and words[-1] in cues.outlet_words


def _sentence_lean(doc: Doc, sentence: Span, unit: set[int], names: set[int], cues: StanceCues) -> int:
    """A quoted sentence that leans one way with no word the other way ("what Amazon workers tell us: they
    are stressed by punishing targets and constant surveillance") judges what it names, even outside the
    clause that carries the words."""
    signs = [s for _, s in polar_words(doc, [t.i for t in sentence if t.i in unit], cues, names) if s]
    if len(signs) >= _CRITICAL_LEAN and all(s < 0 for s in signs):
        return -1
    if len(signs) >= _SUPPORTIVE_LEAN and all(s > 0 for s in signs):
        return 1
    return 0


_CRITICAL_LEAN = 1          # judging words a quoted sentence needs, all of one sign; praise words are
_SUPPORTIVE_LEAN = 2        # commoner in neutral talk ("the right", "legal", "protect"), so support needs two


def _spoken_of(ents: ArticleEntities, cue: Token | None, exclude: set[str]) -> list[str]:
    """What a statement is said "of" or "about": '"This is a dangerous tool," she said of FaceTrace'."""
    if cue is None:
        return []
    spoken = [c for p in cue.children if p.dep_ == "prep" and p.lower_ in ("of", "about")
              for c in p.children if c.dep_ == "pobj"]
    found = [ents.key_at(t) for t in spoken]
    found += [ents.key_at(c) for t in spoken if not ents.key_at(t) for c in t.children if c.dep_ in ("poss", "compound")]
    return [k for k in found if k and k not in exclude and k in ents.drafts
            and ents.entity(k).type in TARGET_TYPES and not ents.entity(k).generic]


def _listeners(ents: ArticleEntities, cue: Token | None) -> set[str]:
    """Whom a statement is told to ("told Fox Business that …", "said to reporters"): not what it judges."""
    if cue is None:
        return set()
    lemma = cue.lemma_.lower()
    heard = [c for c in cue.children if c.dep_ in ("dobj", "dative") and lemma in _TELLING_VERBS]
    heard += [c for p in cue.children if p.dep_ == "prep" and p.lower_ == "to" for c in p.children if c.dep_ == "pobj"]
    return {k for t in heard for k in [ents.key_at(t)] if k}


_TELLING_VERBS = {"tell", "inform", "brief"}


def target_score(doc: Doc, token: Token, unit: set[int], names: set[int], cues: StanceCues) -> int:
    """The polarity of the clause the target is an argument of.

    A target taken away by a removal verb ("switching ShotSpotter off means slower help") is judged
    by the clause above with the opposite sign; a called-for removal ("should switch the Orbs off",
    "must be stopped") is criticism by itself."""
    core = core_token(token, cues)
    verb = core.head if core is not None else token.head
    while verb.pos_ not in ("VERB", "AUX", "ADJ") and verb.head != verb:    # "respect for Google"
        verb = verb.head
    sign = 1
    remover = removed_by(token, cues)
    if remover is not None:
        if _called_for(remover, cues):
            return -1
        verb, sign = _clause_above(remover), -1
        if verb is None:
            return 0
    scope = [i for i in _clause(verb) if i in unit and i not in _judged_act(verb, cues)]
    signs = [s for word, s in polar_words(doc, scope, cues, names) if not _praises_an_object(word, s)]
    return sign * (sum(signs) or _judged_from_above(verb, unit, cues))


def _praises_an_object(word: Token, sign: int) -> bool:
    """"handicap successful American businesses": praise of what the clause acts on is no praise of its
    actor."""
    return sign > 0 and word.dep_ == "amod" and word.head.dep_ in ("dobj", "pobj")


_COMPLEMENTS = {"ccomp", "xcomp"}


def _judged_from_above(verb: Token, unit: set[int], cues: StanceCues) -> int:
    """"It is outrageous to see X being used against journalists": a neutral clause that completes a
    judging adjective ("it is wrong that …") takes the adjective's sign."""
    current = verb
    for _ in range(3):
        if current.dep_ not in _COMPLEMENTS or current.head == current:
            return 0
        current = current.head
        adjectives = [c for c in current.children if c.dep_ == "acomp" and c.i in unit]
        adjectives += [c for a in adjectives for c in a.children if c.dep_ == "conj"]
        sign = sum(word_sign(a, cues) for a in adjectives)
        if sign:
            return -1 if sign < 0 else 1
    return 0


def _judged_act(verb: Token, cues: StanceCues) -> set[int]:
    """"the CNPD was right to stop it": the act an adjective judges speaks of its own object, not the subject."""
    acts: set[int] = set()
    for adjective in verb.children:
        if adjective.dep_ == "acomp" and word_sign(adjective, cues):
            acts |= {t.i for c in adjective.children if c.dep_ == "xcomp" for t in c.subtree}
    return acts


def _called_for(verb: Token, cues: StanceCues) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in cues.obligation_modals for c in verb.children)


def _clause_above(verb: Token) -> Token | None:
    current = verb
    while current.head != current:
        current = current.head
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            return current
    return None


def _clause(verb: Token) -> list[int]:
    """The verb's subtree without coordinated clauses that have their own subject."""
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            skip |= {t.i for t in child.subtree}
    return [t.i for t in verb.subtree if t.i not in skip]


def _addressee(core: Token, cues: StanceCues) -> bool:
    """"help Congress craft rules", "Congress should join the ACLU": asked to act, not judged."""
    head = core.head
    if core.dep_ in ("dobj", "dative") and head.lemma_.lower() in cues.addressee_verbs:
        return True
    return core.dep_ == "nsubj" and any(c.dep_ == "aux" and c.lower_ == "should" for c in head.children)


def _own_product(entity, speakers: set[str], ents: ArticleEntities) -> bool:
    """"Apple software" in Apple's own statement."""
    if entity.type != "Product":
        return False
    words = entity.name.lower().split()
    return any(ents.entity(s).name.lower().split() == words[:len(ents.entity(s).name.split())]
               for s in speakers if s in ents.drafts and ents.entity(s).type != "Person")


def _targets(ents: ArticleEntities, doc: Doc, tokens: list[int], exclude: set[str], cues: StanceCues):
    """Every mention in the speech of an entity it may judge, as the mention's head token."""
    unit = set(tokens)
    window = ents.between(min(tokens), max(tokens) + 1) if tokens else []
    for link in window:
        if link.start not in unit or link.key in exclude or link.key not in ents.drafts:
            continue
        entity = ents.entity(link.key)
        if entity.type not in TARGET_TYPES or entity.generic:
            continue
        root = doc[link.start:link.end].root
        if entity.type == "Location" and root.dep_ == "compound":       # "the US company"
            continue
        core = core_token(root, cues)
        if core is None or _addressee(core, cues) or _own_product(entity, exclude, ents) or _favoured(root):
            continue
        if entity.type in ORGANISATION_TYPES + ("Person",) and _victim(ents, core, cues):
            continue
        owned = ents.key_at(root.head) if root.dep_ == "poss" else None
        if owned and ents.entity(owned).type == "Legislation":     # "breaches of the EU's GDPR": a law's owner
            continue
        yield link.key, root


def _victim(ents: ArticleEntities, core: Token, cues: StanceCues) -> bool:
    """"NSO hacked WhatsApp's servers", "Harbor violated Meta's terms": the one a named actor's harmful
    act falls on is its victim, not what the speaker judges."""
    verb = core.head
    if core.dep_ != "dobj" or verb.pos_ != "VERB" or word_sign(verb, cues) >= 0:
        return False
    return any(c.dep_ == "nsubj" and ents.key_at(c) for c in verb.children)


def _favoured(name: Token) -> bool:
    """"a judgment in favour of WhatsApp", "a suit on behalf of residents": the one the act is for."""
    prep = name.head
    if name.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in ("favour", "favor", "behalf"):
        return False
    return prep.head.head.lower_ in ("in", "on")
