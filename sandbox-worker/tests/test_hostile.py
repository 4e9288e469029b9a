"""Hostile programs: every one must be contained, give the right verdict, and leave the worker healthy.

Each Python program defines `solve(x)`; the judge calls it with x=1 and expects 1 unless stated.
The Python programs run twice: in a pre-started sandbox from the warm pool (the usual path) and in one
started for the run (the fallback when the pool is empty); each test checks that it took the path it names.
"""

import os
import socket

import pytest

from contracts.sandbox import SandboxRequest, Verdict
from sandbox_worker.judge import Judge
from sandbox_worker.sandbox import Sandbox

SIG = {"name": "solve", "params": [{"name": "x", "type": "int"}], "returns": "int"}
TIGHT = {"cpu_time_s": 1, "wall_time_s": 2, "memory_mb": 128, "output_kb": 16, "file_size_kb": 256,
         "max_processes": 16, "open_files": 32}


# A JVM needs more than a second of wall time when the host is busy; its limits are otherwise as tight.
JVM_TIGHT = {**TIGHT, "cpu_time_s": 2, "wall_time_s": 6}


async def run(judge, source, language="python", tests=None, signature=SIG):
    tests = tests or [{"id": "only", "input": {"x": 1}, "expected": 1}]
    warm_before = judge.sandbox.warm_runs
    result = await judge.judge(SandboxRequest(language=language, source=source, signature=signature,
                                              tests=tests, limits=JVM_TIGHT if language == "java" else TIGHT))
    expected_path = getattr(judge, "expected_path", None)
    if expected_path == "warm":  # after prestart every run finds a sandbox ready, or one already starting
        assert judge.sandbox.warm_runs > warm_before, "the run did not take a pre-started sandbox"
    elif expected_path == "cold":
        assert judge.sandbox.warm_runs == 0
    return result


@pytest.fixture(scope="module", params=["warm", "cold"])
async def python_judge(request):
    """A judge whose Python runs all take pre-started sandboxes (warm), or all start their own (cold)."""
    judge = Judge(max_concurrency=2, sandbox=Sandbox(warm_pool_size=2 if request.param == "warm" else 0))
    judge.expected_path = request.param
    judge.prestart()
    yield judge
    await judge.close()


def body(code: str) -> str:
    return "import os, sys, socket, subprocess, time\n\ndef solve(x):\n" + "".join(
        f"    {line}\n" for line in code.strip().splitlines())


