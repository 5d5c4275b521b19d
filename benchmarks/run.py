"""Speed and memory of stimulering, as ratios to baselines measured side by side.

Run with ``python benchmarks/run.py`` from an environment where stimulering is
installed. The script writes its data to ``benchmarks/.data/`` (generated once,
then reused), runs every comparison in interleaved rounds (ours, baseline,
baseline, ours, ...) and prints the median ratio of each against its target, with
files per second for the batch comparison and the machine it ran on. The start-up
comparisons take 21 rounds by default and the batch comparison 7; ``--rounds``
sets one number for all.

Comparisons:

a. ``stimulering --help`` against a minimal one-command Typer app (target <= 1.3).
b. ``stimulering assess --answers F --format json`` against
   ``python -c "import typer, rich, pydantic, yaml"`` (target <= 1.7; the design's
   limit is 2.0, and a coordinator's first command should stay clearly under it).
c. ``stimulering compare DIR --format json`` over 10,000 answers files against a
   script that only parses the same files with PyYAML's C loader (target <= 1.5),
   and the peak memory of the compare process (target < 90 MiB; the design allows 150).

d. ``stimulering form`` (the offline page on stdout) against the same imports as b
   (target <= 2.0): like ``assess``, a command a coordinator runs once.

e. Every case of the bad-input corpus in ``tests/data/invalid/``, run once as its
   test runs it: the slowest and the median time (target: each within 1 s; the files that
   are hostile by their size, `LARGE_FILES` in `tests/invalid_cases.py`, within 2 s). This
   one reads the corpus from the source tree.
e. ``stimulering validate`` on an answers file with 50,000 unknown keys, each one a
   located problem: the median time of 7 runs (target: under 2 s).

f. Hostile inputs, each checked with ``stimulering validate``: the workbook bombs a review
   found (a small file with millions of cells, millions of unused shared strings, a million
   rows in the questions sheet or in another) and a workbook at every bound, which must be
   accepted; an answers file with 50,000 list answers of the wrong shape and one with more
   values than a document may have. Each is refused (or accepted) in under 2 s, a workbook
   also in under 150 MiB: the median of 5 runs and the peak memory (``--only limits``).

e. ``assess --answers F.xlsx --format json`` against the same answers as YAML, and
   ``report F --format docx`` against ``report F --format html``: what reading a
   workbook and writing a Word report cost (references, without a target).

A missed target fails loudly: the script names each missed target on stderr and exits 1,
so a slower change cannot pass unnoticed. ``--smoke`` runs every measurement once on the
data it is given, only to show that the script works (as its test does): without warming the caches
first, and a missed target is reported but does not fail the run.

For reference, without a target: the minimal Typer app parsing one option against
the imports of b. Typer 0.29 builds a pydantic validator for every option it
parses, so this is the least that any Typer command line with options can take.
And a minimal Typer app that reads one answers file with PyYAML into one small
pydantic model: the least that any command doing what ``assess --answers`` does can take.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"

MINIMAL_APP = '''\
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


if __name__ == "__main__":
    app()
'''

MINIMAL_FILE_APP = '''\
from pathlib import Path

import pydantic
import typer
import yaml

app = typer.Typer()


class Answers(pydantic.BaseModel):
    coalition: str
    answers: dict[str, int | str | list[str] | None]


@app.command()
def read(path: Path) -> None:
    """Read one answers file into one pydantic model."""
    data = Answers.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    typer.echo(len(data.answers))


if __name__ == "__main__":
    app()
'''

PARSE_ONLY = '''\
import sys
from pathlib import Path

import yaml

count = 0
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with path.open("rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
    count += 1
print(count)
'''


@dataclass
class Run:
    """One process run: wall time in seconds and peak resident memory in bytes."""

    seconds: float
    peak_bytes: int


@dataclass
class Comparison:
    """A command of ours against a baseline, with the target ratio."""

    name: str
    ours: list[str]
    baseline: list[str]
    target: float | None
    """Largest acceptable ratio; ``None`` for a reference measurement."""
    rounds: int
    files: int = 0
    memory_target_mib: float | None = None


# Byte-code caching stays on, as after a normal install (pip compiles a wheel's modules;
# Python caches an editable install's on first run). With PYTHONDONTWRITEBYTECODE set,
# as on some build machines, every run would compile stimulering's modules again
# while the baseline's libraries have their cached byte-code.
ENVIRONMENT = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


def run_once(command: list[str], *, expect: int = 0, cwd: Path | None = None) -> Run:
    """Run ``command`` with its output discarded; measure time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=ENVIRONMENT, cwd=cwd)
    assert process.stderr is not None
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != expect:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{error}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Run(seconds, usage.ru_maxrss * scale)


