"""Build corpora of growing size and report speed and peak memory: memory must not grow with them.

The articles are the seeds with their people, states, cities and dates substituted from the lists
below, so every size has the seeds' structure and length. Each build runs in a fresh interpreter;
its own peak RSS (getrusage ru_maxrss) is reported beside the size of the tables it wrote.

Run by hand: python benchmarks/bench_scale.py [--sizes 100,1000,10000] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FIRST = ["Amina", "Boris", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas", "Kemal",
         "Lucia", "Mehmet", "Nadia", "Olaf", "Priya", "Quentin", "Rania", "Stefan", "Tariq", "Ulla", "Viktor"]
LAST = ["Abadi", "Bergström", "Costa", "Demir", "Eriksen", "Fonseca", "Gallo", "Haddad", "Ivanova", "Jansen",
        "Kovač", "Lindqvist", "Morales", "Novak", "Okafor", "Petrov", "Quiroga", "Rahman", "Sato", "Tanaka",
        "Usman", "Varga", "Weber", "Yilmaz", "Zielinski"]
# (name, other name, adjective, capital, another city)
STATES = [
    ("Greece", "Hellenic Republic", "Greek", "Athens", "Thessaloniki"),
    ("Egypt", "Arab Republic of Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("Japan", "Nippon", "Japanese", "Tokyo", "Osaka"),
    ("Brazil", "Federative Republic of Brazil", "Brazilian", "Brasília", "São Paulo"),
    ("Kenya", "Republic of Kenya", "Kenyan", "Nairobi", "Mombasa"),
    ("Poland", "Republic of Poland", "Polish", "Warsaw", "Kraków"),
    ("India", "Republic of India", "Indian", "New Delhi", "Mumbai"),
    ("Mexico", "United Mexican States", "Mexican", "Mexico City", "Guadalajara"),
    ("Indonesia", "Republic of Indonesia", "Indonesian", "Jakarta", "Surabaya"),
    ("Canada", "Canada", "Canadian", "Ottawa", "Toronto"),
    ("Nigeria", "Federal Republic of Nigeria", "Nigerian", "Abuja", "Lagos"),
    ("Norway", "Kingdom of Norway", "Norwegian", "Oslo", "Bergen"),
]
# What the seeds name, and which slot of a generated article replaces it.
PEOPLE = {"Hakan Fidan": 0, "Sergey Lavrov": 1, "Sergei Lavrov": 1, "Vladimir Putin": 2,
          "Recep Tayyip Erdoğan": 3, "Recep Tayyip Erdogan": 3, "Dmitriy Peskov": 4, "Dmitry Peskov": 4,
          "Yuri Ushakov": 5}
SURNAMES = {full.split()[-1]: slot for full, slot in PEOPLE.items()}
STATE_TERMS = {"Türkiye": (0, 0), "Turkey": (0, 0), "Turkish": (0, 2), "Ankara": (0, 3), "Istanbul": (0, 4),
               "Russian Federation": (1, 1), "Russia": (1, 0), "Russian": (1, 2), "Moscow": (1, 3),
               "Sochi": (1, 4)}
CHILD = """
import json, resource, sys, time
from pathlib import Path
from diplomatic_events.dataset.build import build
start = time.perf_counter()
result = build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]), corrections=Path(sys.argv[4]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "articles": result.articles, "peak_kb": peak, "rows": result.counts()}))
"""
BASELINE = """
import json, resource
import diplomatic_events.dataset.build, diplomatic_events.dataset.merge, diplomatic_events.dataset.publish
import diplomatic_events.extract.pipeline, diplomatic_events.extract.reader, pyarrow.parquet, pydantic
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def seeds() -> list[tuple[str, dict]]:
    """Return the bundled seed articles' text and sidecar metadata."""
    folder = Path(str(resources.files("diplomatic_events").joinpath("corpus")))
    out = []
    for path in sorted(folder.glob("*.txt")):
        sidecar = path.with_suffix(".json")
        out.append((path.read_text("utf-8"), json.loads(sidecar.read_text("utf-8")) if sidecar.exists() else {}))
    return out


