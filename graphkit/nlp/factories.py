"""spaCy components that graphkit registers (also exposed through the ``spacy_factories`` entry point).

``graphkit_paragraphs`` runs before the parser and starts a new sentence
after every line break, so that a headline, a byline or a list item never
runs into the next paragraph's first sentence, and after a dateline
("SAN FRANCISCO (CN) —", "Berlin, 5 September 2019 –"), so that the place a
story was filed from is never read as the subject of its first sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and token.is_space or token.whitespace_ == "\n":
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


_DASHES = {"\u2014", "\u2013", "-", "--"}
_DATELINE_TOKENS = 8


def dateline_end(doc: Doc, token) -> int | None:
    """The index of the dash that ends a dateline opening a paragraph at ``token``, else None: capitalised
    words, numbers and brackets up to a dash ("SAN FRANCISCO (CN) —", "Berlin, 5 September 2019 –")."""
    if token.i and not ("\n" in doc[token.i - 1].text_with_ws or doc[token.i - 1].is_space):
        return None
    if not token.is_alpha or not (token.is_title or token.is_upper):
        return None
    for other in doc[token.i + 1:token.i + _DATELINE_TOKENS]:
        if other.text in _DASHES and other.whitespace_ and other.i + 1 < len(doc):
            return other.i
        if not (other.is_title or other.is_upper or other.is_punct or other.like_num) or "\n" in other.text_with_ws:
            return None
    return None


def mark_dateline_ends(doc: Doc) -> Doc:
    """A paragraph that opens with a dateline: the sentence after it starts after the dash."""
    for token in doc:
        dash = dateline_end(doc, token)
        if dash is not None:
            doc[dash + 1].is_sent_start = True
    return doc


@Language.component("graphkit_paragraphs", assigns=["token.is_sent_start"])
def graphkit_paragraphs(doc: Doc) -> Doc:
    return mark_dateline_ends(mark_paragraph_starts(doc))