def measure(comparison: Comparison, rounds: int, *, warm: bool = True) -> dict[str, object]:
    """Interleaved rounds; the median of the per-round ratios and of each side's times."""
    if warm:  # warm the file cache and the byte-code cache
        run_once(comparison.ours)
        run_once(comparison.baseline)
    ours: list[Run] = []
    baseline: list[Run] = []
    for number in range(rounds):
        pair = [(ours, comparison.ours), (baseline, comparison.baseline)]
        if number % 2:
            pair.reverse()
        for runs, command in pair:
            runs.append(run_once(command))
    ratios = [a.seconds / b.seconds for a, b in zip(ours, baseline, strict=True)]
    result: dict[str, object] = {
        "name": comparison.name,
        "ours_s": statistics.median(run.seconds for run in ours),
        "baseline_s": statistics.median(run.seconds for run in baseline),
        "ratio": statistics.median(ratios),
        "target": comparison.target,
        "peak_mib": max(run.peak_bytes for run in ours) / 2**20,
        "memory_target_mib": comparison.memory_target_mib,
        "rounds": rounds,
        "files": comparison.files,
    }
    return result


# --- data ------------------------------------------------------------------------------------


def stimulering_command() -> list[str]:
    """The console script next to this interpreter, as a user runs it."""
    script = Path(sys.executable).parent / "stimulering"
    if script.exists():
        return [str(script)]
    found = shutil.which("stimulering")
    return [found] if found else [sys.executable, "-m", "stimulering"]


def answer_for(question: dict[str, object], chance: random.Random) -> object:
    """A varied valid answer to a question as ``questions --format json`` lists it."""
    if chance.random() < 0.08:
        return chance.choice(["weet_niet", "nvt", None])
    values = [option["value"] for option in question["options"]]  # type: ignore[union-attr,index]
    kind = question["type"]
    if kind == "text":
        return chance.choice(["", "Maandelijks overleg met alle partners.", "Zie notulen."])
    if kind == "number":
        return chance.choice([0, 1, 2.5, 4, 7, 12, 20])
    if kind == "multi":
        alone = {option["value"] for option in question["options"]  # type: ignore[union-attr]
                 if option.get("exclusive")}  # type: ignore[union-attr]
        picked = [value for value in values if chance.random() < 0.5 and value not in alone]
        return picked or values[:1]
    return chance.choice(values)


def generate_answers(folder: Path, count: int, coalitions: int) -> Path:
    """``count`` answers files over ``coalitions`` coalitions (reused when already made)."""
    stamp = folder / "STAMP"
    # The stamp names the question set, so data made for another one is made again.
    listing = subprocess.run([*stimulering_command(), "questions", "--format", "json"],
                             check=True, capture_output=True, text=True)
    questions = json.loads(listing.stdout)
    wanted = f"{count} {coalitions} v2 {questions['sha256']}"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    reference = {key: questions[key] for key in ("id", "version", "sha256")}
    import yaml  # only the generator needs it; the measured processes import their own

    chance = random.Random(2026)
    roles = ["gemeente", "netbeheerder", "drinkwaterbedrijf", "waterschap", "warmte", "telecom"]
    levels = ["strategisch", "tactisch", "operationeel"]
    per_coalition = count // coalitions
    for number in range(count):
        coalition = number % coalitions
        respondent = number // coalitions
        document = {
            "stimulering_answers": 1,
            "question_set": reference,
            "coalition": f"Coalitie {coalition:04d}",
            "respondent": {"organisation": f"Partner {respondent}",
                           "role": roles[respondent % len(roles)],
                           "level": levels[respondent % len(levels)]},
            "date": f"20{24 + respondent % 3}-{1 + chance.randrange(12):02d}-15",
            "lang": "nl",
            "answers": {q["id"]: answer_for(q, chance) for q in questions["questions"]},
        }
        sub = folder / f"coalitie-{coalition:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"respondent-{respondent:02d}.yaml").write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    stamp.write_text(wanted, encoding="utf-8")
    print(f"generated {count:,} answers files ({coalitions:,} coalitions, "
          f"{per_coalition} each) in {folder}", file=sys.stderr)
    return folder


