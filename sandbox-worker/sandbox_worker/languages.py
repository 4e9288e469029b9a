"""What each language needs: files in the box, an optional compile step, and the harness command.

Every harness follows the protocol documented in harnesses/harness.py: it reads `spec.json`, calls the
candidate's function once per test inside ONE process, and writes JSON records to the fd whose number
replaces `{RECORD_FD}` on its command line.
"""

import functools
import hashlib
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from contracts.sandbox import FunctionSignature, Language

from .sandbox import BOX, WarmStart

HARNESS_DIR = resources.files("sandbox_worker") / "harnesses"


@functools.cache
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
    # stdin/stdout tests run the candidate's whole program, without a harness
    program_argv: list[str] = field(default_factory=list)
    program_compile_argv: list[str] | None = None

    def box_files(self, source: str, signature: FunctionSignature | None) -> dict[str, str]:
        return {self.source_file: source}

    def program_files(self, source: str) -> dict[str, str]:
        return {self.source_file: source}

    def program_command(self, memory_mb: int) -> list[str]:
        return [a.replace("{MEMORY_MB}", str(memory_mb)) for a in self.program_argv]

    def prepare(self) -> None:
        """One-off host preparation before the first compile (see CppSpec)."""

    def run_command(self, memory_mb: int, signature: FunctionSignature | None = None) -> list[str]:
        return [a.replace("{MEMORY_MB}", str(memory_mb)) for a in self.run_argv]

    def warm_start(self) -> WarmStart | None:
        """How to pre-start the harness run (sandbox.WarmStart); None: this language always starts cold."""
        return None


@dataclass
class PythonSpec(LanguageSpec):
    def box_files(self, source, signature):
        return {self.source_file: source, "harness.py": harness_source("harness.py")}

    def warm_start(self) -> WarmStart:
        harness = f"{BOX}/harness.py"
        at = self.run_argv.index(harness) + 1
        return WarmStart(argv=(*self.run_argv[:at], "--warm", *self.run_argv[at:]),
                         files=(("harness.py", harness_source("harness.py")),))


PYTHON = PythonSpec(
    language=Language.PYTHON,
    source_file="solution.py",
    # -I: ignore env and user site; -S: no site import (faster start); -B: no .pyc writes.
    run_argv=["/usr/bin/python3", "-I", "-S", "-B", f"{BOX}/harness.py", "{RECORD_FD}", f"{BOX}/spec.json",
              f"{BOX}/solution.py"],
    program_argv=["/usr/bin/python3", "-I", "-S", "-B", f"{BOX}/solution.py"],
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
    program_argv=["/usr/bin/node", "--max-old-space-size={MEMORY_MB}", "--stack-size=8000", f"{BOX}/solution.js"],
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
    program_compile_argv=["/usr/bin/go", "build", "-o", f"{BOX}/main", f"{BOX}/solution.go"],
    program_argv=[f"{BOX}/main"],
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
            self.program_compile_argv[1:1] = ["-I", pch_dir]

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
    program_compile_argv=["/usr/bin/g++", *PCH_FLAGS, "-pipe", "-o", f"{BOX}/main", f"{BOX}/solution.cpp"],
    program_argv=[f"{BOX}/main"],
    address_space_overhead_mb=32,
    startup_s=1.0,
)

JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64"  # not /usr/bin/java: that symlink chain goes through /etc
JAVA_CONFIG = "/etc/java-17-openjdk"  # the JDK's lib/jvm.cfg links here; the launcher cannot start without it
JAVA_PRELUDE = "import java.util.*; import java.util.stream.*; "  # same line as the candidate's first: lines keep
JAVA_NODES = {
    "ListNode": "class ListNode { int val; ListNode next; ListNode() {} ListNode(int val) { this.val = val; }"
                " ListNode(int val, ListNode next) { this.val = val; this.next = next; } }\n",
    "TreeNode": "class TreeNode { int val; TreeNode left, right; TreeNode() {} TreeNode(int val) { this.val = val; }"
                " TreeNode(int val, TreeNode left, TreeNode right) { this.val = val; this.left = left;"
                " this.right = right; } }\n",
}
# Start-up matters more than peak speed for a compiler run: C1 only, serial GC, no perf-data file.
JAVA_QUICK_JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"]
JAVA_PROGRAM_FILE = "Main.java"  # stdin/stdout programs: `public class Main { public static void main(...) }`
JAVA_PROGRAM_STACK = "16m"  # as the harness's test thread
JAVA_RUN_JVM = [
    "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-XX:CICompilerCount=2",
    "--add-opens", "java.base/java.io=ALL-UNNAMED",  # the harness wraps the inherited record fd
    # Keep reservations modest so that the JVM also starts under an RLIMIT_AS fallback.
    "-XX:ReservedCodeCacheSize=64m", "-XX:CompressedClassSpaceSize=64m", "-XX:MaxMetaspaceSize=128m",
]


def java_class_name(signature: FunctionSignature | None) -> str:
    return signature.name if signature and signature.kind == "class" else "Solution"


