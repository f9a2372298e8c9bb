"""Time `import diplomatic_events` + `load("visits")` beside a plain pyarrow read of the same file.

Each variant runs in a fresh interpreter (import time counts), several times; prints medians and
the ratio. Run: python benchmarks/bench_load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

OURS = "import diplomatic_events as de; de.load('visits')"
OURS_ARROW = "import diplomatic_events as de; de.load('visits', as_='arrow')"
IMPORT_ONLY = "import diplomatic_events"


def reference_code() -> str:
    from diplomatic_events.dataset.load import package_dir, read_descriptor, resource, safe_path

    directory = package_dir()
    path = safe_path(directory, resource(read_descriptor(directory), "visits-parquet")["path"])
    return f"import pyarrow.parquet as pq; pq.read_table({str(path)!r})"


def reference_pandas_code() -> str:
    return reference_code() + ".to_pandas()"


def timed(code: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    baseline = timed("pass", args.repeat)
    rows = [
        ("python -c pass (interpreter start)", "pass"),
        ("import diplomatic_events", IMPORT_ONLY),
        ("pyarrow.parquet.read_table (reference)", reference_code()),
        ("pyarrow read_table + to_pandas", reference_pandas_code()),
        ("diplomatic_events load('visits', as_='arrow')", OURS_ARROW),
        ("diplomatic_events load('visits') -> pandas", OURS),
    ]
    results = {label: timed(code, args.repeat) for label, code in rows}
    reference = results["pyarrow.parquet.read_table (reference)"] - baseline
    print(f"median of {args.repeat} fresh interpreters, interpreter start ({baseline * 1000:.0f} ms) subtracted")
    for label, seconds in results.items():
        net = seconds - baseline
        print(f"{label:<48} {net * 1000:8.1f} ms   ratio to reference {net / reference:5.2f}")


if __name__ == "__main__":
    main()