def _pattern() -> re.Pattern[str]:
    terms = list(PEOPLE) + list(SURNAMES) + list(STATE_TERMS) + MONTHS
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b|\b20\d\d-\d\d-\d\d\b|\b\d\d/\d\d/20\d\d\b|\b20[12]\d\b")


def substitutes(rng: random.Random) -> dict:
    """Return one article's cast: six people, two states and a date."""
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(6)]
    states = rng.sample(STATES, 2)
    year, month, day = rng.randint(2015, 2029), rng.randint(1, 12), rng.randint(1, 28)
    return {"people": people, "states": states, "year": year, "month": month, "day": day}


def rewrite(text: str, cast: dict, pattern: re.Pattern[str]) -> str:
    """Return `text` with every seed name, place and date replaced from `cast`."""
    iso = f"{cast['year']}-{cast['month']:02d}-{cast['day']:02d}"

    def swap(match: re.Match[str]) -> str:
        term = match.group()
        if term in PEOPLE:
            return cast["people"][PEOPLE[term]]
        if term in SURNAMES:
            return cast["people"][SURNAMES[term]].split()[-1]
        if term in STATE_TERMS:
            state, field = STATE_TERMS[term]
            return cast["states"][state][field]
        if term in MONTHS:
            return MONTHS[cast["month"] - 1]
        if "-" in term:
            return iso
        if "/" in term:
            return f"{cast['day']:02d}/{cast['month']:02d}/{cast['year']}"
        return str(cast["year"])

    return pattern.sub(swap, text)


def write_corpus(folder: Path, size: int) -> int:
    """Write `size` generated articles with sidecars into `folder`; return their total bytes."""
    folder.mkdir(parents=True)
    templates, pattern, total = seeds(), _pattern(), 0
    for n in range(size):
        text, meta = templates[n % len(templates)]
        cast = substitutes(random.Random(n))
        body = rewrite(text, cast, pattern)
        sidecar = {k: rewrite(v, cast, pattern) if isinstance(v, str) else v for k, v in meta.items()}
        sidecar["published"] = f"{cast['year']}-{cast['month']:02d}-{cast['day']:02d}"
        (folder / f"a{n:06d}.txt").write_text(body, "utf-8")
        (folder / f"a{n:06d}.json").write_text(json.dumps(sidecar, ensure_ascii=False), "utf-8")
        total += len(body.encode("utf-8"))
    return total


def run_child(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def table_bytes(out: Path) -> int:
    return sum(p.stat().st_size for p in (out / "dataset" / "data").glob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes per build")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    base = run_child(BASELINE)["peak_kb"]
    print(f"baseline (imports only): peak RSS {base / 1024:.1f} MB")
    print(f"{'articles':>9} {'corpus MB':>10} {'seconds':>8} {'articles/s':>11} {'peak RSS MB':>12} "
          f"{'over base MB':>13} {'tables MB':>10}  rows")
    peaks: dict[int, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for size in sizes:
            corpus, out = Path(tmp) / f"corpus-{size}", Path(tmp) / f"out-{size}"
            corpus_bytes = write_corpus(corpus, size)
            got = run_child(CHILD, str(corpus), str(out), str(args.jobs), str(Path(tmp) / "no-corrections"))
            peaks[size] = got["peak_kb"]
            rows = sum(got["rows"].values())
            print(f"{size:>9} {corpus_bytes / 2**20:>10.1f} {got['seconds']:>8.1f} {size / got['seconds']:>11.1f} "
                  f"{got['peak_kb'] / 1024:>12.1f} {(got['peak_kb'] - base) / 1024:>13.1f} "
                  f"{table_bytes(out) / 2**20:>10.2f}  {rows}")
    if len(sizes) >= 2:
        big, small = sizes[-1], sizes[-2]
        print(f"peak RSS {big} vs {small} articles: x{peaks[big] / peaks[small]:.2f} "
              f"(above imports: x{max(peaks[big] - base, 1) / max(peaks[small] - base, 1):.2f}; "
              f"corpus grew x{big / small:.0f})")


if __name__ == "__main__":
    main()
