"""Python harness: runs inside the sandbox, calls the candidate's function once per test.

Protocol shared by every language's harness (see sandbox_worker/languages.py):
  argv: <record fd> <spec.json path> <solution path>
  or, in a pre-started sandbox: --warm <record fd> <spec.json path> <solution path>, and then the
  interpreter writes {"t": "waiting"} once it is up, waits for one line on stdin, {"rlimits": [[resource,
  value], ...]}, before reading anything; once its limits are lowered it writes {"t": "warm"} (the worker
  then knows the run reached it)
  spec: {"signature": {...}, "tests": [{"id": ..., "input": {...}}, ...], "output_cap": bytes}
  Records, one JSON object per line on the record fd:
    {"t": "start", "i": n}
    {"t": "done", "i": n, "actual": ..., "cpu_ms": .., "wall_ms": .., "mem_kb": .., "stdout": "", "stderr": ""}
    {"t": "done", "i": n, "error": {"type", "message", "line"}, "mle": bool, ...}
    {"t": "compile_error", "message": ...}
    {"t": "end"}  last, once everything is written and flushed: the worker stops the sandbox without waiting
                  for the interpreter to exit (a harness that never writes it is waited for)
The expected values never enter the sandbox: comparison happens in the worker.

Start-up is most of a small run's cost, so this file imports only what the interpreter has already
loaded plus the C JSON accelerator (`json` itself would pull in re, enum and friends: ~2x the start-up).
"""

import io
import os
import sys
import time

try:
    import _json
except ImportError:  # an interpreter without the C accelerator
    _json = None

SOLUTION_FILE = "solution.py"


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def to_native(value, type_name):
    if value is None:
        return None
    if type_name.endswith("[]"):
        return [to_native(v, type_name[:-2]) for v in value]
    if type_name == "ListNode":
        head = None
        for v in reversed(value):
            head = ListNode(v, head)
        return head
    if type_name == "TreeNode":
        return build_tree(value)
    if type_name == "float":
        return float(value)
    return value


def build_tree(values):
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue, i = [root], 1
    for node in queue:
        for side in ("left", "right"):
            if i < len(values) and values[i] is not None:
                child = TreeNode(values[i])
                setattr(node, side, child)
                queue.append(child)
            i += 1
        if i >= len(values):
            break
    return root


def to_json(value):
    if isinstance(value, ListNode):
        out, seen = [], 0
        while value is not None and seen < 10**6:
            out.append(value.val)
            value, seen = value.next, seen + 1
        return out
    if isinstance(value, TreeNode):
        out, queue = [], [value]
        for node in queue:
            out.append(None if node is None else node.val)
            if node is not None:
                queue.extend((node.left, node.right))
        while out and out[-1] is None:
            out.pop()
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


class OutputLimitExceeded(BaseException):
    """Raised out of print() so that a printing loop ends; BaseException so `except Exception` misses it."""


class CappedWriter(io.TextIOBase):
    """Collects a test's prints up to `cap` characters; past the cap it stops the test."""

    def __init__(self, cap):
        self.cap, self.parts, self.size, self.overflow = cap, [], 0, False

    def write(self, text):
        text = str(text)
        if self.size < self.cap:
            self.parts.append(text[: self.cap - self.size])
        self.size += len(text)
        self.overflow = self.size > self.cap
        if self.overflow:
            raise OutputLimitExceeded()
        return len(text)

    def value(self):
        return "".join(self.parts)


class _JsonContext:
    """What the C scanner reads from a json.JSONDecoder: plain Python types, strict strings."""

    strict = True
    object_hook = object_pairs_hook = None
    parse_float, parse_int, parse_constant = float, int, float


def _not_serialisable(value):
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def json_loads(text):
    if _json is None:
        import json

        return json.loads(text)
    value, _ = _json.make_scanner(_JsonContext())(text, 0)
    return value


def json_dumps(value):
    if _json is None:
        import json

        return json.dumps(value)
    encode = _json.make_encoder({}, _not_serialisable, _json.encode_basestring_ascii, None, ":", ",",
                                False, False, True)
    return "".join(encode(value, 0))


def peak_rss_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def error_info(exc):
    line = None
    tb = exc.__traceback__
    while tb is not None:  # cheap even for 10**5 recursive frames
        if tb.tb_frame.f_code.co_filename == SOLUTION_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, SyntaxError) and exc.filename == SOLUTION_FILE:
        line = exc.lineno
    return {"type": type(exc).__name__, "message": str(exc)[:2000], "line": line}


def snake_to_camel(name):
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def call_function(namespace, signature, test_input):
    func = namespace.get(signature["name"]) or namespace.get(snake_to_camel(signature["name"]))
    if func is None:
        raise NameError(f"function '{signature['name']}' is not defined")
    args = [to_native(test_input.get(p["name"]), p["type"]) for p in signature["params"]]
    result = func(*args)
    if result is None and signature.get("returns") in ("ListNode", "TreeNode"):
        return []  # an empty list or tree travels as [] in every language
    return to_json(result)


