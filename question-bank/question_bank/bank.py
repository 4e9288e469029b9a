"""The question bank: loads every problem folder, validates it, and serves questions, hints and tests.

A problem folder `problems/<id>/` holds `problem.yaml` (schema: `contracts.questions.Question`),
one reference solution per language, `naive.py` (unless the problem gives `naive_none_reason`) and
`generators.py` when it has generated tests or a scaling spec. See AUTHORING.md.
"""

import hashlib
import importlib.util
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from contracts.events import Difficulty
from contracts.questions import GeneratedTest, Question, Topic
from contracts.sandbox import Comparison, Language, TestCase
from pydantic import ValidationError

from .inprocess import call_solution, load_solution

PROBLEMS_DIR = Path(__file__).parent / "problems"

REFERENCE_FILES = {
    Language.PYTHON: "reference.py",
    Language.JAVASCRIPT: "reference.js",
    Language.CPP: "reference.cpp",
    Language.JAVA: "reference.java",
    Language.GO: "reference.go",
}
NAIVE_FILE = "naive.py"
GENERATORS_FILE = "generators.py"
MAX_HINT_LEVEL = 3
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster when present


class ProblemError(ValueError):
    """A problem folder is broken; the message names the file and the field."""


class NoQuestionAvailable(LookupError):
    """Every problem matching the filters has been excluded (or none exists)."""


@dataclass
class Problem:
    question: Question
    directory: Path
    generators: ModuleType | None = None
    _generated: list[TestCase] | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.question.id

    def read(self, filename: str) -> str:
        return (self.directory / filename).read_text(encoding="utf-8")


