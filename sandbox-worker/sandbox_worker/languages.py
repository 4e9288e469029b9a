"""What each language needs: files in the box, an optional compile step, and the harness command.

Every harness follows the protocol documented in harnesses/harness.py: it reads `spec.json`, calls the
candidate's function once per test inside ONE process, and writes JSON records to the fd whose number
replaces `{RECORD_FD}` on its command line.
"""

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

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

    def prepare(self) -> None:
        """One-off host preparation before the first compile (see CppSpec)."""

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


def snake_to_camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass
class GoSpec(LanguageSpec):
    def box_files(self, source, signature):
        target = "Constructor" if signature and signature.kind == "class" else snake_to_camel(
            signature.name if signature else "main")
        registry = f"package main\n\nvar mmCandidate interface{{}} = {target}\n"
        return {self.source_file: source, "harness.go": harness_source("harness.go"), "registry.go": registry}


GO = GoSpec(
    language=Language.GO,
    source_file="solution.go",
    compile_argv=["/usr/bin/go", "build", "-o", f"{BOX}/main", f"{BOX}/solution.go", f"{BOX}/harness.go",
                  f"{BOX}/registry.go"],
    run_argv=[f"{BOX}/main", "{RECORD_FD}", f"{BOX}/spec.json"],
    address_space_overhead_mb=None,  # the Go runtime reserves address space up front; the cgroup caps it
    extra_threads=16,
    env={"GOCACHE": "/tmp/gocache", "GOPATH": "/tmp/gopath", "GO111MODULE": "off", "CGO_ENABLED": "0"},
)

CPP_SCALARS = {"int": "int", "long": "long long", "float": "double", "bool": "bool", "string": "string",
               "char": "char", "ListNode": "ListNode*", "TreeNode": "TreeNode*"}


def cpp_type(type_name: str) -> str:
    if type_name.endswith("[]"):
        return f"vector<{cpp_type(type_name[:-2])}>"
    return CPP_SCALARS[type_name]


def cpp_call_source(signature: FunctionSignature) -> str:
    """Generated `mm::mm_call`: decode the test input into typed locals and call the candidate."""
    lines = ["namespace mm {", "std::string mm_call(const Json &input) {"]
    if signature.kind == "class":
        lines.append('  const Json &ctor = input["constructor"];')
        ctor_args = _cpp_decode_args(lines, signature.params, "ctor", indent="  ")
        lines += [f"  auto *obj = new ::{signature.name}({ctor_args});",
                  '  const Json &ops = input["operations"]; const Json &args = input["arguments"];',
                  '  std::string out = "[";',
                  "  for (size_t k = 0; k < ops.items.size(); k++) {",
                  '    if (k) out += ",";',
                  "    const std::string &op = ops.items[k].str; const Json &a = args.items[k];",
                  "    if (false) {}"]
        for method in signature.methods:
            lines.append(f'    else if (op == "{method.name}") {{')
            call_args = _cpp_decode_args(lines, method.params, "a", indent="      ")
            call = f"obj->{snake_to_camel(method.name)}({call_args})"
            lines.append(f'      {call}; out += "null";' if method.returns == "void" else f"      out += to_json({call});")
            lines.append("    }")
        lines += ['    else throw std::runtime_error("unknown operation " + op);', "  }", '  return out + "]";']
    else:
        call_args = _cpp_decode_args(lines, signature.params, None, indent="  ")
        call = f"::{snake_to_camel(signature.name)}({call_args})"
        lines.append(f'  {call}; return "null";' if signature.returns == "void" else f"  return to_json({call});")
    lines += ["}", "}  // namespace mm", ""]
    return "\n".join(lines)


def _cpp_decode_args(lines: list[str], params, positional_source: str | None, indent: str) -> str:
    names = []
    for index, param in enumerate(params):
        source = (f'input["{param.name}"]' if positional_source is None
                  else f"({positional_source}.items.size() > {index} ? {positional_source}.items[{index}] : Json())")
        lines.append(f"{indent}auto mm_a{index} = from<{cpp_type(param.type)}>({source});")
        names.append(f"mm_a{index}")
    return ", ".join(names)


PCH_HEADER = "/usr/include/x86_64-linux-gnu/c++/12/bits/stdc++.h"
PCH_FLAGS = ["-O2", "-std=c++17"]


def ensure_cpp_precompiled_header() -> str | None:
    """Precompile <bits/stdc++.h> once per host (trusted system header, so outside the sandbox):
    it cuts a C++ compile from ~3 s to ~0.5 s of CPU. Returns the include dir, or None if unavailable."""
    cache = Path(os.environ.get("SANDBOX_CACHE_DIR", "/var/tmp/mockmind-sandbox-cache")) / "pch"
    target = cache / "bits" / "stdc++.h.gch"
    if target.exists():
        return str(cache)
    headers = sorted(Path("/usr/include").glob("x86_64-linux-gnu/c++/*/bits/stdc++.h"))
    if not headers or not shutil.which("g++"):
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".tmp{os.getpid()}")
    result = subprocess.run(["g++", *PCH_FLAGS, "-x", "c++-header", str(headers[-1]), "-o", str(partial)],
                            capture_output=True, timeout=300)
    if result.returncode != 0:
        return None
    os.chmod(cache, 0o755)
    os.chmod(target.parent, 0o755)
    partial.chmod(0o644)
    partial.rename(target)
    return str(cache)


@dataclass
class CppSpec(LanguageSpec):
    def prepare(self) -> None:
        pch_dir = ensure_cpp_precompiled_header()
        if pch_dir and pch_dir not in self.extra_ro:
            self.extra_ro.append(pch_dir)
            self.compile_argv[1:1] = ["-I", pch_dir]

    def box_files(self, source, signature):
        program = "".join([
            harness_source("harness_prelude.cpp"),
            '#line 1 "solution.cpp"\n', source, "\n",
            '#line 1 "harness.cpp"\n', harness_source("harness_main.cpp"),
            cpp_call_source(signature) if signature else "",
        ])
        return {self.source_file: source, "main.cpp": program}


CPP = CppSpec(
    language=Language.CPP,
    source_file="solution.cpp",
    compile_argv=["/usr/bin/g++", *PCH_FLAGS, "-pipe", "-o", f"{BOX}/main", f"{BOX}/main.cpp"],
    run_argv=[f"{BOX}/main", "{RECORD_FD}", f"{BOX}/spec.json"],
    address_space_overhead_mb=32,
    startup_s=1.0,
)

LANGUAGES: dict[Language, LanguageSpec] = {
    Language.CPP: CPP,
    Language.PYTHON: PYTHON,
    Language.JAVASCRIPT: JAVASCRIPT,
    Language.GO: GO,
}
