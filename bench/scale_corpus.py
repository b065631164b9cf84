"""Generated news articles for the scaling benchmarks: templated sentences, varied names.

    python bench/scale_corpus.py N OUT.jsonl [--words W] [--seed S]

Each article tells one small story of the field (a vendor sells a technology
to a police force, a group criticises it, a regulator fines someone, a city
bans it, a company buys another) with names drawn from lists of parts, so
that entities repeat across articles as in a real archive, padded with
plain reporting sentences to about W words. The same N and seed always give
the same articles.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

FIRST = ["Norvik", "Brightwell", "Cadence", "Halden", "Marlow", "Quentar", "Sablewood", "Tarrant", "Veltro",
         "Ashgrove", "Kestrel", "Lumen", "Orrin", "Pallas", "Rowan", "Stratum", "Tamsin", "Wexford"]
SECOND = ["Analytics", "Systems", "Vision", "Labs", "Technologies", "Security", "Dynamics", "Networks"]
CITIES = ["Millbrook", "Easton", "Riverside", "Fairhaven", "Oakridge", "Lakewood", "Brampton", "Kingsport",
          "Westfield", "Harlow", "Dunmore", "Clayton"]
GROUPS = ["Privacy Alliance", "Digital Rights Watch", "Civil Liberties Project", "Surveillance Accountability Network",
          "Open Society Forum"]
REGULATORS = ["Federal Trade Commission", "Information Commissioner's Office", "Data Protection Authority"]
TECH = ["face recognition", "license plate readers", "predictive policing software", "gunshot detection",
        "emotion recognition", "social media monitoring tools"]
GIVEN = ["Maria", "James", "Aisha", "Tomas", "Priya", "Daniel", "Elena", "Samuel", "Grace", "Omar", "Lena", "Victor"]
FAMILY = ["Okafor", "Lindqvist", "Moreau", "Castillo", "Whitaker", "Nakamura", "Brennan", "Haddad", "Kowalski",
          "Ferreira", "Adeyemi", "Sorensen"]
STORY = [
    "{company} has sold {tech} to the {city} Police Department, according to records obtained by reporters.",
    "The contract with the {city} Police Department is worth ${amount} million over three years.",
    "{person}, a spokesperson for the {group}, criticized {company} for selling {tech} to police.",
    "\"This technology has no place in our streets,\" said {person}, who directs the {group}.",
    "The {regulator} fined {company} ${amount} million over its {tech} practices.",
    "The {regulator} is investigating {other} over how it collected images of residents.",
    "{company} acquired {other} in a deal announced on Tuesday.",
    "The {city} City Council voted to ban the use of {tech} by city agencies.",
    "{person2}, the chief executive of {company}, defended the product in a statement.",
    "The {group} sued the {city} Police Department over its use of {tech}.",
    "{other} develops {tech} for retailers and transport operators.",
]
FILLER = [
    "The meeting lasted more than three hours and drew a large crowd.",
    "Officials did not respond to several requests for comment before publication.",
    "Residents who spoke at the hearing were divided over the proposal.",
    "The documents were released after a public records request filed last year.",
    "Several council members said they needed more time to study the details.",
    "The company said it would review the findings and respond in due course.",
    "Local newspapers have covered the debate for months.",
    "Budget figures for the coming year are expected to be published in the spring.",
    "A second vote is scheduled for next month.",
    "Critics and supporters alike agreed that the rules were unclear.",
]


def company(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SECOND)}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def article(number: int, rng: random.Random, words: int) -> dict:
    names = {"company": company(rng), "other": company(rng), "city": rng.choice(CITIES), "group": rng.choice(GROUPS),
             "regulator": rng.choice(REGULATORS), "tech": rng.choice(TECH), "person": person(rng),
             "person2": person(rng), "amount": rng.randint(2, 90)}
    sentences = [s.format(**names) for s in rng.sample(STORY, k=6)]
    paragraphs, count = [], 0
    while count < words:
        paragraph = [rng.choice(sentences)] + rng.sample(FILLER, k=3)
        paragraphs.append(" ".join(paragraph))
        count += sum(len(s.split()) for s in paragraph)
    title = f"{names['company']} and {names['tech']} in {names['city']}"
    return {"id": f"generated-{number:06d}", "title": title, "url": f"https://news.example.org/{number:06d}",
            "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}", "text": "\n\n".join(paragraphs)}


def generate(count: int, *, words: int = 400, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    return [article(n, rng, words) for n in range(count)]


def write_jsonl(path: str | Path, count: int, *, words: int = 400, seed: int = 0) -> int:
    """Write the articles as JSON lines; returns the number of words written."""
    total = 0
    with open(path, "w", encoding="utf-8") as out:
        for item in generate(count, words=words, seed=seed):
            total += len(item["text"].split())
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("output")
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    total = write_jsonl(args.output, args.count, words=args.words, seed=args.seed)
    print(f"{args.output}: {args.count} articles, {total} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
