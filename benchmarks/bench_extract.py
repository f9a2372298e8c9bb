"""Extraction throughput beside spaCy's blank English tokenizer, on the same texts, in one run.

Prints articles/s for: reading each file and running the tokenizer (spacy.blank("en")) on it,
the reference; reading + cleaning + sentence splitting; actor and date tagging (annotate); and the
whole extraction (records); and one pass of the meeting rules' trigger pattern over each text, what a
single regex rule costs; with the ratio of each to the tokenizer, and the peak memory of the whole
extraction pass. Stages take turns within every round and each reports the median CPU time
of its rounds (CPU time, not wall time, so that time the machine gives other work is not counted).
Run: python benchmarks/bench_extract.py [--corpus DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

from diplomatic_events.extract.context import annotate
from diplomatic_events.extract.meetings import TRIGGER
from diplomatic_events.extract.pipeline import extract_article
from diplomatic_events.extract.reader import article_paths, read_article

REPO = Path(__file__).resolve().parents[1]
REFERENCE = "read + spaCy blank('en') tokenizer (reference)"


Stage = tuple[Callable[[Any], Any], list]


def median_seconds(stages: dict[str, Stage], rounds: int) -> dict[str, float]:
    """Return each stage's median CPU time over all its items; stages take turns within every round."""
    times: dict[str, list[float]] = {label: [] for label in stages}
    for _ in range(rounds):  # interleaved, so that a slower or faster spell of the machine hits every stage
        for label, (work, items) in stages.items():
            start = time.process_time()
            for item in items:
                work(item)
            times[label].append(time.process_time() - start)
    return {label: statistics.median(values) for label, values in times.items()}


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

    def scan_triggers(text: str) -> int:
        # What one regex rule costs on its own: the floor under any design that keeps such patterns.
        return sum(1 for _ in TRIGGER.finditer(text))

    stages: dict[str, Stage] = {
        REFERENCE: (tokenize, paths),
        "read + clean + sentences": (read_article, paths),
        "annotate (actors, places, dates, tense)": (annotate, articles),
        "read + whole extraction": (lambda p: extract_article(read_article(p)), paths),
        "one pass of the meeting trigger pattern": (scan_triggers, texts),
    }
    seconds = median_seconds(stages, args.rounds)
    rates = {label: len(paths) / value for label, value in seconds.items()}
    tracemalloc.start()
    for path in paths:
        extract_article(read_article(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    reference = rates[REFERENCE]
    print(f"{len(paths)} articles ({megabytes:.2f} MB), median of {args.rounds} interleaved rounds")
    for label, value in rates.items():
        print(f"{label:<44} {value:9.1f} articles/s   ratio to tokenizer {value / reference:5.2f}")
    print(f"peak traced memory of one extraction pass: {peak / 1e6:.1f} MB; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
