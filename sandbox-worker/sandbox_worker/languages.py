"""What each language needs: files in the box, an optional compile step, and the harness command.

Every harness follows the protocol documented in harnesses/harness.py: it reads `spec.json`, calls the
candidate's function once per test inside ONE process, and writes JSON records to the fd whose number
replaces `{RECORD_FD}` on its command line.
"""

from dataclasses import dataclass, field
from importlib import resources

from contracts.sandbox import FunctionSignature, Language

from .sandbox import BOX

HARNESS_DIR = resources.files("sandbox_worker") / "harnesses"


def harness_source(name: str) -> str:
    return (HARNESS_DIR / name).read_text()


@dataclass
class LanguageSpec:
    language: Language
    source_file: str
    run_argv: list[str]
    compile_argv: list[str] | None = None
    # Runtimes that reserve large virtual ranges (JVM, V8, Go) cannot live under a tight RLIMIT_AS;
    # their heap is capped by a runtime flag instead (see memory_flags) and RLIMIT_AS is generous.
    address_space_overhead_mb: int | None = 64
    runtime_overhead_mb: int = 32  # what the bare runtime needs on top of the problem's memory limit
    extra_threads: int = 0  # runtime threads count against RLIMIT_NPROC
    startup_s: float = 2.0
    extra_ro: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)

    def box_files(self, source: str, signature: FunctionSignature | None) -> dict[str, str]:
        return {self.source_file: source}

    def run_command(self, memory_mb: int) -> list[str]:
        return [a.replace("{MEMORY_MB}", str(memory_mb)) for a in self.run_argv]


@dataclass
class PythonSpec(LanguageSpec):
    def box_files(self, source, signature):
        return {self.source_file: source, "harness.py": harness_source("harness.py")}


PYTHON = PythonSpec(
    language=Language.PYTHON,
    source_file="solution.py",
    # -I: ignore env and user site; -S: no site import (faster start); -B: no .pyc writes.
    run_argv=["/usr/bin/python3", "-I", "-S", "-B", f"{BOX}/harness.py", "{RECORD_FD}", f"{BOX}/spec.json",
              f"{BOX}/solution.py"],
)



@dataclass
class JavaScriptSpec(LanguageSpec):
    def box_files(self, source, signature):
        return {self.source_file: source, "harness.js": harness_source("harness.js")}


JAVASCRIPT = JavaScriptSpec(
    language=Language.JAVASCRIPT,
    source_file="solution.js",
    run_argv=["/usr/bin/node", "--max-old-space-size={MEMORY_MB}", "--stack-size=8000", f"{BOX}/harness.js",
              "{RECORD_FD}", f"{BOX}/spec.json", f"{BOX}/solution.js"],
    address_space_overhead_mb=None,  # V8 reserves far more address space than it uses
    runtime_overhead_mb=64,
    extra_threads=16,
    startup_s=3.0,
)

LANGUAGES: dict[Language, LanguageSpec] = {Language.PYTHON: PYTHON, Language.JAVASCRIPT: JAVASCRIPT}
