"""Extraction throughput beside spaCy's blank English tokenizer, on the same texts, in one run.

Prints articles/s for: reading each file and running the tokenizer (spacy.blank("en")) on it,
the reference; reading + cleaning + sentence
splitting, + actor and date tagging (annotate), and the whole extraction (records), with the ratio
of each to the tokenizer, and the peak memory of the whole extraction pass.
Run: python benchmarks/bench_extract.py [--corpus DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from diplomatic_events.extract.context import annotate
from diplomatic_events.extract.pipeline import extract_article
from diplomatic_events.extract.reader import article_paths, read_article

REPO = Path(__file__).resolve().parents[1]


def rate(label: str, work, items: list, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            work(item)
    seconds = time.perf_counter() - start
    return len(items) * rounds / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help="article folder (repeatable; default: every article folder of the repository)")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    folders = args.corpus or [REPO / "corpus", REPO / "tests" / "articles",
                              *sorted(REPO.glob("tests/heldout*/corpus"))]
    paths = [p for folder in folders for p in article_paths(folder)]
    texts = [p.read_text("utf-8", errors="replace") for p in paths]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6

    import spacy

    nlp = spacy.blank("en")
    for text in texts:  # warm up every stage once
        nlp(text)
    articles = [read_article(p) for p in paths]
    for article in articles:
        extract_article(article)

    def tokenize(path: Path):
        return nlp(path.read_text("utf-8", errors="replace"))

    rates = {
        "read + spaCy blank('en') tokenizer (reference)": rate("tok", tokenize, paths, args.rounds),
        "read + clean + sentences": rate("read", read_article, paths, args.rounds),
        "annotate (actors, places, dates, tense)": rate("tag", annotate, articles, args.rounds),
        "read + whole extraction": rate("all", lambda p: extract_article(read_article(p)), paths, args.rounds),
    }
    tracemalloc.start()
    for path in paths:
        extract_article(read_article(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    reference = rates["read + spaCy blank('en') tokenizer (reference)"]
    print(f"{len(paths)} articles ({megabytes:.2f} MB) x {args.rounds} rounds")
    for label, value in rates.items():
        print(f"{label:<44} {value:9.1f} articles/s   ratio to tokenizer {value / reference:5.2f}")
    print(f"peak traced memory of one extraction pass: {peak / 1e6:.1f} MB; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