def make_workbook(answers_file: Path, target: Path) -> Path:
    """The answers of ``answers_file`` in an answers workbook, filled in as a partner would."""
    if target.exists():
        return target
    import openpyxl
    import yaml

    subprocess.run([*stimulering_command(), "template", "--format", "xlsx", "-o", str(target)],
                   check=True, capture_output=True)
    data = yaml.safe_load(answers_file.read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(target)
    respondent = book["Respondent"]
    for row, value in ((2, data["coalition"]), (3, data["respondent"]["organisation"]),
                       (4, data["respondent"]["role"]), (5, data["respondent"]["level"]),
                       (6, data["date"])):
        respondent.cell(row=row, column=3).value = value
    sheet = book["Vragen"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for question, value in data["answers"].items():
        if isinstance(value, list):
            for option in value:
                sheet.cell(row=rows[f"{question}.{option}"], column=3).value = "ja"
        elif value is not None:
            sheet.cell(row=rows[question], column=3).value = value
    book.save(target)
    return target


def has_compare() -> bool:
    """Whether this version of stimulering has the ``compare`` command."""
    probe = subprocess.run([*stimulering_command(), "compare", "--help"],
                           capture_output=True, text=True, check=False)
    return probe.returncode == 0


UNKNOWN_KEYS = 50_000
"""Unknown keys in the file of the many-problems measurement."""


def time_many_problems(ours: list[str], work: Path, rounds: int,
                       keys: int = UNKNOWN_KEYS) -> dict[str, object]:
    """``validate`` on a file with ``keys`` unknown keys: median and slowest time."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / "unknown-keys.yaml"
    path.write_text(
        "stimulering_answers: 1\ncoalition: Rivierstad\n"
        "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
        "date: 2026-11-28\n" + "".join(f"onbekend_{n}: 1\n" for n in range(keys)),
        encoding="utf-8")
    command = [*ours, "validate", str(path)]
    run_once(command, expect=1)  # warm the caches
    times = [run_once(command, expect=1).seconds for _ in range(rounds)]
    return {"keys": keys, "rounds": rounds, "median_s": statistics.median(times),
            "slowest_s": max(times)}


def time_bad_input(ours: list[str], work: Path, cases: int | None = None) -> dict[str, object]:
    """Run every case of the bad-input corpus (or the first ``cases``) once: slowest, median."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    import invalid_cases  # the corpus and the command for each case, shared with its test

    times: dict[str, float] = {}
    for number, case in enumerate(invalid_cases.CASES[:cases]):
        folder = work / f"case-{number}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        arguments = invalid_cases.command_for(case, folder)
        if number == 0:
            run_once([*ours, *arguments], expect=1, cwd=folder)  # warm the caches
        times[case.name] = run_once([*ours, *arguments], expect=1, cwd=folder).seconds
        shutil.rmtree(folder)
    slowest = max(times, key=times.__getitem__)
    # The large files are held to the target of the large-file measurements (LIMIT_SECONDS):
    # refusing a document of 200,000 values means reading that far.
    over = [f"{name} took {seconds:.3f} s" for name, seconds in times.items()
            if seconds > (LIMIT_SECONDS if name in invalid_cases.LARGE_FILES else 1.0)]
    return {"cases": len(times), "slowest": slowest, "slowest_s": times[slowest],
            "median_s": statistics.median(times.values()), "over": over}


LIMIT_SECONDS = 2.0
LIMIT_MIB = 150


def limit_cases(folder: Path) -> list[tuple[str, Path, int]]:
    """The hostile inputs: (what, file, expected exit code of validate), made once.

    The workbooks are held to the time and the memory target, the large YAML files to the
    time target (their memory is shown: the YAML node tree that locates each problem).
    """
    sys.path.insert(0, str(HERE.parent / "tests"))
    import workbook_bombs as bombs  # shared with the bad-input corpus of the tests

    folder.mkdir(parents=True, exist_ok=True)
    head = ("stimulering_answers: 1\ncoalition: Rivierstad\n"
            "respondent: {organisation: Stroomnet, role: netbeheerder, level: tactisch}\n"
            "date: 2026-11-28\nanswers:\n")
    makers = {
        "a 31 KB workbook with 3,000,000 cells in Keuzelijsten": (
            "cells.xlsx", 1, lambda: bombs.many_cells(bombs.template(), 1_000, 3_000)),
        "a 138 KB workbook with 2,900,000 unused shared strings": (
            "strings.xlsx", 1, lambda: bombs.shared_strings(bombs.template(), 2_900_000)),
        "a 162 KB workbook with 1,000,000 rows in Vragen": (
            "rows.xlsx", 1, lambda: bombs.many_rows(bombs.template(), 1_000_000)),
        "the same rows in Keuzelijsten": (
            "rows-lists.xlsx", 1,
            lambda: bombs.many_rows(bombs.template(), 1_000_000, bombs.LISTS_SHEET)),
        "a workbook at every bound (accepted)": (
            "bounds.xlsx", 0, lambda: bombs.at_the_bounds(bombs.template())),
        "50,000 list answers of the wrong shape (`q: [1]`)": (
            "list-answers.yaml", 1, lambda: (head + "".join(
                f"  vraag_{n}: [1]\n" for n in range(50_000))).encode()),
        "50,000 answers that are mappings: over 200,000 values": (
            "many-values.yaml", 1, lambda: (head + "".join(
                f"  vraag_{n}: {{a: 1}}\n" for n in range(50_000))).encode()),
    }
    cases = []
    for what, (name, code, make) in makers.items():
        path = folder / name
        if not path.exists():
            # Made in a process of its own: a child forked from a large process would count
            # that size in its peak memory.
            child = os.fork()
            if child == 0:
                path.write_bytes(make())
                os._exit(0)
            os.waitpid(child, 0)
        cases.append((what, path, code))
    return cases


def time_limits(ours: list[str], folder: Path, rounds: int, *,
                warm: bool = True) -> tuple[str, bool]:
    """Each hostile input through ``validate``: median time and peak memory, as a table."""
    lines = ["| hostile input | exit | median (s) | slowest (s) | peak memory | met |",
             "|---|---|---|---|---|---|"]
    met_all = True
    for what, path, code in limit_cases(folder):
        if warm:  # warm the caches
            run_once([*ours, "validate", str(path)], expect=code)
        runs = [run_once([*ours, "validate", str(path)], expect=code) for _ in range(rounds)]
        median = statistics.median(run.seconds for run in runs)
        peak = max(run.peak_bytes for run in runs) / 2**20
        workbook = path.suffix == ".xlsx"
        met = median < LIMIT_SECONDS and (peak < LIMIT_MIB or not workbook)
        met_all = met_all and met
        memory = f"{peak:.0f} MiB" + ("" if workbook else " (reference)")
        lines.append(f"| {what} | {code} | {median:.3f} | {max(r.seconds for r in runs):.3f} "
                     f"| {memory} | {'yes' if met else 'NO'} |")
    lines.append(f"\nTarget: each in under {LIMIT_SECONDS:g} s (median of {rounds} runs), a "
                 f"workbook also in under {LIMIT_MIB} MiB: {'yes' if met_all else 'NO'}.")
    return "\n".join(lines), met_all


# --- report ----------------------------------------------------------------------------------


def machine() -> str:
    """Platform, processor, CPU count and Python version, in one line."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (f"{platform.platform()}; {cpu}; {os.cpu_count()} CPUs; "
            f"Python {platform.python_version()}")


def missed_target(result: dict[str, object]) -> str:
    """What a measurement missed of its targets (time ratio, peak memory), or ``""``."""
    misses = []
    target, ratio = result["target"], float(result["ratio"])  # type: ignore[arg-type]
    if target is not None and ratio > float(target):  # type: ignore[arg-type]
        misses.append(f"ratio {ratio:.2f} > {target}")
    memory, peak = result["memory_target_mib"], float(result["peak_mib"])  # type: ignore[arg-type]
    if memory is not None and peak >= float(memory):  # type: ignore[arg-type]
        misses.append(f"peak {peak:.0f} MiB >= {memory} MiB")
    return "; ".join(misses)


def table(results: list[dict[str, object]]) -> str:
    """The results as a markdown table."""
    lines = [
        f"Medians of interleaved rounds. {machine()}.",
        "",
        "| comparison | rounds | ours (s) | baseline (s) | ratio | target | met | files/s "
        "| peak memory |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        ratio = float(result["ratio"])  # type: ignore[arg-type]
        target = result["target"]
        met = target is None or ratio <= float(target)  # type: ignore[arg-type]
        memory = ""
        if result["memory_target_mib"] is not None:
            peak = float(result["peak_mib"])  # type: ignore[arg-type]
            met = met and peak < float(result["memory_target_mib"])  # type: ignore[arg-type]
            memory = f"{peak:.0f} MiB (< {result['memory_target_mib']:.0f})"
        files = int(result["files"])  # type: ignore[call-overload]
        rate = ""
        if files:
            rate = (f"{files / float(result['ours_s']):,.0f} vs "  # type: ignore[arg-type]
                    f"{files / float(result['baseline_s']):,.0f}")  # type: ignore[arg-type]
        lines.append(
            f"| {result['name']} | {result['rounds']} | {result['ours_s']:.3f} "
            f"| {result['baseline_s']:.3f} | {ratio:.2f} "
            f"| {'(reference)' if target is None else f'<= {target:g}'} "
            f"| {'' if target is None else 'yes' if met else 'NO'} | {rate} | {memory} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int,
                        help="rounds of every comparison (default: 21 for start-up, 7 for compare)")
    parser.add_argument("--files", type=int, default=10_000, help="answers files for compare")
    parser.add_argument("--coalitions", type=int, default=1_000)
    parser.add_argument("--data", type=Path, default=DATA,
                        help=f"folder for the generated files (default: {DATA})")
    parser.add_argument("--only", choices=["help", "assess", "form", "floor", "floor-file",
                                           "compare", "xlsx",
                                           "docx", "bad-input", "many-problems", "limits"],
                        action="append",
                        help="run only these comparisons")
    parser.add_argument("--cases", type=int,
                        help="time only the first N cases of the bad-input corpus")
    parser.add_argument("--unknown-keys", type=int, default=UNKNOWN_KEYS,
                        help="unknown keys in the many-problems file")
    parser.add_argument("--smoke", action="store_true",
                        help="only show that the script works: a missed target does not fail")
    options = parser.parse_args()
    data = options.data
    data.mkdir(parents=True, exist_ok=True)
    minimal = data / "minimal_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    minimal_file = data / "minimal_file_app.py"
    minimal_file.write_text(MINIMAL_FILE_APP, encoding="utf-8")
    parse_only = data / "parse_only.py"
    parse_only.write_text(PARSE_ONLY, encoding="utf-8")
    answers = generate_answers(data / "answers", options.files, options.coalitions)
    one_file = next(iter(sorted(answers.rglob("*.yaml"))))
    ours = stimulering_command()
    python = sys.executable

    imports = [python, "-c", "import typer, rich, pydantic, yaml"]
    workbook = make_workbook(one_file, data / "answers.xlsx")
    reports = data / "reports"
    reports.mkdir(exist_ok=True)
    comparisons = {
        "help": Comparison("`stimulering --help` vs a minimal Typer app", [*ours, "--help"],
                           [python, str(minimal), "--help"], 1.3, rounds=21),
        "assess": Comparison(
            "`assess --answers F --format json` vs importing typer, rich, pydantic, yaml",
            [*ours, "assess", "--answers", str(one_file), "--format", "json"],
            imports, 1.7, rounds=21),
        "form": Comparison(
            "`form` (the offline page) vs importing typer, rich, pydantic, yaml",
            [*ours, "form"], imports, 2.0, rounds=21),
        "floor": Comparison(
            "a minimal Typer app parsing one option vs importing typer, rich, pydantic, yaml",
            [python, str(minimal), "--name", "stimulering"], imports, None, rounds=21),
        "floor-file": Comparison(
            "a minimal Typer app reading one answers file into one pydantic model vs importing "
            "typer, rich, pydantic, yaml",
            [python, str(minimal_file), str(one_file)], imports, None, rounds=21),
        "compare": Comparison(
            f"`compare DIR --format json` over {options.files:,} files vs C loader parse only",
            [*ours, "compare", str(answers), "--format", "json"],
            [python, str(parse_only), str(answers)], 1.5, rounds=7, files=options.files,
            memory_target_mib=90),
        "xlsx": Comparison(
            "`assess --answers F.xlsx --format json` vs the same answers as YAML",
            [*ours, "assess", "--answers", str(workbook), "--format", "json"],
            [*ours, "assess", "--answers", str(one_file), "--format", "json"], None, rounds=21),
        "docx": Comparison(
            "`report F --format docx` vs `report F --format html`",
            [*ours, "report", str(one_file), "--format", "docx", "--force", "-o",
             str(reports / "report.docx")],
            [*ours, "report", str(one_file), "--format", "html", "--force", "-o",
             str(reports / "report.html")], None, rounds=7),
    }
    chosen = options.only or [*comparisons, "bad-input", "many-problems", "limits"]
    results = []
    for key in chosen:
        if key not in comparisons:
            continue
        if key == "compare" and not has_compare():
            print("note: this version has no `stimulering compare`; skipping the batch "
                  "comparison", file=sys.stderr)
            continue
        print(f"measuring {comparisons[key].name} ...", file=sys.stderr)
        results.append(measure(comparisons[key], options.rounds or comparisons[key].rounds,
                               warm=not options.smoke))
    if results:
        print(table(results))
    missed = [f"{result['name']}: {missed_target(result)}" for result in results
              if missed_target(result)]
    if "bad-input" in chosen:
        print("timing every case of tests/data/invalid ...", file=sys.stderr)
        bad = time_bad_input(ours, data / "bad-input", options.cases)
        met = not bad["over"]
        print(f"\nBad input: {bad['cases']} cases of tests/data/invalid/, each run once; slowest "
              f"{bad['slowest_s']:.3f} s ({bad['slowest']}), median {bad['median_s']:.3f} s; "
              f"target: each within 1 s, a large file within {LIMIT_SECONDS:g} s: "
              f"{'yes' if met else 'NO'}.")
        if not met:
            missed += [f"bad input: {over}" for over in bad["over"]]  # type: ignore[attr-defined]
    if "many-problems" in chosen:
        print(f"timing validate on {options.unknown_keys:,} unknown keys ...", file=sys.stderr)
        many = time_many_problems(ours, data / "many-problems", options.rounds or 7,
                                  options.unknown_keys)
        met = float(many["median_s"]) < 2.0
        print(f"\nMany problems: `validate` on a file with {many['keys']:,} unknown keys, "
              f"{many['rounds']} runs; median {many['median_s']:.3f} s, slowest "
              f"{many['slowest_s']:.3f} s; target: under 2 s: {'yes' if met else 'NO'}.")
        if not met:
            missed.append(f"many problems: median {many['median_s']:.3f} s (>= 2 s)")
    if "limits" in chosen:
        print("timing validate on hostile workbooks and large files ...", file=sys.stderr)
        shown, met = time_limits(ours, data / "limits", options.rounds or 5,
                                 warm=not options.smoke)
        print(f"\nHostile inputs, each through `validate`:\n\n{shown}")
        if not met:
            missed.append("a hostile input took longer or more memory than its target "
                          "(see the table)")
    for line in missed:
        print(f"TARGET MISSED: {line}", file=sys.stderr)
    return 1 if missed and not options.smoke else 0


if __name__ == "__main__":
    raise SystemExit(main())
