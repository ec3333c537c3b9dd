"""Generate a realistic council corpus for the benchmark.

N publications of M pages of council-style text, each publication with front
matter, glossary terms in its text, an easy-read page, an outcomes.yml and a
CSV chart; plus a glossary of G terms, and a glossary of its first term only.
Deterministic for a given size.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

SENTENCES = [
    "The council will work with partners to improve {t} for people who need care and support.",
    "People told us that {t} matters to them and that they want clear information about it.",
    "We will review how {t} is arranged and report progress to the committee each year.",
    "The partnership board monitors {t} and publishes what it finds.",
    "Carers and families said that {t} should be easier to find and to understand.",
    "In 2017/18 the number of people using {t} rose by twelve per cent.",
    "Our aim is that everyone who is eligible gets {t} at the right time and in the right place.",
    "Providers rated good or outstanding by the regulator offer better {t} overall.",
]
PLAIN = ["housing", "transport", "support", "health", "employment", "day services", "information", "advice"]
EASY_ROWS = [
    ":material-home: We want you to have a good place to live.",
    ":material-bus: We will make buses easier to use.",
    ":material-cash: We will help you with money.",
    ":material-heart-pulse: We want you to be healthy.",
]


def glossary_terms(count: int, rng: random.Random) -> list[str]:
    syllables = ["ca", "re", "mo", "ti", "va", "lu", "per", "son", "al", "di", "rect", "ble"]
    terms: set[str] = set()
    while len(terms) < count:
        terms.add("".join(rng.choice(syllables) for _ in range(rng.randint(3, 5))))
    return sorted(terms)


def page_text(rng: random.Random, terms: list[str], paragraphs: int = 8) -> str:
    blocks = []
    for number in range(paragraphs):
        if number % 3 == 0:
            blocks.append(f"## Section {number // 3 + 1}")
        words = [rng.choice(terms) if terms and rng.random() < 0.5 else rng.choice(PLAIN) for _ in range(4)]
        blocks.append(" ".join(rng.choice(SENTENCES).format(t=w) for w in words))
    return "\n\n".join(blocks) + "\n"


def write_publication(root: Path, number: int, pages: int, rng: random.Random, terms: list[str]) -> None:
    slug = f"publication-{number:03d}"
    folder = root / "content" / slug
    folder.mkdir(parents=True)
    status = ["published", "consultation", "published", "draft"][number % 4]
    (folder / "index.md").write_text(
        f"---\ntitle: Strategy {number}\nsubtitle: A plan for adult social care\ntype: strategy\nstatus: {status}\n"
        f"published: 2018-07-02\nreview_by: 2022-07-01\nowner: Partnership Board\nsummary: What we will do and why.\n"
        f"easy_read: true\n---\n\n{page_text(rng, terms)}\n/// chart | Ratings of services\ndata: ratings.csv\ntype: bar\n///\n",
        encoding="utf-8",
    )
    (folder / "ratings.csv").write_text("Rating,Services\nOutstanding,12\nGood,240\nRequires improvement,61\nInadequate,7\n", encoding="utf-8")
    for chapter in range(1, pages):
        (folder / f"chapter-{chapter:02d}.md").write_text(f"---\ntitle: Chapter {chapter}\n---\n\n{page_text(rng, terms)}", encoding="utf-8")
    (folder / "outcomes.yml").write_text(outcomes_yaml(number), encoding="utf-8")
    easy = root / "easyread" / slug
    easy.mkdir(parents=True)
    (easy / "index.md").write_text("---\ntitle: Easy read\n---\n\n" + "\n\n".join(EASY_ROWS) + "\n", encoding="utf-8")


def outcomes_yaml(number: int) -> str:
    lines = ["outcomes:"]
    for outcome in range(1, 4):
        lines += [f"  - id: O{outcome}", f"    title: Outcome {outcome} of plan {number}", "    easy_read: Things get better.",
                  "    picture: material-home", "    measures:", "      - More people say things are better", "    actions:"]
        for action in range(1, 3):
            lines += [f"      - id: A{outcome}.{action}", f"        title: Action {action}", "        owner: The council",
                      "        due: 2019-03-31", "        updates:", "          - date: 2018-10-01", "            status: underway",
                      "            note: Work has started."]
    return "\n".join(lines) + "\n"


def generate(root: Path, pages: int, per_publication: int = 10, glossary: int = 500, seed: int = 1) -> Path:
    """Write a corpus of about ``pages`` standard pages into ``root``; returns root."""
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    terms = glossary_terms(glossary, rng)
    (root / "content").mkdir(parents=True)
    (root / "content" / "index.md").write_text("---\ntitle: Publications\n---\n\nWelcome.\n", encoding="utf-8")
    for number in range(max(1, pages // per_publication)):
        write_publication(root, number, per_publication, rng, terms)
    entries = [f"- term: {t}\n  means: A plain meaning of {t}.\n" for t in terms]
    (root / "content" / "glossary.yml").write_text("".join(entries), encoding="utf-8")
    # The same site pages with a one-term glossary: what the 500 terms add beyond the glossary pages.
    (root / "content" / "glossary-one-term.yml").write_text(entries[0], encoding="utf-8")
    return root


def generate_plain(root: Path, pages: int, per_folder: int = 10, seed: int = 1) -> Path:
    """Write ``pages`` plain Markdown pages into ``root`` (no publications, glossary, easy read,
    outcomes or charts): what the plugin costs on a site that uses none of its features."""
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    (root / "content").mkdir(parents=True)
    (root / "content" / "index.md").write_text("---\ntitle: Home\n---\n\nWelcome.\n", encoding="utf-8")
    for number in range(max(1, pages // per_folder)):
        folder = root / "content" / f"section-{number:03d}"
        folder.mkdir()
        for page in range(1, per_folder + 1):
            (folder / f"page-{page:02d}.md").write_text(f"---\ntitle: Page {page}\n---\n\n{page_text(rng, [])}", encoding="utf-8")
    return root


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--glossary", type=int, default=500)
    args = parser.parse_args()
    generate(args.root, args.pages, glossary=args.glossary)
