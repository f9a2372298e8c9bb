"""Write the dataset card (README.md of a release) from the package and the schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional

from ..schema import TABLES, countries, overview_markdown
from .citation import CITATION_FILE, CODE_LICENSE, bibtex, reference
from .load import load, package_dir as resolve, read_descriptor
from .validate import coverage

FIGURE_PNG = "figures/timeline.png"
FIGURE_SVG = "figures/timeline.svg"
METRICS = ("precision", "recall", "f1")

PIPELINE = """\
1. **Read**: each article is read byte for byte with its metadata sidecar; boilerplate is
   removed and the text is split into sentences, keeping every character offset.
2. **Extract**: rules find actors (people, organisations, states), dates (resolved against the
   publication date, kept as EDTF with their precision), and candidate visits, meetings and
   statements, each with the sentence that supports it.
3. **Merge**: candidates that describe the same real-world event across sentences and articles
   become one record with a stable identifier; a visit's status follows the latest report, and
   disagreements are kept in `conflicts`.
4. **Correct**: reviewed corrections (drop, set, merge, add) are applied from YAML files.
5. **Publish and validate**: every table is written as CSV and Parquet with its Table Schema;
   the package is checked (types, keys, hashes, CSV = Parquet, evidence for every record)
   before release.
"""


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _states(codes: Counter) -> str:
    names = countries()
    if not codes:
        return "none"
    return ", ".join(f"{names.get(c, c)} ({c}, {n})" for c, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])))


def _coverage(desc: dict[str, Any], tables: Mapping[str, list]) -> list[str]:
    cover = desc.get("temporalCoverage") or {}
    first, last = coverage(dict(tables))
    hosts = Counter(v.host_country for v in tables["visits"])
    actor_states = Counter(a.country for a in tables["actors"] if a.country)
    lines = [
        "## Coverage",
        "",
        f"- Articles published: {cover.get('start', 'unknown')} to {cover.get('end', 'unknown')} "
        f"({len(tables['sources'])} articles).",
        f"- Records dated: {first or 'no dated records'}" + (f" to {last}." if last else "."),
        f"- States visited (host countries, with visits): {_states(hosts)}.",
        f"- States of the actors (with actors): {_states(actor_states)}.",
        "",
        *_table(["table", "rows"], [[f"`{name}`", len(rows)] for name, rows in tables.items()]),
        "",
    ]
    for name in ("visits", "meetings"):
        statuses = Counter(r.status for r in tables[name])
        if statuses:
            listed = ", ".join(f"{s} {n}" for s, n in sorted(statuses.items()))
            lines.append(f"- `{name}` by status: {listed}.")
    return lines + [""]


def _score(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, (int, float)) else "–"


def _quality(evaluation: Optional[Mapping[str, Any]]) -> list[str]:
    lines = ["## Quality", ""]
    if not evaluation:
        return lines + ["Extraction quality: not measured for this release.", ""]
    lines += ["Precision, recall and F1 of the extracted records against hand-coded articles:", ""]
    for name, result in evaluation.items():
        if isinstance(result, Mapping) and all(isinstance(v, Mapping) for v in result.values()):
            lines += [f"### {name}", ""]
            rows = [[kind] + [_score(scores.get(m)) for m in METRICS] for kind, scores in result.items()]
            lines += _table(["kind", "precision", "recall", "F1"], rows) + [""]
        else:
            lines += [f"- {name}: {result}", ""]
    return lines


def _licence(desc: dict[str, Any]) -> list[str]:
    lic = (desc.get("licenses") or [{}])[0]
    publishers = ", ".join(s["title"] for s in desc.get("sources", []) if s.get("title"))
    lines = ["## Licence", "",
             f"Data: {lic.get('title', lic.get('name', 'see datapackage.json'))} ({lic.get('name', '')}), "
             f"{lic.get('path', '')}. Code that made it: {CODE_LICENSE}.",
             "The files hold no article text beyond one sentence of evidence per mention and the quoted "
             "words of statements."]
    if publishers:
        lines.append(f"The source articles belong to their publishers: {publishers}.")
    return lines + [""]


def _cite(desc: dict[str, Any]) -> list[str]:
    return ["## How to cite", "", f"{reference(desc)}", "",
            f"Machine-readable: `{CITATION_FILE}`. BibTeX:", "", "```bibtex", bibtex(desc), "```", ""]


def render_card(package_dir: Path, evaluation: Optional[Mapping[str, Any]] = None) -> str:
    """Return the dataset card (Markdown) of a package, with an evaluation summary if given."""
    directory = resolve(package_dir)
    desc = read_descriptor(directory)
    tables = {name: load(name, as_="records", package=directory) for name in TABLES}
    lines = [
        f"# {desc.get('title', desc['name'])}",
        "",
        f"Version {desc['version']}" + (f", created {desc['created'][:10]}" if desc.get("created") else "") + ".",
        "",
        "## What the data is",
        "",
        desc.get("description", ""),
        "",
        "Each table is a CSV file and a Parquet file with the same Table Schema, described in "
        "`datapackage.json` (a Frictionless Data Package, with every file's size and sha256) and "
        "in `croissant.json` (Croissant 1.0).",
        "",
        f"![Visits and meetings over time]({FIGURE_PNG})",
        "",
        f"(also as [SVG]({FIGURE_SVG}))",
        "",
        *_coverage(desc, tables),
        "## Tables and fields",
        "",
        overview_markdown().rstrip(),
        "",
        "## How records are made",
        "",
        PIPELINE,
        *_quality(evaluation),
        *_licence(desc),
        *_cite(desc),
    ]
    return "\n".join(lines).rstrip() + "\n"
