"""Schema of one interview problem in the question bank (`question-bank/`), validated on load.

A problem lives in `question-bank/question_bank/problems/<id>/`: `problem.yaml` (this schema),
`reference.{py,js,cpp,java,go}`, `naive.py` (a correct but too-slow solution, or none with
`naive_none_reason`), and `generators.py` for large and scaling inputs.
"""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .events import Difficulty
from .sandbox import FunctionSignature, Language, Limits, TestCase

MIN_HIDDEN_TESTS = 15


class Topic(StrEnum):
    ARRAYS_HASHING = "arrays_hashing"
    TWO_POINTERS = "two_pointers"
    SLIDING_WINDOW = "sliding_window"
    STACK = "stack"
    BINARY_SEARCH = "binary_search"
    LINKED_LIST = "linked_list"
    TREES = "trees"
    TRIES = "tries"
    HEAPS = "heaps"
    GRAPHS = "graphs"
    BFS_DFS = "bfs_dfs"
    UNION_FIND = "union_find"
    INTERVALS = "intervals"
    GREEDY = "greedy"
    BACKTRACKING = "backtracking"
    DP_1D = "dp_1d"
    DP_2D = "dp_2d"
    BIT_MANIPULATION = "bit_manipulation"
    DESIGN = "design"
    MATH = "math"
    STRINGS = "strings"
    SORTING = "sorting"


class GeneratedTest(BaseModel):
    """A hidden test too large to keep inline: `generators.py::<generator>(rng, **args)` returns the
    input dict; the expected value comes from the Python reference solution."""

    model_config = ConfigDict(extra="forbid")

    id: str
    generator: str
    args: dict = Field(default_factory=dict)
    seed: int = 1
    category: str = "large"
    compare: str = "exact"


class Scaling(BaseModel):
    """How to grow the input for measured complexity: `generators.py::<generator>(rng, n)`."""

    generator: str
    sizes: list[int] = Field(min_length=3)


class Complexity(BaseModel):
    time: str
    space: str


class Faq(BaseModel):
    """A clarifying question the interviewer can answer from the problem's data."""

    keywords: list[str] = Field(min_length=1)
    answer: str


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_]*$")
    title: str
    difficulty: Difficulty
    topics: list[Topic] = Field(min_length=1)
    statement_md: str = Field(min_length=40)
    constraints: list[str] = Field(min_length=1)
    signature: FunctionSignature
    starter_code: dict[Language, str]
    sample_tests: list[TestCase] = Field(min_length=1)
    hidden_tests: list[TestCase]
    generated_tests: list[GeneratedTest] = Field(default_factory=list)
    scaling: Scaling | None = None
    complexity: Complexity
    hints: list[str] = Field(min_length=3, max_length=3)
    pitfalls: list[str] = Field(min_length=1)
    follow_ups: list[str] = Field(min_length=1)
    faq: list[Faq] = Field(default_factory=list)
    # What the interviewer tells a candidate who asks about edge cases (empty input, duplicates,
    # negatives, ties…) and about the output, from the statement and constraints, never hidden tests.
    edge_cases: list[str] = Field(min_length=1)
    output_format: str = Field(min_length=10)
    limits: Limits = Field(default_factory=Limits)
    naive_none_reason: str | None = None

    @field_validator("starter_code")
    @classmethod
    def _every_language(cls, starter: dict[Language, str]) -> dict[Language, str]:
        missing = set(Language) - set(starter)
        if missing:
            raise ValueError(f"starter code missing for: {', '.join(sorted(missing))}")
        return starter

    @model_validator(mode="after")
    def _enough_hidden_tests(self) -> "Question":
        count = len(self.hidden_tests) + len(self.generated_tests)
        if count < MIN_HIDDEN_TESTS:
            raise ValueError(f"{self.id}: {count} hidden tests, need at least {MIN_HIDDEN_TESTS}")
        if not any(t.category == "large" for t in self.generated_tests) and self.naive_none_reason is None:
            raise ValueError(f"{self.id}: needs a generated large test or a naive_none_reason")
        test_ids = [t.id for t in self.sample_tests + self.hidden_tests] + [
            t.id for t in self.generated_tests
        ]
        duplicates = sorted({i for i in test_ids if test_ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"{self.id}: duplicate test ids: {', '.join(duplicates)}")
        return self
