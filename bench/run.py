"""Run the benchmarks (``make bench``): every ``bench/bench_*.py``, one after another, each in
its own process. Each writes its own section of ``bench/RESULTS.md``. A benchmark measures and
records; a slow machine does not make this fail, only a benchmark that could not run.

    .venv/bin/python bench/run.py                # all
    .venv/bin/python bench/run.py paginas        # only bench_paginas.py
    BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432 .venv/bin/python bench/run.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent


def main(namen: list[str]) -> int:
    scripts = sorted(HIER.glob("bench_*.py"))
    if namen:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in namen]
        if not scripts:
            print(f"no benchmark called {namen}", file=sys.stderr)
            return 2
    postgres = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    mislukt = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        begin = time.monotonic()
        opdracht = [sys.executable, str(script)]
        if "--postgres" in script.read_text(encoding="utf-8"):  # the scripts that take it
            opdracht += ["--postgres", postgres]
        uitkomst = subprocess.run(opdracht, cwd=HIER.parent, check=False)
        print(f"== {script.name}: exit {uitkomst.returncode}, {time.monotonic() - begin:.0f} s")
        if uitkomst.returncode:
            mislukt.append(script.name)
    if mislukt:
        print(f"could not run: {', '.join(mislukt)}", file=sys.stderr)
        return 1
    print("results: bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
