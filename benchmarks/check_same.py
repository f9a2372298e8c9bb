"""Dump what reading, annotation and extraction find in every article we hold, to compare two versions.

Run: python benchmarks/check_same.py OUT.json  (then diff the files of two versions)
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from diplomatic_events.extract.context import annotate
from diplomatic_events.extract.pipeline import _plain, extract_article, records_json
from diplomatic_events.extract.reader import article_paths, read_article

REPO = Path(__file__).resolve().parents[1]


def dump(path: Path) -> dict:
    article = read_article(path)
    ctx = annotate(article)
    return _plain({
        "article": {k: v for k, v in asdict(article).items() if k != "raw"},
        "actors": [asdict(a) for a in ctx.actors.values()],
        "sentences": [
            {"actors": [asdict(m) for m in a.actors], "places": [repr(p) for p in a.places],
             "dates": [asdict(d) for d in a.dates], "tense": a.tense}
            for a in ctx.sentences
        ],
        "records": records_json(extract_article(article)),
    })


def main() -> None:
    folders = [REPO / "corpus", REPO / "tests" / "articles", *sorted(REPO.glob("tests/heldout*/corpus"))]
    paths = [p for folder in folders for p in article_paths(folder)]
    result = {str(p.relative_to(REPO)): dump(p) for p in paths}
    text = json.dumps(result, indent=1, sort_keys=True, default=str)
    # Repository-relative paths, so that dumps of two checkouts compare equal.
    Path(sys.argv[1]).write_text(text.replace(json.dumps(str(REPO) + "/")[1:-1], ""))


if __name__ == "__main__":
    main()
