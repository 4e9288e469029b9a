"""The judge's contract: run a candidate's source against tests, one verdict per test and one overall.

Function problems describe their signature with a small language-neutral type grammar so that every
language's harness can decode JSON arguments into native values:

    int | long | float | bool | string | T[] (any depth) | ListNode | TreeNode

`int` is 32-bit, `long` is 64-bit. `ListNode` travels as a JSON array of ints; `TreeNode` as a
level-order JSON array with nulls (LeetCode style). Names are snake_case here; harnesses derive each
language's idiom (camelCase for JavaScript, Java and Go).
"""

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_SOURCE_BYTES = 64 * 1024


class Language(StrEnum):
    PYTHON = "python"
    JAVASCRIPT = "javascript"
    CPP = "cpp"
    JAVA = "java"
    GO = "go"


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    RUNTIME_ERROR = "runtime_error"
    COMPILATION_ERROR = "compilation_error"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    INTERNAL_ERROR = "internal_error"


class Param(BaseModel):
    name: str
    type: str


class FunctionSignature(BaseModel):
    """`kind="function"`: call `name(*params)` and compare the return value.

    `kind="class"` (design problems): construct `name(*constructor params)` then apply methods; a test's
    input is `{"operations": ["put", "get"], "arguments": [[1, 1], [1]]}` (constructor arguments under
    `constructor`), and its expected value is the list of method results (null for void).
    """

    kind: Literal["function", "class"] = "function"
    name: str
    params: list[Param] = Field(default_factory=list)
    returns: str = "void"
    methods: list["MethodSignature"] = Field(default_factory=list)


class MethodSignature(BaseModel):
    name: str
    params: list[Param] = Field(default_factory=list)
    returns: str = "void"


class Comparison(StrEnum):
    EXACT = "exact"
    UNORDERED = "unordered"  # top-level list order does not matter
    UNORDERED_DEEP = "unordered_deep"  # order matters at no level (e.g. lists of groups)
    FLOAT = "float"  # numbers within `float_tolerance`


class TestCase(BaseModel):
    """One test: function-call (`input` by parameter name, `expected` value) or stdin/stdout."""

    __test__ = False  # not a pytest class
    model_config = ConfigDict(extra="forbid")

    id: str
    input: dict[str, Any] | None = None
    expected: Any = None
    stdin: str | None = None
    expected_stdout: str | None = None
    compare: Comparison = Comparison.EXACT
    float_tolerance: float = 1e-6
    category: str | None = None  # e.g. "empty", "duplicates", "large"; used by the feedback agent
    hidden: bool = False


class Limits(BaseModel):
    cpu_time_s: float = Field(default=2.0, gt=0, le=30)
    wall_time_s: float = Field(default=5.0, gt=0, le=60)
    memory_mb: int = Field(default=256, gt=0, le=2048)
    max_processes: int = Field(default=32, gt=0, le=256)
    output_kb: int = Field(default=64, gt=0, le=4096)
    file_size_kb: int = Field(default=1024, gt=0, le=65536)
    open_files: int = Field(default=64, gt=0, le=1024)


class SandboxRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: Language
    source: str = Field(max_length=MAX_SOURCE_BYTES)
    signature: FunctionSignature | None = None
    tests: list[TestCase] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)


class RuntimeErrorInfo(BaseModel):
    type: str
    message: str
    line: int | None = None  # in the candidate's own file


class TestResult(BaseModel):
    __test__ = False

    test_id: str
    verdict: Verdict
    # None when nothing was measured: a test stopped by a limit or a crash, or never run
    time_ms: float | None = 0.0
    memory_kb: int | None = 0
    actual: Any = None
    stdout: str = ""
    stderr: str = ""
    error: RuntimeErrorInfo | None = None
    hidden: bool = False
    category: str | None = None
    # True when the test never ran: an earlier test exceeded the time limit, which ends the whole run
    # (its verdict is then the run's, time_limit_exceeded, with no time, memory or output of its own)
    skipped: bool = False


class SandboxResult(BaseModel):
    verdict: Verdict
    tests: list[TestResult] = Field(default_factory=list)
    passed: int = 0
    total: int = 0
    compile_output: str = ""
    time_ms: float = 0.0
    message: str = ""  # human-readable summary, e.g. the internal error's reason
    time_limit_s: float | None = None  # the CPU time limit each test ran under ("limit 2 s" on screen)

    def recorded_view(self) -> "SandboxResult":
        """What the session's record keeps: a hidden test's verdict, time and category, not its data (a
        large test's output ran to megabytes per run, and nobody may read it)."""
        return self.model_copy(
            update={"tests": [t.model_copy(update={"actual": None, "stdout": "", "stderr": ""}) if t.hidden else t
                              for t in self.tests]}
        )

    def public_view(self) -> "SandboxResult":
        """What a browser may see: hidden tests keep their verdict, time and memory, never their data."""
        return self.model_copy(
            update={
                "tests": [
                    t.model_copy(update={"actual": None, "stdout": "", "stderr": "", "category": None})
                    if t.hidden
                    else t
                    for t in self.tests
                ]
            }
        )


FunctionSignature.model_rebuild()
