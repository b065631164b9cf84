"""spaCy components that graphkit registers (also exposed through the ``spacy_factories`` entry point).

``graphkit_paragraphs`` runs before the parser and starts a new sentence
after every line break, so that a headline, a byline or a list item never
runs into the next paragraph's first sentence.
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


@Language.component("graphkit_paragraphs", assigns=["token.is_sent_start"])
def graphkit_paragraphs(doc: Doc) -> Doc:
    return mark_paragraph_starts(doc)
