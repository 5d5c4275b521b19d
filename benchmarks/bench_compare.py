"""``stimulering compare`` over an archive of answers files versus PyYAML's C loader alone.

Usage: python benchmarks/bench_compare.py [FILES] [COALITIONS]   (default 10000 and 1000)

Builds the archive in a temporary folder (nested folders, about 50 answers per
file, ten files per coalition), then measures side by side in one run:
parsing every file with ``yaml.load(..., Loader=yaml.CSafeLoader)`` in one
process, and the whole ``stimulering compare FOLDER --format json`` command in
a fresh process (start-up included). Prints both times, their ratio (target at
most 1.5) and the peak memory of the compare process (target under 150 MiB).
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from stimulering.engine import load


def build(root: Path, files: int, coalitions: int) -> None:
    engine = load()
    rnd = random.Random(1)
    questions = engine.questions.questions
    for index in range(files):
        name = f"Coalitie {index % coalitions:04d}"
        values = {}
        for q in questions:
            if q.type == "scale":
                values[q.id] = rnd.randint(1, 5)
            elif q.type == "yesno":
                values[q.id] = rnd.choice(["ja", "deels", "nee", "weet_niet"])
            elif q.type in ("choice", "multi"):
                option = rnd.choice(q.options or []).id
                values[q.id] = option if q.type == "choice" else [option]
            elif q.type == "number":
                values[q.id] = rnd.randint(0, 12)
            else:
                values[q.id] = "Gemeente, netbeheerder en drinkwaterbedrijf"
        document = {
            "stimulering_answers": 1, "coalition": name,
            "respondent": {"organisation": "Gemeente", "role": "gemeente", "level": "tactisch"},
            "date": f"{2019 + index % 8}-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "lang": "nl", "answers": values,
            "notes": {questions[2].id: "Eens per maand, met notulen."},
        }
        folder = root / f"regio-{index % 12}" / f"c{index % coalitions:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index}.yaml").write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    coalitions = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        build(root, files, coalitions)
        paths = sorted(root.rglob("*.yaml"))
        start = time.perf_counter()
        for path in paths:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        parse = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "stimulering", "compare", str(root),
                        "--format", "json"], check=True, stdout=subprocess.DEVNULL)
        compare = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"files: {len(paths)}, coalitions: {coalitions}")
        print(f"CSafeLoader parse only: {parse:.2f} s")
        print(f"stimulering compare:    {compare:.2f} s")
        print(f"ratio: {compare / parse:.2f} (target <= 1.5)")
        print(f"peak memory of compare: {peak:.0f} MiB (target < 150)")


if __name__ == "__main__":
    main()