# (name, program, expected verdict, expected error type or None)
CONTAINED = [
    ("network_external", body("socket.create_connection(('1.1.1.1', 53), timeout=1)"), Verdict.RUNTIME_ERROR, "OSError"),
    ("network_dns", body("socket.getaddrinfo('pypi.org', 443)"), Verdict.RUNTIME_ERROR, "gaierror"),
    ("read_etc_passwd", body("open('/etc/passwd').read()"), Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("read_etc_shadow", body("open('/etc/shadow').read()"), Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("read_root_home", body("os.listdir('/root')"), Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("read_home", body("os.listdir('/home')"), Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("read_repo", body("open('/work/main/pyproject.toml').read()"), Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("symlink_escape", body("os.symlink('/etc/shadow', '/tmp/s')\nopen('/tmp/s').read()"),
     Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("proc_root_escape", body("open('/proc/1/root/etc/hostname').read()"), Verdict.RUNTIME_ERROR, None),
    ("dotdot_escape", body("open('/tmp/../../../../etc/passwd').read()"), Verdict.RUNTIME_ERROR, "FileNotFoundError"),
    ("write_usr", body("open('/usr/evil', 'w').write('x')"), Verdict.RUNTIME_ERROR, "OSError"),
    ("write_box", body("open('/box/solution.py', 'w').write('x')"), Verdict.RUNTIME_ERROR, "OSError"),
    ("setuid_root", body("os.setuid(0)"), Verdict.RUNTIME_ERROR, "OSError"),
    ("mount", body("subprocess.run(['mount', '-t', 'tmpfs', 'x', '/usr'], check=True)"),
     Verdict.RUNTIME_ERROR, None),
    ("fork_bomb", body("while True:\n    try:\n        os.fork()\n    except OSError:\n        pass"),
     Verdict.TIME_LIMIT_EXCEEDED, None),
    ("memory_bomb", body("a = []\nwhile True:\n    a.append(bytearray(10**7))"),
     Verdict.MEMORY_LIMIT_EXCEEDED, None),
    ("infinite_loop", body("while True:\n    pass"), Verdict.TIME_LIMIT_EXCEEDED, None),
    ("sleep_past_wall", body("time.sleep(60)"), Verdict.TIME_LIMIT_EXCEEDED, None),
    ("huge_print", body("while True:\n    print('x' * 1000)"), Verdict.OUTPUT_LIMIT_EXCEEDED, None),
    ("huge_raw_stdout", body("while True:\n    os.write(1, b'x' * 65536)"), Verdict.OUTPUT_LIMIT_EXCEEDED, None),
    ("huge_file", body("open('/tmp/big', 'wb').write(b'x' * 10**7)"), Verdict.RUNTIME_ERROR, "OSError"),
    ("fill_tmpfs", body("for i in range(10**4):\n    open(f'/tmp/f{i}', 'wb').write(b'x' * 200_000)"),
     Verdict.RUNTIME_ERROR, "OSError"),
    ("open_files", body("fs = [open('/tmp/f%d' % i, 'w') for i in range(1000)]"), Verdict.RUNTIME_ERROR, "OSError"),
    ("deep_recursion", "def solve(x):\n    return solve(x + 1)\n", Verdict.RUNTIME_ERROR, "RecursionError"),
    ("exit_early", body("os._exit(0)"), Verdict.RUNTIME_ERROR, None),
    ("sys_exit", body("sys.exit(3)"), Verdict.RUNTIME_ERROR, "SystemExit"),
    ("kill_parent", body("os.kill(os.getppid(), 9)\nos.kill(1, 9)\nreturn x"), Verdict.ACCEPTED, None),
    ("kill_everything", body("os.kill(-1, 9)"), None, None),  # killing itself: any non-accepted verdict
    ("segfault", body("import ctypes\nctypes.string_at(0)"), Verdict.RUNTIME_ERROR, "SIGSEGV"),
]


@pytest.mark.parametrize("name,source,verdict,error_type", CONTAINED, ids=[c[0] for c in CONTAINED])
async def test_hostile_program_is_contained(python_judge, name, source, verdict, error_type):
    result = await run(python_judge, source)
    test = result.tests[0]
    if verdict is None:
        assert test.verdict is not Verdict.ACCEPTED and result.verdict is not Verdict.INTERNAL_ERROR
    else:
        assert test.verdict is verdict, (test, result.message)
    if error_type:
        assert error_type in test.error.type or error_type in test.error.message, test.error


async def test_loopback_of_host_is_unreachable(python_judge):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    try:
        result = await run(python_judge, body(f"socket.create_connection(('127.0.0.1', {port}), timeout=1)"))
    finally:
        listener.close()
    assert result.tests[0].verdict is Verdict.RUNTIME_ERROR
    assert "ConnectionRefused" in result.tests[0].error.type


async def test_only_a_private_loopback_interface_exists(python_judge):
    source = body("print(sorted(l.split(':')[0].strip() for l in open('/proc/net/dev').readlines()[2:]))\nreturn x")
    result = await run(python_judge, source)
    assert result.tests[0].stdout.strip() == "['lo']"


async def test_environment_is_empty_of_secrets(python_judge, monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "leak-me")
    monkeypatch.setenv("DD_API_KEY", "leak-me-too")
    result = await run(python_judge, body("print(sorted(os.environ))\nreturn x"))
    printed = result.tests[0].stdout
    assert "AWS" not in printed and "DD_" not in printed and "leak" not in printed
    assert "PATH" in printed


async def test_runs_as_unprivileged_uid_with_private_pid_namespace(python_judge):
    source = body("print(os.getuid(), os.getgid(), len([p for p in os.listdir('/proc') if p.isdigit()]))\n"
                  "return x")
    result = await run(python_judge, source)
    uid, gid, processes = map(int, result.tests[0].stdout.split())
    assert (uid, gid) == (65534, 65534)
    assert processes < 10  # none of the host's processes are visible
    if os.geteuid() == 0:  # a root worker starts bwrap as an unprivileged host uid (one per slot)
        assert python_judge.sandbox._host_uid(0)[0] != 0


async def test_root_shows_only_runtime_and_work_dirs(python_judge):
    result = await run(python_judge, body("print(sorted(os.listdir('/')))\nreturn x"))
    visible = set(eval(result.tests[0].stdout))
    assert visible <= {"usr", "bin", "lib", "lib64", "sbin", "lib32", "libx32", "proc", "dev", "tmp", "box"}


async def test_work_dir_is_fresh_each_run(python_judge):
    await run(python_judge, body("open('/tmp/marker', 'w').write('x')\nreturn x"))
    result = await run(python_judge, body("return int(not os.path.exists('/tmp/marker'))"))
    assert result.verdict is Verdict.ACCEPTED


async def test_background_processes_die_with_the_run(python_judge):
    marker = "mockmind-orphan-marker"
    source = body(f"subprocess.Popen(['sh', '-c', 'exec -a {marker} sleep 300'], start_new_session=True)\n"
                  "return x")
    result = await run(python_judge, source)
    assert result.verdict is Verdict.ACCEPTED
    # The verdict may come back while the killed tree is still going down (the harness reported its end):
    # by then every process of the run is dying, and once the sandbox has reaped the run, none is left.
    assert [pid for pid in processes_named(marker) if not dying(pid)] == []
    await python_judge.sandbox.settle()
    assert processes_named(marker) == []


def processes_named(marker: str) -> list[str]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if marker.encode() in f.read():
                    found.append(pid)
        except OSError:
            pass
    return found


def dying(pid: str) -> bool:
    """A zombie, or SIGKILL pending: it runs no more of its own code."""
    try:
        with open(f"/proc/{pid}/status") as f:
            status = dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return True  # already gone
    sigkill = 1 << 8  # signal 9: bit 8 of the pending masks
    pending = int(status["ShdPnd"], 16) | int(status["SigPnd"], 16)
    return status["State"].split()[0] in ("Z", "X") or bool(pending & sigkill)


async def test_a_forged_end_record_ends_the_run_without_passing_a_test(python_judge):
    """The candidate shares the harness's process and can write its end record early: the worker then stops the
    sandbox at once, and the tests without a result are not passed; nothing it started is left running."""
    marker = "mockmind-forged-end-marker"
    source = body("os.write(int(sys.argv[1]), b'{\"t\": \"end\"}\\n')\n"
                  f"subprocess.Popen(['sh', '-c', 'exec -a {marker} sleep 300'], start_new_session=True)\n"
                  "time.sleep(5)\nreturn x")
    tests = [{"id": str(i), "input": {"x": i}, "expected": i} for i in (1, 2)]
    result = await run(python_judge, source, tests=tests)
    assert [t.verdict for t in result.tests] == [Verdict.RUNTIME_ERROR, Verdict.RUNTIME_ERROR], result.tests
    assert result.time_ms < 5000  # not the candidate's sleep: the end record stopped the run
    await python_judge.sandbox.settle()
    assert processes_named(marker) == []


async def test_one_looping_test_ends_the_run_and_keeps_the_earlier_results(python_judge):
    source = "def solve(x):\n    while x == 2:\n        pass\n    return x\n"
    tests = [{"id": str(i), "input": {"x": i}, "expected": i} for i in (1, 2, 3)]
    result = await run(python_judge, source, tests=tests)
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.TIME_LIMIT_EXCEEDED,
                                                 Verdict.TIME_LIMIT_EXCEEDED]
    assert [t.skipped for t in result.tests] == [False, False, True]  # the time limit is the whole run's
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED


# Each call with harmless arguments; the filter answers before the kernel looks at them.
SYSCALLS = {  # name: (x86_64 number, first argument)
    "io_uring_setup": (425, 8), "io_uring_enter": (426, 0), "io_uring_register": (427, 0),
    "unshare_newuser": (272, 0x10000000), "unshare_newns": (272, 0x00020000), "setns": (308, 0),
    "ptrace_traceme": (101, 0), "keyctl": (250, 0), "add_key": (248, 0), "request_key": (249, 0),
    "bpf": (321, 0), "perf_event_open": (298, 0), "mount": (165, 0), "umount2": (166, 0), "pivot_root": (155, 0),
    "kexec_load": (246, 0), "kexec_file_load": (320, 0), "x32_abi_getpid": (0x40000000 | 39, 0),
}
SYSCALL_PROGRAM = body("""
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
number, first = x
result = libc.syscall(ctypes.c_long(number), ctypes.c_long(first), ctypes.c_long(0), ctypes.c_long(0),
                      ctypes.c_long(0), ctypes.c_long(0))
if result == 0 and number == 56:
    os._exit(0)  # a clone that went through: the child leaves at once
return [result, ctypes.get_errno()]
""")
SYSCALL_SIG = {"name": "solve", "params": [{"name": "x", "type": "int[]"}], "returns": "int[]"}


@pytest.mark.parametrize("name", SYSCALLS)
async def test_seccomp_denies_dangerous_system_calls(python_judge, name):
    tests = [{"id": name, "input": {"x": list(SYSCALLS[name])}, "expected": [-1, 1]}]  # -1, EPERM
    result = await run(python_judge, SYSCALL_PROGRAM, tests=tests, signature=SYSCALL_SIG)
    assert result.tests[0].actual == [-1, 1], result.tests[0]


async def test_seccomp_denies_a_clone_into_a_new_user_namespace(python_judge):
    tests = [{"id": "clone", "input": {"x": [56, 0x10000000 | 17]}, "expected": [-1, 1]}]  # CLONE_NEWUSER|SIGCHLD
    result = await run(python_judge, SYSCALL_PROGRAM, tests=tests, signature=SYSCALL_SIG)
    assert result.tests[0].actual == [-1, 1], result.tests[0]


async def test_seccomp_still_lets_a_program_start_threads_and_processes(python_judge):
    source = body("""
import threading
box = []
thread = threading.Thread(target=lambda: box.append(x))
thread.start()
thread.join()
pid = os.fork()
if pid == 0:
    os._exit(7)
return box[0] + os.waitpid(pid, 0)[1] // 256
""")
    result = await run(python_judge, source, tests=[{"id": "t", "input": {"x": 1}, "expected": 8}])
    assert result.verdict is Verdict.ACCEPTED, result.tests[0]


async def test_a_32_bit_system_call_kills_the_program():
    """`int 0x80` reaches the kernel's i386 table, where numbers mean other calls: the filter kills it."""
    source = ("int solve(int x) {\n    long result;\n"
              "    asm volatile(\"int $0x80\" : \"=a\"(result) : \"a\"(20L) : \"memory\");  // i386 getpid\n"
              "    return (int)result;\n}\n")
    judge = Judge(max_concurrency=1)
    try:
        result = await judge.judge(SandboxRequest(language="cpp", source=source, signature=SIG,
                                                  tests=[{"id": "t", "input": {"x": 1}, "expected": 1}]))
    finally:
        await judge.close()
    assert result.verdict is Verdict.RUNTIME_ERROR and result.tests[0].error.type == "SIGSYS", result


async def test_worker_is_healthy_after_hostile_runs(python_judge):
    result = await run(python_judge, "def solve(x):\n    return x\n")
    assert result.verdict is Verdict.ACCEPTED


JS_SIG = SIG
OTHER_LANGUAGES = [
    ("js_infinite_loop", "javascript", "function solve(x) { while (true) {} }", Verdict.TIME_LIMIT_EXCEEDED),
    ("js_read_passwd", "javascript", "function solve(x) { return require('fs').readFileSync('/etc/passwd'); }",
     Verdict.RUNTIME_ERROR),
    ("js_env_secrets", "javascript", "function solve(x) { return Object.keys(process.env).some(k => k.startsWith('AWS')) ? 0 : 1; }",
     Verdict.ACCEPTED),
    ("js_heap_bomb", "javascript", "function solve(x) { const a = []; while (true) a.push(new Array(1e6).fill(1.5)); }",
     Verdict.MEMORY_LIMIT_EXCEEDED),
    ("js_buffer_bomb", "javascript", "function solve(x) { const a = []; while (true) a.push(Buffer.alloc(1e8, 1)); }",
     Verdict.MEMORY_LIMIT_EXCEEDED),
    ("js_spawn_shell", "javascript",
     "function solve(x) { require('child_process').execSync('cat /etc/passwd'); return x; }", Verdict.RUNTIME_ERROR),
    ("go_infinite_loop", "go", "package main\n\nfunc solve(x int) int {\n\tfor {\n\t}\n}\n", Verdict.TIME_LIMIT_EXCEEDED),
    ("go_read_passwd", "go", "package main\n\nimport \"os\"\n\nfunc solve(x int) int {\n\t_, err := os.ReadFile(\"/etc/passwd\")\n"
     "\tif err != nil {\n\t\tpanic(err)\n\t}\n\treturn x\n}\n", Verdict.RUNTIME_ERROR),
    ("cpp_fork_bomb", "cpp", "#include <unistd.h>\nint solve(int x) { while (true) fork(); }", Verdict.TIME_LIMIT_EXCEEDED),
    ("cpp_memory_bomb", "cpp", "int solve(int x) { vector<vector<int>> v; while (true) v.emplace_back(1 << 20, 1); }",
     Verdict.MEMORY_LIMIT_EXCEEDED),
    ("java_infinite_loop", "java", "class Solution { int solve(int x) { while (true) {} } }", Verdict.TIME_LIMIT_EXCEEDED),
    ("java_heap_bomb", "java", "class Solution { int solve(int x) { List<long[]> a = new ArrayList<>();"
     " while (true) a.add(new long[1 << 20]); } }", Verdict.MEMORY_LIMIT_EXCEEDED),
    ("java_read_passwd", "java", "class Solution { int solve(int x) throws Exception {"
     " return java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")).length(); } }", Verdict.RUNTIME_ERROR),
    ("java_env_secrets", "java", "class Solution { int solve(int x) {"
     " return System.getenv().keySet().stream().anyMatch(k -> k.startsWith(\"AWS\")) ? 0 : 1; } }", Verdict.ACCEPTED),
    ("java_spawn_shell", "java", "class Solution { int solve(int x) throws Exception {"
     " return new ProcessBuilder(\"cat\", \"/etc/passwd\").start().waitFor(); } }", Verdict.ACCEPTED),
    ("java_thread_bomb", "java", "class Solution { int solve(int x) { while (true) new Thread(() -> {"
     " try { Thread.sleep(100000); } catch (Exception e) {} }).start(); } }", Verdict.RUNTIME_ERROR),
    ("java_exit", "java", "class Solution { int solve(int x) { System.exit(0); return x; } }", Verdict.RUNTIME_ERROR),
    ("java_stack_overflow", "java", "class Solution { int solve(int x) { return solve(x + 1) + 1; } }",
     Verdict.RUNTIME_ERROR),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,language,source,verdict", OTHER_LANGUAGES, ids=[c[0] for c in OTHER_LANGUAGES])
async def test_hostile_program_in_other_languages(judge_runner, monkeypatch, name, language, source, verdict):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "leak-me")
    result = await run(judge_runner, source, language=language)
    assert result.tests and result.tests[0].verdict is verdict, (result.compile_output, result.tests)


RLIMIT_NAMES = ("RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_FSIZE", "RLIMIT_NOFILE", "RLIMIT_CORE", "RLIMIT_AS")
RLIMIT_PROBE = f"""import resource

def solve(x):
    return [resource.getrlimit(getattr(resource, name))[1] for name in {RLIMIT_NAMES!r}]
"""
# A whole program (stdin/stdout test) runs its command as given: the prlimit process or the worker sets its limits.
RLIMIT_PROGRAM = f"""import resource
print([resource.getrlimit(getattr(resource, name))[1] for name in {RLIMIT_NAMES!r}])
"""


@pytest.mark.parametrize("applied_by", ["prlimit_process", "worker", "prestarted_runtime", "runtime_started_now"])
async def test_rlimits_reach_the_candidate(applied_by):
    """Every way of applying rlimits confines the candidate: a prlimit process, the worker on bwrap's blocked
    tree (both for commands run as given: whole programs, compilers, other languages), or a Python runtime
    lowering its own limits when handed the run, pre-started or started for it. The worker may only set them
    itself on its own uid here, so that case runs as root's uid."""
    sandbox = Sandbox(warm_pool_size=1 if applied_by == "prestarted_runtime" else 0)
    sandbox.worker_sets_rlimits = applied_by == "worker"
    if applied_by == "worker" and os.geteuid() == 0:
        sandbox._host_uid = lambda slot: None
    judge = Judge(max_concurrency=1, sandbox=sandbox)
    judge.prestart()
    limits = {**TIGHT, "memory_mb": 128}
    whole_program = applied_by in ("prlimit_process", "worker")
    spawned = []
    spawn = sandbox._spawn

    async def recording(spec, *args, **kwargs):
        spawned.append(kwargs["rlimits_by_command"])
        return await spawn(spec, *args, **kwargs)

    sandbox._spawn = recording
    test = {"id": "only", "stdin": "", "expected_stdout": ""} if whole_program else \
        {"id": "only", "input": {"x": 1}, "expected": None}
    try:
        result = await judge.judge(SandboxRequest(language="python", limits=limits, tests=[test],
                                                  source=RLIMIT_PROGRAM if whole_program else RLIMIT_PROBE,
                                                  signature=None if whole_program else SIG))
    finally:
        await judge.close()
    assert sandbox.warm_runs == (1 if applied_by == "prestarted_runtime" else 0)
    assert spawned[-1] is whole_program  # the command sets them (prlimit or worker), or the runtime itself
    found = eval(result.tests[0].stdout) if whole_program else result.tests[0].actual
    cpu, nproc, fsize, nofile, core, address_space = found
    assert (nproc, fsize, nofile, core) == (16, 256 * 1024, 32, 0)
    assert 0 < cpu <= 10
    assert 0 < address_space <= (128 + 256) * 1024 * 1024
