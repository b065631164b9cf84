"""Synthetic but realistic news articles about technology accountability, for benchmarks.

Templated paragraphs in the style of local and trade reporting: a vendor sells a
surveillance technology to a police department, a rights group objects, a
regulator fines or investigates, a council bans, an investor funds, a company
acquires another. Names vary the way reporters vary them: a full name first
("Kestrel Vision Systems Inc."), a short one later ("Kestrel Vision"),
acronyms defined in parentheses, people by full name then surname.
Deterministic for a given seed.

    python bench/synthetic_articles.py OUT.jsonl [--count 1010] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta

FIRST = ["Halvorsen", "Lumora", "Kestrel", "Verity", "Northwind", "Brightline", "Cobalt", "Sentinel", "Argus",
         "Nimbus", "Quillon", "Ravenna", "Solace", "Tessera", "Umbra", "Vantage", "Wexford", "Yarrow", "Zephyr",
         "Altamira", "Bastion", "Corvid", "Dovetail", "Ember", "Fathom", "Glint", "Harbinger", "Ironclad",
         "Juniper", "Keystone", "Lattice", "Meridian", "Nocturne", "Obsidian", "Paragon", "Quorum", "Rampart"]
SECOND = ["Vision", "Analytics", "Labs", "Systems", "Security", "AI", "Technologies", "Robotics", "Data", "Sensing"]
PRODUCT_WORDS = ["Sentry", "Lens", "Beacon", "Watch", "Trace", "Scout", "Halo", "Matrix", "Pulse", "Vault"]
CITIES = ["Millbrook", "Harlow", "Springfield", "Fairhaven", "Oakridge", "Riverton", "Ashford", "Clearwater",
          "Dunmore", "Eastport", "Glenwood", "Hartley", "Kingsbridge", "Lakeside", "Marlow", "Newcastle",
          "Pinecrest", "Redfield", "Stonebridge", "Westbury", "Brookhaven", "Cedar Falls", "Elmhurst", "Greystone"]
STATES = ["Ohio", "Oregon", "Texas", "Georgia", "Michigan", "Arizona", "Colorado", "Nevada", "Virginia", "Maine"]
GROUPS = [("Electronic Frontier Foundation", "EFF"), ("Fight for the Future", ""), ("Surveillance Technology Oversight Project", "STOP"),
          ("Digital Rights Watch", ""), ("Privacy Action Network", ""), ("Center for Civic Technology", ""),
          ("Open Streets Coalition", ""), ("Algorithmic Justice League", "AJL"), ("Data Justice Lab", "")]
REGULATORS = [("Federal Trade Commission", "FTC"), ("Consumer Financial Protection Bureau", "CFPB"),
              ("Information Commissioner's Office", "ICO"), ("Department of Justice", "DOJ")]
INVESTORS = ["Andreessen Horowitz", "Sequoia Capital", "Founders Fund", "Blockchain Capital", "Lightspeed Venture Partners"]
TECHNOLOGIES = ["facial recognition", "automated license plate readers", "predictive policing", "gunshot detection",
                "emotion recognition", "gait recognition", "social media monitoring", "cell-site simulators"]
FIRST_NAMES = ["Ada", "Marcus", "Helen", "Tomas", "Priya", "Jonah", "Leah", "Samuel", "Nadia", "Owen", "Rosa",
               "Caleb", "Dana", "Elena", "Grant", "Ingrid", "Kofi", "Lina", "Mateo", "Noor", "Pavel", "Quinn"]
LAST_NAMES = ["Lund", "Feld", "Osei", "Reyes", "Marsh", "Pereira", "Sorensen", "Levine", "Haddad", "Brandt",
              "Castellanos", "Morris", "Whitfield", "Marchetti", "Hollis", "Okafor", "Vega", "Kowalski", "Nakamura"]
FILLER = [
    "The contract runs for three years and includes training for officers and maintenance of the servers.",
    "Records show that the system was used in more than {n} investigations last year.",
    "Critics say the technology has been deployed with little public debate and no independent audit.",
    "A spokesperson for the city declined to say how long the data would be kept.",
    "The debate echoes similar fights in other cities over the past five years.",
    "Officials said the program would be reviewed after twelve months.",
    "The documents were obtained through a public records request and shared with reporters.",
    "Residents packed a public meeting on Tuesday evening, many of them opposed to the plan.",
]
BACKGROUND = [
    "Police departments across the country have spent heavily on surveillance tools over the past decade, "
    "often with federal grant money that does not require a public vote. Supporters say the tools help solve "
    "crimes faster; opponents say they are rarely evaluated and that mistakes fall hardest on the poor.",
    "{city} has about {n} thousand residents and a police force of a few hundred officers. The department's "
    "budget has grown every year since 2015, and a growing share of it goes to software licences, data "
    "storage and the contractors who maintain them.",
    "The use of {technology} by police has drawn scrutiny since studies found higher error rates for some "
    "groups of people. Several wrongful arrests have been traced to bad matches, and at least two cities have "
    "paid settlements to people who were held after a false identification.",
    "Under the contract, the vendor keeps the data on its own servers, and the city may ask for copies at any "
    "time. The agreement does not say what happens to the data if the contract ends, a gap that privacy "
    "lawyers say is common in such deals.",
    "At the council meeting, speakers lined up for more than two hours. Some described being stopped by "
    "officers after a camera flagged their car; others said the system had helped find a missing child last "
    "winter and asked the council to keep it.",
    "State lawmakers have introduced several bills that would require warrants for some searches and public "
    "reports on how often the tools are used, but none has passed. A similar bill failed last year after "
    "opposition from police unions and vendors.",
]


class Cast:
    """The names one article uses, each with the forms a reporter would write."""

    def __init__(self, rng: random.Random):
        first, second = rng.choice(FIRST), rng.choice(SECOND)
        self.company = f"{first} {second}"
        self.company_full = self.company + rng.choice(["", " Inc.", " Corp."])
        self.company2 = f"{rng.choice([f for f in FIRST if f != first])} {rng.choice(SECOND)}"
        self.product = f"{first} {rng.choice(PRODUCT_WORDS)}"
        self.city = rng.choice(CITIES)
        self.agency = f"{self.city} Police Department"
        self.council = f"{self.city} City Council"
        self.university = rng.choice(["University of Michigan", "Georgetown Law Center on Privacy and Technology",
                                      "MIT Media Lab", "University of Toronto", "Stanford Internet Observatory"])
        self.group, self.group_acronym = rng.choice(GROUPS)
        self.chapter = f"ACLU of {rng.choice(STATES)}"
        self.regulator, self.regulator_acronym = rng.choice(REGULATORS)
        self.investor = rng.choice(INVESTORS)
        self.technology = rng.choice(TECHNOLOGIES)
        self.people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(3)]


def paragraphs(cast: Cast, rng: random.Random) -> list[str]:
    c, p = cast, cast.people
    group_first = f"{c.group} ({c.group_acronym})" if c.group_acronym else c.group
    group_again = c.group_acronym or f"The {c.group.split()[-1].lower()}" if c.group_acronym else c.group
    amount = rng.choice([1.2, 2.5, 4, 7.8, 12, 18, 30, 60])
    blocks = [
        f"The {c.agency} has signed a ${amount} million contract with {c.company_full} for {c.technology} "
        f"software, according to records obtained by {group_first}.",
        f"{c.company}, a {c.city} company founded in {rng.randint(2008, 2019)}, sells {c.product} to police "
        f"departments across the country. {c.product} uses {c.technology} to search hours of video in seconds.",
        f"{p[0]}, a spokesperson for {c.group}, criticized the deal. \u201cThis is {c.technology} without rules, "
        f"and it will be used against the people who can least afford a mistake,\u201d {p[0].split()[-1]} said.",
        f"{p[1]}, the chief executive of {c.company}, defended the product in an interview. "
        f"\u201cOur customers use it carefully,\u201d {p[1].split()[-1]} said.",
        f"The {c.regulator} ({c.regulator_acronym}) is investigating {c.company} over its accuracy claims. "
        f"In {rng.randint(2019, 2023)}, the {c.regulator_acronym} fined {c.company2} ${rng.randint(2, 40)} million "
        f"for similar practices.",
        f"The {c.chapter} sued the {c.agency} in federal court, arguing that the use of {c.technology} "
        f"violates the Fourth Amendment. {group_again} supports the lawsuit.",
        f"{c.company} acquired {c.company2}, a startup that develops {rng.choice(TECHNOLOGIES)}, last year. "
        f"{c.investor} invested ${rng.randint(10, 90)} million in {c.company} in {rng.randint(2018, 2023)}.",
        f"The {c.council} voted {rng.randint(5, 9)}-{rng.randint(0, 4)} to ban {c.technology} in March. "
        f"{p[2]}, a member of the council, said the ban would protect residents.",
        f"The {c.agency} already uses {c.product} at {rng.randint(12, 300)} intersections, and officers can "
        f"query the system from their phones. The department said it audits every search, but it has not "
        f"published the results of any audit since the program began.",
        f"Researchers at the {c.university} tested {c.product} last year and found that it misidentified "
        f"darker-skinned women far more often than lighter-skinned men. {c.company} disputed the findings and "
        f"said the researchers had used an outdated version of the software.",
        f"{c.company} has a partnership with {c.company2} to share data between their platforms, a deal "
        f"that {c.group} called a threat to privacy. Neither company would say how many people are in the "
        f"shared database or how long the records are kept.",
    ]
    rng.shuffle(blocks)
    kept = blocks[: rng.randint(9, 11)]
    for _ in range(rng.randint(4, 6)):
        kept.insert(rng.randint(1, len(kept)), rng.choice(FILLER).format(n=rng.randint(40, 900)))
    for text in rng.sample(BACKGROUND, rng.randint(3, 5)):
        kept.insert(rng.randint(1, len(kept)), text.format(city=c.city, technology=c.technology, n=rng.randint(40, 900)))
    return kept


def article(number: int, rng: random.Random) -> dict:
    cast = Cast(rng)
    day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))
    title = f"{cast.agency} buys {cast.technology} from {cast.company}"
    return {"id": f"synthetic-{number:05d}", "url": f"https://news.example/{number:05d}", "title": title,
            "date": day.isoformat(), "text": title + "\n\n" + "\n\n".join(paragraphs(cast, rng))}


def articles(count: int, seed: int = 7, start: int = 0) -> list[dict]:
    rng = random.Random(seed)
    made = [article(n, rng) for n in range(start + count)]
    return made[start:]


def write_jsonl(path, items: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=1010)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_jsonl(args.out, articles(args.count, args.seed))


if __name__ == "__main__":
    main()