def load_problem(directory: Path) -> Problem:
    """Read and validate one problem folder; raise ProblemError naming the file and field."""
    yaml_path = directory / "problem.yaml"
    if not yaml_path.is_file():
        raise ProblemError(f"{yaml_path}: file missing")
    try:
        raw = yaml.load(yaml_path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise ProblemError(f"{yaml_path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ProblemError(f"{yaml_path}: top level must be a mapping")
    try:
        question = Question.model_validate(_mark_hidden(raw))
    except ValidationError as exc:
        raise ProblemError(f"{yaml_path}: {_describe(exc)}") from exc
    if question.id != directory.name:
        raise ProblemError(
            f"{yaml_path}: field id: '{question.id}' must equal the folder name '{directory.name}'"
        )
    _check_test_inputs(yaml_path, question)
    _check_files(directory, question)
    problem = Problem(question=question, directory=directory)
    problem.generators = _load_generators(directory, question)
    return problem


def _mark_hidden(raw: dict) -> dict:
    """Hidden tests are hidden by where they are written, not by a flag the author could forget."""
    raw = dict(raw)
    raw["hidden_tests"] = [
        {**t, "hidden": True} if isinstance(t, dict) else t for t in raw.get("hidden_tests") or []
    ]
    return raw


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "(problem)"
        parts.append(f"field {where}: {error['msg']}")
    return "; ".join(parts)


def _check_test_inputs(yaml_path: Path, question: Question) -> None:
    if question.signature.kind == "class":
        expected_keys = {"operations", "arguments"}
    else:
        expected_keys = {p.name for p in question.signature.params}
    for group, tests in (("sample_tests", question.sample_tests), ("hidden_tests", question.hidden_tests)):
        for test in tests:
            keys = set(test.input or {}) - {"constructor"}
            if test.input is None or keys != expected_keys:
                raise ProblemError(
                    f"{yaml_path}: field {group}.{test.id}.input: keys {sorted(keys)} "
                    f"do not match the signature's {sorted(expected_keys)}"
                )


def _check_files(directory: Path, question: Question) -> None:
    for language, filename in REFERENCE_FILES.items():
        if not (directory / filename).is_file():
            raise ProblemError(f"{directory / filename}: reference solution for {language} missing")
    if question.naive_none_reason is None and not (directory / NAIVE_FILE).is_file():
        raise ProblemError(f"{directory / NAIVE_FILE}: missing (or set naive_none_reason in problem.yaml)")


def _load_generators(directory: Path, question: Question) -> ModuleType | None:
    needed = [t.generator for t in question.generated_tests]
    if question.scaling:
        needed.append(question.scaling.generator)
    if not needed:
        return None
    path = directory / GENERATORS_FILE
    if not path.is_file():
        raise ProblemError(f"{path}: missing, but problem.yaml names generators {needed}")
    spec = importlib.util.spec_from_file_location(f"question_bank_generators_{question.id}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ProblemError(f"{path}: failed to import: {exc!r}") from exc
    for name in needed:
        if not callable(getattr(module, name, None)):
            raise ProblemError(f"{path}: function '{name}' named in problem.yaml is not defined")
    return module


class QuestionBank:
    def __init__(self, problems_dir: Path = PROBLEMS_DIR, only: Iterable[str] | None = None):
        """Load every problem folder, or just the `only` ones (so one broken folder does not block
        checking another while authoring)."""
        self.problems_dir = problems_dir
        self._problems: dict[str, Problem] = {}
        wanted = set(only) if only is not None else None
        for directory in sorted(
            p for p in problems_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
        ):
            if wanted is not None and directory.name not in wanted:
                continue
            problem = load_problem(directory)
            self._problems[problem.id] = problem

    # --- catalogue ---------------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return sorted(self._problems)

    def __len__(self) -> int:
        return len(self._problems)

    def problem(self, question_id: str) -> Problem:
        try:
            return self._problems[question_id]
        except KeyError:
            raise KeyError(f"unknown question id '{question_id}'") from None

    def question(self, question_id: str) -> Question:
        return self.problem(question_id).question

    def questions(
        self, difficulty: Difficulty | str | None = None, topic: Topic | str | None = None
    ) -> list[Question]:
        return [
            p.question
            for p in self._problems.values()
            if (difficulty is None or p.question.difficulty == difficulty)
            and (topic is None or topic in p.question.topics)
        ]

    def pick(
        self,
        difficulty: Difficulty | str,
        topic: Topic | str | None = None,
        exclude_ids: Iterable[str] = (),
        seed: str = "",
    ) -> Question:
        """Choose an unseen question. The same seed (e.g. a session id) and exclusions give the same
        choice, so a replayed session is reproducible; different seeds spread over the bank."""
        excluded = set(exclude_ids)
        candidates = sorted(
            (
                q
                for q in self.questions(Difficulty(difficulty), Topic(topic) if topic else None)
                if q.id not in excluded
            ),
            key=lambda q: q.id,
        )
        if not candidates:
            raise NoQuestionAvailable(f"no unseen {difficulty} question" + (f" on {topic}" if topic else ""))
        digest = hashlib.sha256(f"{seed}|{difficulty}|{topic}|{','.join(sorted(excluded))}".encode()).digest()
        return random.Random(digest).choice(candidates)

    # --- what each audience may see ----------------------------------------------------------------

    def public_view(self, question_id: str) -> dict[str, Any]:
        """What the browser may see: statement, starter code and sample tests; never hidden tests,
        hints, pitfalls or reference solutions."""
        q = self.question(question_id)
        return {
            "question_id": q.id,
            "title": q.title,
            "difficulty": q.difficulty.value,
            "topics": [t.value for t in q.topics],
            "statement_md": q.statement_md,
            "constraints": list(q.constraints),
            "signature": q.signature.model_dump(mode="json"),
            "starter_code": {lang.value: code for lang, code in q.starter_code.items()},
            "sample_tests": [{"id": t.id, "input": t.input, "expected": t.expected} for t in q.sample_tests],
        }

    def hint(self, question_id: str, level: int) -> str:
        if not 1 <= level <= MAX_HINT_LEVEL:
            raise ValueError(f"hint level must be 1..{MAX_HINT_LEVEL}, got {level}")
        return self.question(question_id).hints[level - 1]

    def reference_source(self, question_id: str, language: Language | str) -> str:
        return self.problem(question_id).read(REFERENCE_FILES[Language(language)])

    def naive_source(self, question_id: str) -> str | None:
        problem = self.problem(question_id)
        return None if problem.question.naive_none_reason else problem.read(NAIVE_FILE)

    # --- tests (for the judge; never for the browser) ----------------------------------------------

    def generated_tests(self, question_id: str) -> list[TestCase]:
        """Generated hidden tests with expected values from the Python reference (computed once)."""
        problem = self.problem(question_id)
        if problem._generated is None:
            problem._generated = _materialise(problem)
        return problem._generated

    def all_tests(self, question_id: str) -> list[TestCase]:
        q = self.question(question_id)
        return [*q.sample_tests, *q.hidden_tests, *self.generated_tests(question_id)]

    def large_tests(self, question_id: str) -> list[TestCase]:
        return [t for t in self.generated_tests(question_id) if t.category == "large"]

    def scaling_inputs(self, question_id: str) -> list[tuple[int, dict[str, Any]]]:
        """(n, input) pairs for measuring a submission's growth rate; empty if the problem has none."""
        problem = self.problem(question_id)
        scaling = problem.question.scaling
        if scaling is None:
            return []
        generate = getattr(problem.generators, scaling.generator)
        return [(n, generate(random.Random(n), n)) for n in scaling.sizes]


def _materialise(problem: Problem) -> list[TestCase]:
    reference = load_solution(
        problem.read(REFERENCE_FILES[Language.PYTHON]), str(problem.directory / "reference.py")
    )
    return [_materialise_one(problem, reference, spec) for spec in problem.question.generated_tests]


def _materialise_one(problem: Problem, reference: dict[str, Any], spec: GeneratedTest) -> TestCase:
    generate = getattr(problem.generators, spec.generator)
    test_input = generate(random.Random(spec.seed), **spec.args)
    expected = call_solution(reference, problem.question.signature, test_input)
    return TestCase(
        id=spec.id,
        input=test_input,
        expected=expected,
        compare=Comparison(spec.compare),
        category=spec.category,
        hidden=True,
    )


@cache
def default_bank() -> QuestionBank:
    """The bank shipped with this package, loaded once per process."""
    return QuestionBank()
