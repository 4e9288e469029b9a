"""Helpers for problem authors (see AUTHORING.md).

    uv run python -m question_bank.authoring complete <id>   # fill starter_code + missing `expected`
    uv run python -m question_bank.authoring check <id>      # in-process: reference vs tests, naive vs
                                                             # reference, timings of the large tests

`complete` rewrites problem.yaml (comments are lost, multi-line strings stay block scalars). Review
every filled-in `expected` by hand: it comes from your reference, which is what is being verified.
"""

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

import yaml
from contracts.questions import Question
from contracts.sandbox import FunctionSignature

from .bank import NAIVE_FILE, PROBLEMS_DIR, REFERENCE_FILES, ProblemError, QuestionBank, load_problem
from .inprocess import call_solution, load_solution, outputs_match
from .starter_code import starter_code


class _BlockDumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def _flow_short_lists(dumper: yaml.SafeDumper, value: list):
    # Short lists of scalars (test inputs) read better on one line.
    flow = len(value) <= 64 and all(isinstance(v, (int, float, bool, type(None))) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_BlockDumper.add_representer(list, _flow_short_lists)


def _flow_small_mappings(dumper: yaml.SafeDumper, value: dict):
    # A test case like {id: x, input: {a: [1, 2]}, expected: 3} stays on one line when it is short.
    flow = len(repr(value)) <= 140 and "\n" not in repr(value)
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=flow)


_BlockDumper.add_representer(dict, _flow_small_mappings)


def complete(problem_dir: Path) -> None:
    yaml_path = problem_dir / "problem.yaml"
    raw = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    signature = FunctionSignature.model_validate(raw["signature"])
    raw["starter_code"] = {**starter_code(signature), **(raw.get("starter_code") or {})}
    reference = load_solution(
        (problem_dir / REFERENCE_FILES["python"]).read_text(), str(problem_dir / "reference.py")
    )
    filled = 0
    for group in ("sample_tests", "hidden_tests"):
        for test in raw.get(group) or []:
            if "expected" not in test:
                test["expected"] = call_solution(reference, signature, test["input"])
                filled += 1
    yaml_path.write_text(yaml.dump(raw, Dumper=_BlockDumper, sort_keys=False, width=110, allow_unicode=True))
    print(
        f"{problem_dir.name}: filled {filled} expected values; starter code for {sorted(raw['starter_code'])}"
    )


def check(problem_dir: Path) -> bool:
    bank = QuestionBank(problem_dir.parent, only=[problem_dir.name])
    problem = bank.problem(problem_dir.name)
    q = problem.question
    reference = load_solution(problem.read(REFERENCE_FILES["python"]), "reference.py")
    naive = None if q.naive_none_reason else load_solution(problem.read(NAIVE_FILE), "naive.py")
    ok = True
    for test in [*q.sample_tests, *q.hidden_tests]:
        for label, solution in (("reference", reference), ("naive", naive)):
            if solution is None:
                continue
            actual = call_solution(solution, q.signature, test.input)
            if not outputs_match(actual, test.expected, test.compare, test.float_tolerance):
                ok = False
                print(
                    f"  {label} FAILS {test.id}: got {str(actual)[:200]} expected {str(test.expected)[:200]}"
                )
    started = time.perf_counter()
    large = bank.large_tests(q.id)
    print(f"  generated tests + reference: {time.perf_counter() - started:.2f}s")
    for test in large:
        started = time.perf_counter()
        call_solution(reference, q.signature, test.input)
        print(
            f"  reference on {test.id}: {time.perf_counter() - started:.3f}s (cpu limit {q.limits.cpu_time_s}s)"
        )
        if naive is not None:
            print(f"  naive on {test.id}: {_time_naive(problem_dir, q, test.input, q.limits.cpu_time_s * 3)}")
    print(f"{q.id}: {'ok' if ok else 'FAILED'}")
    return ok


def _naive_worker(problem_dir: str, test_input: dict) -> None:
    q = load_problem(Path(problem_dir)).question
    naive = load_solution((Path(problem_dir) / NAIVE_FILE).read_text(), "naive.py")
    call_solution(naive, q.signature, test_input)


def _time_naive(problem_dir: Path, q: Question, test_input: dict, timeout: float) -> str:
    process = multiprocessing.Process(target=_naive_worker, args=(str(problem_dir), test_input))
    started = time.perf_counter()
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
        return f"still running after {timeout:.1f}s (good: exceeds the limit)"
    return f"finished in {time.perf_counter() - started:.2f}s (too fast: enlarge the input or raise n)"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["complete", "check"])
    parser.add_argument("ids", nargs="*", help="problem ids (default: all, for check)")
    args = parser.parse_args()
    ids = args.ids or sorted(
        p.name for p in PROBLEMS_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")
    )
    ok = True
    for problem_id in ids:
        if args.command == "complete":
            complete(PROBLEMS_DIR / problem_id)
        else:
            try:
                ok = check(PROBLEMS_DIR / problem_id) and ok
            except ProblemError as exc:
                print(f"{problem_id}: BROKEN: {exc}")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
