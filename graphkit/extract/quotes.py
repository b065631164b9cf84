"""Find quotations and reported speech, and attribute each to its speaker.

``find_quotes(text)`` returns the character spans inside quotation marks,
paragraph by paragraph (a quote left open at a paragraph's end closes
there). ``Speech`` units come from ``read_speech``: a quote with the speaker
of its sentence's reporting verb ("…," said Greer), of an earlier quote in
the same paragraph, or of a dash line ("—Nicole Ozer, ACLU"); and reported
speech without quotation marks ("the commission said Facebook had deceived
its users").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import ORGANISATION_TYPES
from .cues import SyntaxWords, syntax_words
from .entities import ArticleEntities
from .syntax import pobj

_OPEN = {"\u201c": "\u201d"}
_STRAIGHT = '"'
_DASHES = ("\u2014", "\u2013", "--", "\u2015")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (without the marks)."""
    spans = []
    offset = 0
    for paragraph in text.split("\n"):
        start = None
        closing = None
        for i, ch in enumerate(paragraph):
            if start is None:
                if ch in _OPEN or ch == _STRAIGHT:
                    start, closing = i + 1, _OPEN.get(ch, _STRAIGHT)
            elif ch == closing or (closing == _STRAIGHT and ch == "\u201d"):
                if i > start:
                    spans.append((offset + start, offset + i))
                start = None
        if start is not None and len(paragraph) > start:
            spans.append((offset + start, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return spans


SPEAKER_TYPES = (*ORGANISATION_TYPES, "Person")


@dataclass
class Speech:
    """What someone said: the tokens that carry it and who said it."""

    speaker: str                    # entity key
    tokens: list[int]               # token indices of the content
    anchor: int                     # token that carries the evidence sentence
    quoted: bool
    cue: str = ""                   # the reporting verb, or "continuation" / "dash line"
    cue_token: int | None = None    # the reporting verb's index, when there is one


class SpeechReader:
    def __init__(self, doc: Doc, ents: ArticleEntities, reporting: frozenset[str], subject_of,
                 words: SyntaxWords | None = None):
        self.doc = doc
        self.ents = ents
        self.reporting = reporting
        self.words = words or syntax_words()
        self.subject_of = subject_of        # verb -> subject token (SentenceReader.subject_token)
        self.text = doc.text
        self.spans = [self._token_span(s, e) for s, e in find_quotes(self.text)]
        self.spans = [s for s in self.spans if s is not None]
        self.quoted = {i for s, e in self.spans for i in range(s, e)}

    def _token_span(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (span.start, span.end) if span is not None and len(span) else None

    def read(self) -> list[Speech]:
        speeches = self._quotes()
        speeches += self._reported()
        return speeches

    # -- quotations ----------------------------------------------------------
    def _quotes(self) -> list[Speech]:
        result: list[Speech] = []
        last_by_paragraph: dict[int, str] = {}
        for start, end in self.spans:
            for sent in self._sentences(start, end):
                paragraph = self._paragraph(sent.start)
                verb = self._reporting_verb(sent)
                speaker = self._speaker(verb) if verb is not None else None
                cue = verb.lemma_ if verb is not None else ""
                if speaker is None:
                    speaker = last_by_paragraph.get(paragraph) or self._dash_speaker(paragraph) \
                        or self._introducing_speaker(paragraph)
                    cue = "continuation" if speaker else ""
                if speaker is None:
                    continue
                last_by_paragraph[paragraph] = speaker
                tokens = self._content(sent, verb, start, end)
                result.append(Speech(speaker, tokens, sent.start, True, cue,
                                     verb.i if verb is not None and cue != "continuation" else None))
        return _merge_same_sentence(result)

    def _sentences(self, start: int, end: int):
        seen = []
        for i in range(start, end):
            sent = self.doc[i].sent
            if not seen or seen[-1].start != sent.start:
                seen.append(sent)
        return seen

    def _paragraph(self, token_index: int) -> int:
        return self.text.count("\n", 0, self.doc[token_index].idx)

    def _reporting_verb(self, sent) -> Token | None:
        candidates = [t for t in sent if t.i not in self.quoted and t.pos_ in ("VERB", "AUX")
                      and t.lemma_.lower() in self.reporting]
        return candidates[0] if candidates else None

    def _speaker(self, verb: Token) -> str | None:
        subject = self.subject_of(verb)
        if subject is None:
            return None
        for named in (c for c in subject.children if c.dep_ == "appos"):      # "Amnesty's head of technology, Ana Ruiz,"
            key = self.ents.key_at(named)
            if key and self.ents.entity(key).type == "Person":
                return key
        for token in [subject, *subject.subtree]:
            key = self.ents.key_at(token)
            if key:
                return key
        return None

    def _content(self, sent, verb: Token | None, start: int, end: int) -> list[int]:
        if verb is None:
            return [i for i in range(sent.start, sent.end)]
        clauses = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
        if verb.dep_ not in ("ROOT", "parataxis"):       # "… after IBM said it will no longer sell …"
            return sorted({i for i in range(sent.start, sent.end) if i in self.quoted} | clauses)
        keep = set()
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp", "parataxis") or child.i in self.quoted:
                keep |= {t.i for t in child.subtree}
        reporting_part = {t.i for t in verb.subtree} - keep
        return [t.i for t in sent if t.i in self.quoted or t.i not in reporting_part]

    def _dash_speaker(self, paragraph: int) -> str | None:
        """A following line such as "—Nicole Ozer, ACLU of North Carolina"."""
        line = self._nearest_line(range(paragraph + 1, paragraph + 3))
        if line is None or not line.text.lstrip().startswith(_DASHES):
            return None
        return next((k for t in line for k in [self.ents.key_at(t)] if k and self.ents.entity(k).type == "Person"), None)

    def _introducing_speaker(self, paragraph: int) -> str | None:
        """A line before the quote that introduces it: "Laurence Turner, GMB head of research, said:"."""
        line = self._nearest_line(range(paragraph - 1, paragraph - 3, -1))
        if line is None or not line.text.rstrip().endswith(":"):
            return None
        verbs = [t for t in line if t.i not in self.quoted and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.reporting]
        return self._speaker(verbs[0]) if verbs else None

    def _nearest_line(self, line_numbers: range):
        """The tokens of the first non-empty line among these line numbers, or None."""
        lines = self.text.split("\n")
        for line_no in (n for n in line_numbers if 0 <= n < len(lines)):
            line = lines[line_no].strip()
            if not line:
                continue
            start = sum(len(x) + 1 for x in lines[:line_no]) + lines[line_no].index(line)
            return self.doc.char_span(start, start + len(line), alignment_mode="expand")
        return None

    # -- reported speech -----------------------------------------------------
    def _reported(self) -> list[Speech]:
        result = []
        for verb in self.doc:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.reporting or verb.i in self.quoted:
                continue
            clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i not in self.quoted]
            clauses = clauses or _that_clauses_of_documents(verb, self.words.writing_nouns)
            if not clauses:
                continue
            speaker = self._speaker(verb)
            if speaker is None:
                continue
            tokens = sorted({t.i for c in clauses for t in c.subtree if t.i not in self.quoted})
            for who in [speaker, *self._co_speakers(verb, speaker)]:
                result.append(Speech(who, tokens, verb.i, False, verb.lemma_, verb.i))
        return result + self._according_to()

    def _co_speakers(self, verb: Token, speaker: str) -> list[str]:
        """"Privacy International and noyb maintained that …": every organisation or person the subject
        coordinates says it."""
        subject = self.subject_of(verb)
        if subject is None:
            return []
        found = []
        coordinated = list(subject.conjuncts)
        coordinated += [pobj for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("including", "like")
                        for pobj in prep.children if pobj.dep_ == "pobj"]      # "privacy advocates, including the EFF,"
        if any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in subject.subtree):
            # "Amnesty International and Human Rights Watch" parsed as modifiers of "Watch"
            coordinated += [t for t in subject.subtree if t.dep_ in ("nmod", "conj") and t.i < subject.i]
        for token in [subject, *coordinated]:
            key = self.ents.key_at(token)
            if key and key != speaker and key not in found and self.ents.entity(key).type in SPEAKER_TYPES:
                found.append(key)
        return found

    def _according_to(self) -> list[Speech]:
        """"According to Amnesty, the spyware was used to target activists": the sentence is Amnesty's."""
        result = []
        for word in self.doc:
            if word.lower_ != "according" or word.i in self.quoted:
                continue
            to = next((c for c in word.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            holders = [source] + [c for c in source.children if c.dep_ in ("poss", "compound")] if source is not None else []
            if source is not None and source.lemma_.lower() in self.words.writing_nouns:    # "a report by Amnesty"
                holders += [pobj(p) for p in source.children if p.dep_ in ("prep", "agent")
                            and p.lower_ in ("by", "from", "of") and pobj(p) is not None]
            speaker = next((k for t in holders for k in [self.ents.key_at(t)] if k), None)   # "the FTC's complaint"
            if speaker is None:
                continue
            phrase = {t.i for t in word.subtree}
            tokens = [t.i for t in word.sent if t.i not in phrase and t.i not in self.quoted and not t.is_punct]
            result.append(Speech(speaker, tokens, word.i, False, "according", None))
        return result


def _that_clauses_of_documents(verb: Token, documents: frozenset[str]) -> list[Token]:
    """"writing in a long dissent that Facebook's violations flowed …": the parser makes the content a
    relative clause of the document; it is what the speaker said."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in documents:
                found += [c for c in noun.children if c.dep_ in ("relcl", "acl")
                          and any(t.lower_ == "that" and t.i < c.i for t in c.lefts)]
    return found


def _merge_same_sentence(speeches: list[Speech]) -> list[Speech]:
    """One speech per sentence and speaker, even when the quote is split by "said X"."""
    merged: dict[tuple[int, str], Speech] = {}
    for speech in speeches:
        key = (speech.anchor, speech.speaker)
        if key in merged:
            merged[key].tokens = sorted(set(merged[key].tokens) | set(speech.tokens))
        else:
            merged[key] = speech
    return list(merged.values())


_SINGULAR_FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
_PLURAL_FIRST_PERSON = {"we", "us", "our", "ours", "ourselves"}


def link_first_person(doc: Doc, ents: ArticleEntities, speeches: list[Speech], employers: dict[str, str]) -> None:
    """Inside a quote, "I" and "my" are its speaker; "we" and "our" the speaker's organisation (or the
    speaker, when an organisation speaks): "'Our investigation revealed …,' Paxton said"."""
    for speech in speeches:
        if not speech.quoted or speech.speaker not in ents.drafts:
            continue
        speaker = ents.entity(speech.speaker)
        person = speaker.type == "Person"
        group = employers.get(speech.speaker) if person else speech.speaker
        for i in speech.tokens:
            if i in ents.token_key:
                continue
            low = doc[i].lower_
            key = speech.speaker if low in _SINGULAR_FIRST_PERSON and person else group if low in _PLURAL_FIRST_PERSON else None
            if key:
                ents.link(i, i + 1, key, "pronoun")