def call_class(namespace, signature, test_input):
    cls = namespace.get(signature["name"])
    if cls is None:
        raise NameError(f"class '{signature['name']}' is not defined")
    methods = {m["name"]: m for m in signature.get("methods", [])}
    ctor_types = [p["type"] for p in signature.get("params", [])]
    ctor_args = test_input.get("constructor") or []
    obj = cls(*[to_native(v, t) for v, t in zip(ctor_args, ctor_types + ["any"] * len(ctor_args))])
    results = []
    for op, args in zip(test_input["operations"], test_input["arguments"]):
        method = methods.get(op, {"params": []})
        types = [p["type"] for p in method["params"]] + ["any"] * len(args)
        bound = getattr(obj, op, None) or getattr(obj, snake_to_camel(op))
        results.append(to_json(bound(*[to_native(v, t) for v, t in zip(args, types)])))
    return results


def run_test(index, test, namespace, signature, cap, emit):
    emit({"t": "start", "i": index})
    out, err = CappedWriter(cap), CappedWriter(cap)
    sys.stdout, sys.stderr = out, err
    record = {"t": "done", "i": index}
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        if signature.get("kind") == "class":
            record["actual"] = call_class(namespace, signature, test["input"])
        else:
            record["actual"] = call_function(namespace, signature, test["input"])
    except OutputLimitExceeded:
        pass  # recorded through the writers' overflow flags
    except MemoryError:
        record["error"], record["mle"] = {"type": "MemoryError", "message": "out of memory"}, True
    except BaseException as exc:  # the candidate may raise anything, even SystemExit
        record["error"] = error_info(exc)
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    record["wall_ms"] = (time.perf_counter() - wall) * 1000
    record["cpu_ms"] = (time.process_time() - cpu) * 1000
    record["mem_kb"] = peak_rss_kb()
    record.update(stdout=out.value(), stderr=err.value(), ole=out.overflow or err.overflow)
    emit(record)


def wait_for_the_run():
    """Pre-started sandbox (sandbox_worker/warm.py): the interpreter is up before the run exists. Read the
    run's rlimits and lower this process's own limits to them (lowering needs no privilege; nothing can
    raise them again) before the spec or the candidate's code is even opened. EOF: the slot was discarded."""
    import resource

    os.write(int(sys.argv[2]), b'{"t": "waiting"}\n')  # up: the pool may now count this sandbox as ready
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(0, 4096)
        if not chunk:
            os._exit(0)
        line += chunk
    for limit, value in json_loads(line.decode())["rlimits"]:
        _, hard = resource.getrlimit(limit)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (value, value))
    os.write(int(sys.argv[2]), b'{"t": "warm"}\n')


def main():
    record_fd, spec_path, solution_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    records = os.fdopen(record_fd, "w", buffering=1, closefd=False)  # still open for the end record

    def emit(record):
        try:
            line = json_dumps(record)
        except (TypeError, ValueError, RecursionError) as exc:
            line = json_dumps({"t": "done", "i": record["i"], "error": {"type": "TypeError",
                               "message": f"result is not JSON-serialisable: {exc}"}})
        records.write(line + "\n")

    with open(spec_path) as f:
        spec = json_loads(f.read())
    with open(solution_path) as f:
        source = f.read()
    sys.setrecursionlimit(100_000)
    try:
        code = compile(source, SOLUTION_FILE, "exec")
    except (SyntaxError, ValueError) as exc:
        info = error_info(exc)
        emit({"t": "compile_error", "message": f"{info['type']}: {info['message']} (line {info['line']})"})
        return
    namespace = {"__name__": "solution", "ListNode": ListNode, "TreeNode": TreeNode}
    namespace.update(__builtins__=__builtins__)
    load = {"t": "load"}
    try:
        exec(code, namespace)
    except BaseException as exc:
        load["error"] = error_info(exc)
    emit(load)
    if "error" in load:
        return
    for index, test in enumerate(spec["tests"]):
        run_test(index, test, namespace, spec["signature"], spec["output_cap"], emit)


if __name__ == "__main__":
    if sys.argv[1] == "--warm":
        wait_for_the_run()
        del sys.argv[1]  # from here on exactly as a cold start
    main()
    # Every record is written (line-buffered): skip the interpreter's teardown, a few ms of freeing objects
    # and of joining any thread the candidate left running. What was printed outside the tests is kept.
    for stream in (sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except BaseException:
            pass
    os.write(int(sys.argv[1]), b'{"t": "end"}\n')  # the worker's verdict need not wait for this exit
    os._exit(0)
