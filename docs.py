"""Regenerate the README's generated sections: python -m diplomatic_events.docs README.md

The table overview comes from the schema; the quality table from `evaluate` on the gold sets the
repository ships (tests/gold/*.yaml with their corpora). Nothing in those sections is typed by hand.
"""

from __future__ import annotations

import re
import sys
from importlib import resources
from pathlib import Path

from .schema.generate import overview_markdown

REPO = Path(str(resources.files("diplomatic_events")))
# Gold sets whose scores the README reports: (label, gold file, corpus folder), repository-relative.
GOLD_SETS = (
    ("seeds (development)", "tests/gold/seeds.yaml", "corpus"),
    ("extra (development)", "tests/gold/extra.yaml", "tests/articles"),
    ("held-out 1 (tuned on)", "tests/heldout/gold.yaml", "tests/heldout/corpus"),
    ("held-out 2 (tuned on)", "tests/heldout2/gold.yaml", "tests/heldout2/corpus"),
    ("held-out 3 (tuned on)", "tests/heldout3/gold.yaml", "tests/heldout3/corpus"),
    ("held-out 4 (tuned on)", "tests/heldout4/gold.yaml", "tests/heldout4/corpus"),
    ("held-out 5 (tuned on)", "tests/heldout5/gold.yaml", "tests/heldout5/corpus"),
    ("held-out 6 (tuned on)", "tests/heldout6/gold.yaml", "tests/heldout6/corpus"),
    ("held-out 7 (tuned on)", "tests/heldout7/gold.yaml", "tests/heldout7/corpus"),
    ("held-out 8 (tuned on)", "tests/heldout8/gold.yaml", "tests/heldout8/corpus"),
    ("held-out 9 (tuned on)", "tests/heldout9/gold.yaml", "tests/heldout9/corpus"),
    ("held-out 10 (tuned on)", "tests/heldout10/gold.yaml", "tests/heldout10/corpus"),
    ("held-out 11 (tuned on)", "tests/heldout11/gold.yaml", "tests/heldout11/corpus"),
    ("held-out 12 (tuned on)", "tests/heldout12/gold.yaml", "tests/heldout12/corpus"),
    ("held-out 13 (tuned on)", "tests/heldout13/gold.yaml", "tests/heldout13/corpus"),
    ("held-out 14 (tuned on)", "tests/heldout14/gold.yaml", "tests/heldout14/corpus"),
    ("held-out 15 (tuned on)", "tests/heldout15/gold.yaml", "tests/heldout15/corpus"),
    ("held-out 16 (tuned on)", "tests/heldout16/gold.yaml", "tests/heldout16/corpus"),
    ("held-out 17 (tuned on)", "tests/heldout17/gold.yaml", "tests/heldout17/corpus"),
    ("held-out 18 (tuned on)", "tests/heldout18/gold.yaml", "tests/heldout18/corpus"),
    ("held-out 19 (tuned on)", "tests/heldout19/gold.yaml", "tests/heldout19/corpus"),
    ("held-out 20 (blind)", "tests/heldout20/gold.yaml", "tests/heldout20/corpus"),
    ("held-out 21 (blind)", "tests/heldout21/gold.yaml", "tests/heldout21/corpus"),
)


def _section(text: str, name: str, body: str) -> str:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise ValueError(f"README has no {start} ... {end} section")
    return pattern.sub(lambda _: f"{start}\n{body}{end}", text, count=1)


def quality_markdown(root: Path = REPO) -> str:
    """Return the quality table: evaluate on every shipped gold set."""
    from .dataset.build import build
    from .dataset.evaluate import evaluate_build, load_gold

    lines = ["| gold set | articles | kind | precision | recall | F1 | status accuracy | mode accuracy |",
             "|---|---|---|---|---|---|---|---|"]
    events = []
    for label, gold_path, corpus in GOLD_SETS:
        result = build(root / corpus, None, write=False, keep_records=True, corrections=None)
        report = evaluate_build([load_gold(root / gold_path)], result)
        for score in report.kinds.values():
            status = "–" if score.status_accuracy is None else f"{score.status_accuracy:.2f}"
            mode = "–" if score.mode_accuracy is None else f"{score.mode_accuracy:.2f}"
            lines.append(f"| {label} | {report.articles} | {score.kind}s | {score.precision:.2f} | "
                         f"{score.recall:.2f} | {score.f1:.2f} | {status} | {mode} |")
        if report.events is not None:
            ev = report.events
            events.append(f"{label}: {ev.merged} of {len(ev.results)} multi-article events merged into one record, "
                          f"{ev.duplicates} duplicate records")
    return "\n".join(lines) + "\n\n" + "".join(f"- {line}\n" for line in events)


def regenerate(text: str, *, quality: bool = True) -> str:
    """Return README text with its generated sections rebuilt."""
    text = _section(text, "tables", overview_markdown())
    if quality:
        text = _section(text, "quality", quality_markdown())
    return text


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    target.write_text(regenerate(target.read_text("utf-8")), "utf-8")