@dataclass
class JavaSpec(LanguageSpec):
    """javac in the sandbox compiles the candidate's file (+ ListNode/TreeNode unless they define them);
    the trusted harness (MmHarness.java) is compiled once per host and mounted read-only."""

    harness_dir: str | None = None

    def prepare(self) -> None:
        cache = Path(os.environ.get("SANDBOX_CACHE_DIR", "/var/tmp/mockmind-sandbox-cache")) / "java"
        self.harness_dir = str(ensure_java_harness(cache))
        archive = ensure_javac_class_archive(cache)
        self.extra_ro = [JAVA_CONFIG, str(cache)]
        javac = [f"{JAVA_HOME}/bin/javac", *(f"-J{flag}" for flag in JAVA_QUICK_JVM), "-J-Xmx512m",
                 *([f"-J-XX:SharedArchiveFile={archive}"] if archive else []),
                 "-proc:none", "-nowarn", "-encoding", "UTF-8", "-d", BOX]
        self.compile_argv = [*javac, f"@{BOX}/sources.txt"]
        self.program_compile_argv = [*javac, f"{BOX}/{JAVA_PROGRAM_FILE}"]

    def box_files(self, source, signature):
        files = {f"{java_class_name(signature)}.java": JAVA_PRELUDE + source}
        nodes = "".join(code for name, code in JAVA_NODES.items() if not re.search(rf"\bclass\s+{name}\b", source))
        if nodes:
            files["MmNodes.java"] = nodes
        files["sources.txt"] = "\n".join(f"{BOX}/{name}" for name in files) + "\n"  # javac @argfile
        return files

    def program_files(self, source):
        return {JAVA_PROGRAM_FILE: JAVA_PRELUDE + source}

    def program_command(self, memory_mb):
        return [f"{JAVA_HOME}/bin/java", *JAVA_RUN_JVM, f"-Xmx{memory_mb}m", f"-Xms{min(memory_mb, 64)}m",
                f"-Xss{JAVA_PROGRAM_STACK}", "-cp", BOX, "Main"]

    def run_command(self, memory_mb: int, signature: FunctionSignature | None = None) -> list[str]:
        name = java_class_name(signature)
        return [f"{JAVA_HOME}/bin/java", *JAVA_RUN_JVM, f"-Xmx{memory_mb}m", f"-Xms{min(memory_mb, 64)}m",
                "-cp", f"{self.harness_dir}:{BOX}", "MmHarness", "{RECORD_FD}", f"{BOX}/spec.json", name,
                f"{name}.java"]


def ensure_java_harness(cache: Path) -> Path:
    """Compile MmHarness.java on the host (trusted code) into a directory keyed by its content."""
    source = harness_source("MmHarness.java")
    target = cache / f"harness-{hashlib.sha256(source.encode()).hexdigest()[:12]}"
    if (target / "MmHarness.class").exists():
        return target
    partial = cache / f"tmp-{os.getpid()}-{threading.get_ident()}"
    partial.mkdir(parents=True, exist_ok=True)
    (partial / "MmHarness.java").write_text(source)
    subprocess.run([f"{JAVA_HOME}/bin/javac", "-encoding", "UTF-8", "-d", str(partial), str(partial / "MmHarness.java")],
                   check=True, capture_output=True, timeout=300)
    _make_world_readable(partial)
    try:
        partial.rename(target)
    except OSError:  # another worker won the race
        shutil.rmtree(partial, ignore_errors=True)
    _make_world_readable(cache)
    return target


def ensure_javac_class_archive(cache: Path) -> str | None:
    """A CDS archive of the classes javac loads halves its start-up (~1 s of CPU to ~0.5 s)."""
    archive = cache / "javac.jsa"
    if archive.exists():
        return str(archive)
    work = cache / f"cds-{os.getpid()}-{threading.get_ident()}"
    work.mkdir(parents=True, exist_ok=True)
    (work / "Warm.java").write_text("import java.util.*; class Warm { List<int[]> a = new ArrayList<>(); }\n")
    partial = work / "javac.jsa"
    result = subprocess.run([f"{JAVA_HOME}/bin/javac", *(f"-J{flag}" for flag in JAVA_QUICK_JVM), "-J-Xmx512m",
                             f"-J-XX:ArchiveClassesAtExit={partial}", "-proc:none", "-d", str(work),
                             str(work / "Warm.java")], capture_output=True, timeout=300)
    if result.returncode != 0 or not partial.exists():
        shutil.rmtree(work, ignore_errors=True)
        return None
    partial.chmod(0o644)
    partial.rename(archive)
    shutil.rmtree(work, ignore_errors=True)
    _make_world_readable(cache)
    return str(archive)


def _make_world_readable(root: Path) -> None:
    """The sandboxed uid must read the cache; it is trusted output, never written by candidates."""
    for dirpath, _, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)


JAVA = JavaSpec(
    language=Language.JAVA,
    source_file="Solution.java",
    compile_argv=None,  # set by prepare()
    run_argv=[],
    address_space_overhead_mb=None,  # the JVM reserves far more than it uses; the cgroup caps it
    runtime_overhead_mb=160,  # metaspace, code cache, thread stacks on top of -Xmx
    extra_threads=32,
    startup_s=3.0,
)

LANGUAGES: dict[Language, LanguageSpec] = {
    Language.CPP: CPP,
    Language.PYTHON: PYTHON,
    Language.JAVASCRIPT: JAVASCRIPT,
    Language.GO: GO,
    Language.JAVA: JAVA,
}
