"""Time a Python candidate's own function inside the sandbox, call by call.

The judge's per-test `cpu_ms` cannot resolve small differences: it includes the harness decoding the
input, and inside the sandbox the process CPU clock only advances at scheduler ticks (~4 ms), because
the RLIMIT_CPU backstop arms the kernel's process-wide CPU timer. So a small timer function is
appended to the candidate's code and called by the harness instead of the candidate's function. It

- times each call of the candidate's function with the thread's CPU clock (exact to ~1 µs, and
  blind to the time other processes hold the CPU); quick calls are timed in batches of ~50 µs, so
  that the clock's own ~1 µs cost does not weigh;
- gives every call a fresh copy of its input (the candidate may sort or consume it), made outside the
  timed region, cycling through a few inputs of each size so that no single input's luck decides;
  lists of numbers and strings are copied shallowly (their values are immutable), anything else deeply;
- pauses the garbage collector during each call, as `timeit` does: a collection's cost depends on
  everything else in the process (the other sizes' inputs), not on the candidate's algorithm;
- takes the sizes in turns, a short slice of calls each, until its CPU budget is spent: whatever else
  the machine does meanwhile (another test run, a neighbour on the same physical core, a clock-speed
  change) then falls on every size alike, instead of on the sizes that happened to run at that moment;
- reports per size a low percentile of the call times, net of the clock's own cost: noise from a
  shared machine only ever adds time, and the percentile (not the very fastest) ignores a rare
  misread of the clock.

A test's input holds, per parameter, that argument's values for every size and every input variant
(`[[size 1 variant 1, size 1 variant 2, …], [size 2 variant 1, …], …]`); the timer's signature
declares each parameter as a list of lists of the original type, so the harness still decodes ListNode
and TreeNode arguments.
"""

from dataclasses import dataclass

from contracts.sandbox import FunctionSignature, Param, SandboxResult, TestCase, Verdict

TIMER_NAME = "mockmind_time_calls_"

_TIMER_SOURCE = '''


def {timer}(*arguments):
    """Appended by MockMind's complexity probe: times calls of the function above (see timed_calls.py)."""
    import copy, gc, pickle, time

    target = globals().get({name!r}) or globals().get({camel!r})
    if target is None:
        raise NameError("function '{name}' is not defined")
    atoms = (int, float, str, bool, type(None))

    def flat(value):
        return type(value) is list and all(type(v) in atoms for v in value)

    def copier(value):
        """How to give a call its own copy: lists of plain values are copied shallowly (the values
        are immutable, and the same ones stay warm in the cache from call to call), anything else deeply."""
        if type(value) in atoms:
            return lambda v: v
        if flat(value):
            return list.copy
        if type(value) is list and all(flat(row) for row in value):
            return lambda rows: [row.copy() for row in rows]
        try:
            frozen = pickle.dumps(value)
            return lambda v: pickle.loads(frozen)
        except Exception:  # something pickle cannot handle
            return copy.deepcopy

    sizes = [[[(arg, copier(arg)) for arg in args] for args in zip(*per_size)] for per_size in zip(*arguments)]

    def fresh(s, i):
        return [copy_of(arg) for arg, copy_of in sizes[s][i % len(sizes[s])]]

    clock = time.thread_time
    clock_cost = min(-clock() + clock() for _ in range(32))

    def timed_batch(s, count, done):
        """CPU time of `count` consecutive calls on fresh copies; the first call of a size sizes its batches."""
        batch = [fresh(s, done + i) for i in range(count)]
        gc.disable()
        try:
            start = clock()
            for args in batch:
                target(*args)
            elapsed = clock() - start
        finally:
            gc.enable()
        return elapsed

    batch_sizes = []
    for s in range(len(sizes)):  # one untimed call each: warms up, and sizes the batches
        first = timed_batch(s, 1, 0)
        batch_sizes.append(max(1, min({max_batch}, int({batch_s} / max(first, 1e-7)))))
    samples = [[] for _ in sizes]
    spent, began = 0.0, clock()
    while (spent < {budget_s} or min(len(times) for times in samples) < {min_calls}) and clock() - began < {cap_s}:
        for s, times in enumerate(samples):
            slice_spent = 0.0
            while slice_spent < {slice_s} or not slice_spent:
                elapsed = timed_batch(s, batch_sizes[s], len(times))
                times.append((elapsed - clock_cost) / batch_sizes[s])
                slice_spent += elapsed
            spent += slice_spent
    low = [sorted(times)[len(times) // {percentile_divisor}] for times in samples]
    return [[max(t, 0.0) * 1000, len(times) * count] for t, times, count in zip(low, samples, batch_sizes)]
'''


@dataclass(frozen=True)
class CallBudget:
    """The timer calls every size in turn, `slice_ms` of calls each (at least one call), until
    `budget_ms` of CPU is spent in the calls and every size has had `min_calls` batches of them, or its
    CPU time including the input copies reaches COPYING_ALLOWANCE × the budget."""

    budget_ms: float
    min_calls: int = 1
    slice_ms: float = 0.5


LOW_PERCENTILE_DIVISOR = 20  # the 5th percentile
BATCH_MS = 0.05  # quick calls are timed in batches of this length, so the clock's ~1 µs cost does not weigh
MAX_BATCH = 1000
COPYING_ALLOWANCE = 4  # copying the inputs (untimed) may take this many times the budget before the timer stops


def timer_source(code: str, signature: FunctionSignature, budget: CallBudget) -> str:
    return code.rstrip() + "\n" + _TIMER_SOURCE.format(
        timer=TIMER_NAME, name=signature.name, camel=_snake_to_camel(signature.name),
        budget_s=budget.budget_ms / 1000, min_calls=budget.min_calls, slice_s=budget.slice_ms / 1000,
        percentile_divisor=LOW_PERCENTILE_DIVISOR, batch_s=BATCH_MS / 1000, max_batch=MAX_BATCH,
        cap_s=budget.budget_ms * COPYING_ALLOWANCE / 1000 + 0.1)


def timer_signature(signature: FunctionSignature) -> FunctionSignature:
    return FunctionSignature(name=TIMER_NAME, returns="any",
                             params=[Param(name=p.name, type=f"{p.type}[][]") for p in signature.params])


def timer_test(inputs: dict[int, list[dict]], sizes: list[int]) -> TestCase:
    """One test timing these sizes in turns; `inputs[n]` holds the variant inputs of size n."""
    names = inputs[sizes[0]][0].keys()
    return TestCase(id="n" + ",".join(map(str, sizes)),
                    input={name: [[variant[name] for variant in inputs[n]] for n in sizes] for name in names})


def call_times_ms(result: SandboxResult) -> dict[int, float]:
    """The low-percentile call time per size from the timer's tests; sizes whose test crashed or ran
    out of time are absent."""
    times = {}
    for test in result.tests:
        if test.verdict not in (Verdict.ACCEPTED, Verdict.WRONG_ANSWER):
            continue
        sizes = [int(n) for n in test.test_id[1:].split(",")]
        if isinstance(test.actual, list) and len(test.actual) == len(sizes):
            times.update((n, float(timing[0])) for n, timing in zip(sizes, test.actual) if _is_timing(timing))
    return times


def _is_timing(timing) -> bool:
    return (isinstance(timing, list) and len(timing) == 2
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in timing))


def _snake_to_camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
