"""`analyze_complexity`: measure how the candidate's running time grows with n, instead of guessing.

Python function problems (see `timed_calls.py` for the timer that runs inside the sandbox):
1. Probe: call the candidate's function once per size on a ladder of sizes ×2 apart (8 … 4096, from the
   problem's scaling generator), to find the sizes it finishes quickly enough to time over and over.
2. Measure: in three sandbox processes, time those sizes in turns, call by call, with the thread's CPU
   clock, and keep a low percentile of the call times per size. The sizes stay small on purpose: past
   a few thousand elements a Python object graph outgrows the core's private caches, and the cache
   misses alone make a linear scan look a log factor slower (a set of ints: ×1.4 per element from
   n = 512 to 8,192 in our measurements), which is as much as the log factor being looked for.
3. Fit: the least-squares slope of log(time) against log(n), named after the class whose slope over the
   same sizes it reaches, conservatively (see `nearest_class`).

Other languages and design problems, where the harness's own per-test times are all there is:
1. Probe as above, but from far below to beyond the problem's sizes (the code is fast, the clock coarse).
2. Measure those sizes in several rounds, the candidate, the problem's reference solution and its
   starter code taking turns so that a busy spell slows all three alike, and keep the fastest CPU time
   per size. The judge's per-test time includes decoding the input, so the starter code (which does
   nothing) gives that overhead, subtracted from the other two.
3. Fit as above, except that where the reference was measured too, the slope of candidate/reference
   time is the candidate's excess over the expected class (memory effects that slow both cancel out),
   and a slower class needs stronger evidence.

Expected outputs are not needed: a timing test's verdict is ignored, only its time is used.
The sandbox is reached through `run`, an async callable, so this module knows nothing of the bus.
"""

import asyncio
import itertools
import logging
import math
import random
import re
import statistics
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from contracts.events import ComplexityMeasurement, SizeTiming
from contracts.sandbox import Language, Limits, SandboxRequest, SandboxResult, TestCase, Verdict
from question_bank.bank import QuestionBank

from .timed_calls import CallBudget, call_times_ms, timer_signature, timer_source, timer_test

RunInSandbox = Callable[[SandboxRequest], Awaitable[SandboxResult]]
log = logging.getLogger("feedback-agent")

# Python functions (timed call by call inside the sandbox, see timed_calls.py)
CACHE_RESIDENT_N = 4096  # larger inputs outgrow the core's private cache, and its misses look like a log factor
SMALLEST_TIMED_N = 8
INPUT_VARIANTS = 4  # inputs per size, cycled through by the calls
PROBE_CALLS = CallBudget(budget_ms=0.0, min_calls=1, slice_ms=0.0)  # one call per size
MEASURE_CALLS = CallBudget(budget_ms=250.0, min_calls=3)
TIMED_PROBE_CPU_S = 0.25  # a probe call slower than this is far beyond MAX_CALL_MS anyway
TIMED_ROUNDS = 3
MIN_CALL_MS = 0.001  # below ~1 µs a call is mostly the call itself: the largest size must take longer
MAX_CALL_MS = 25.0  # slower sizes are not timed again (keeps one analysis to a few seconds)

# Other languages and design problems (the harness's per-test times)
PROBE_CPU_S = 1.0  # CPU limit per test while probing
MAX_MEASURED_MS = 600.0  # sizes slower than this in the probe are not repeated (keeps one analysis bounded)
MEASURE_CPU_S = 2.0
MIN_MEASURABLE_MS = 1.0  # below this, timer and scheduling noise swamp the signal
MAX_SIZES = 6  # the largest measurable sizes are used: their timings are the least noisy
MIN_SIZES = 3
MIN_SPAN = 4  # the largest measured n must be at least this multiple of the smallest
ROUNDS = 5
COMPILED_ROUNDS = 3  # every sandbox request compiles the code again
SMALLEST_LADDER_FRACTION = 64  # the ladder reaches down to (smallest scaling size / 64) for slow code
LARGEST_LADDER_MULTIPLE = 4  # and up to 4 × the largest, so fast code still spans a wide range of n


@dataclass(frozen=True)
class ComplexityClass:
    label: str
    growth: Callable[[float], float]


CLASSES = [
    ComplexityClass("O(1)", lambda n: 1.0),
    ComplexityClass("O(log n)", lambda n: math.log(n)),
    ComplexityClass("O(n)", lambda n: n),
    ComplexityClass("O(n log n)", lambda n: n * math.log(n)),
    ComplexityClass("O(n²)", lambda n: n * n),
    ComplexityClass("O(n³)", lambda n: n ** 3),
]
FASTER_THAN_POLYNOMIAL = "worse than O(n³)"


# ---- fitting (pure) ---------------------------------------------------------------------------


def log_log_slope(points: list[SizeTiming]) -> float:
    xs = [math.log(p.n) for p in points]
    ys = [math.log(p.time_ms) for p in points]
    return _slope(xs, ys)


def _slope(xs: list[float], ys: list[float]) -> float:
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread


def class_slope(label: str, sizes: list[int]) -> float:
    """The log-log slope this class shows over exactly these sizes (n log n: a bit above 1)."""
    growth = next(c.growth for c in CLASSES if c.label == label)
    return _slope([math.log(n) for n in sizes], [math.log(growth(n)) for n in sizes])


@dataclass(frozen=True)
class Strictness:
    """How much evidence naming a slower class takes. The exponent must pass `share` of the way from one
    class's slope to the next's, and lift the slope by at least `floor`. Cache misses and a busy
    machine only ever make large inputs slower, so the boundary leans towards the faster class."""

    share: float
    floor: float = 0.0
    hedge: float = 0.7  # from this fraction of the boundary on, the report says the slower class is possible


# Timed calls: on 2 cores, with another test run beside, linear solutions reached at most 0.14 of the way
# from O(n)'s slope to O(n log n)'s over 8…4096, and n log n ones at least 0.65 (a recursive merge sort,
# whose calls and slices add a large linear term; a binary search per element: 0.85). The boundary sits
# between, below halfway: at small n a call's fixed cost flattens every slope a little.
TIMED_CALLS = Strictness(share=0.4)
# Harness times at large n: memory effects lift every slope, so an extra log n (~0.1 over two decades)
# must lift it by at least 0.15, and past 60 % of the way to the next class.
HARNESS_TIMES = Strictness(share=0.6, floor=0.15, hedge=1 / 3)


def nearest_class(exponent: float, sizes: list[int], strictness: Strictness = TIMED_CALLS) -> str:
    """The slowest class whose boundary the exponent reaches (see `Strictness`)."""
    slopes = [(c.label, class_slope(c.label, sizes)) for c in CLASSES]
    if exponent > slopes[-1][1] + 0.5:
        return FASTER_THAN_POLYNOMIAL
    chosen = slopes[0][0]
    for (_, lower), (label, upper) in itertools.pairwise(slopes):
        if exponent >= lower + max(strictness.floor, strictness.share * (upper - lower)):
            chosen = label
    return chosen


def effective_exponent(candidate: list[SizeTiming], reference: list[SizeTiming], expected_class: str | None) -> float:
    """The candidate's growth exponent, judged against the reference solution when it can be.

    On a busy machine memory effects make every solution look a little super-linear at large n, which
    blurs n from n log n. The reference (of known class) suffers the same effects at the same sizes, so
    the slope of candidate/reference time is the candidate's excess over the expected class: ~0 for the
    same class, ~0.1 for an extra log n over two decades, ~1 for an extra n."""
    shared = sorted({p.n for p in candidate} & {p.n for p in reference})
    if expected_class is None or len(shared) < MIN_SIZES or shared[-1] < MIN_SPAN * shared[0]:
        return log_log_slope(candidate)
    cand = {p.n: p.time_ms for p in candidate}
    ref = {p.n: p.time_ms for p in reference}
    excess = _slope([math.log(n) for n in shared], [math.log(cand[n] / ref[n]) for n in shared])
    return class_slope(expected_class, shared) + excess


def classify(points: list[SizeTiming], expected: str, *, strictness: Strictness = TIMED_CALLS,
             candidate_gross: list[SizeTiming] = (), reference_gross: list[SizeTiming] = ()) -> ComplexityMeasurement:
    """Fit measured points (net of harness overhead); the caller guarantees enough of them.

    The candidate/reference comparison uses gross times (overhead included in both): subtracting a
    noisy overhead from the reference's small times made the ratio swing in our measurements."""
    expected_class = parse_expected(expected)
    sizes = [p.n for p in points]
    exponent = effective_exponent(list(candidate_gross) or points, list(reference_gross), expected_class)
    measured = nearest_class(exponent, sizes, strictness)
    raw_factor = 2 ** log_log_slope(points)  # what the stopwatch saw, before comparing with the reference
    evidence = f"time ×{raw_factor:.1f} when n ×2 (n = {sizes[0]:,}…{sizes[-1]:,})"
    if len(reference_gross) >= MIN_SIZES:
        evidence += f"; the reference {expected} solution: ×{2 ** log_log_slope(list(reference_gross)):.1f} on the same inputs"
    return ComplexityMeasurement(
        measured=measured,
        expected=expected,
        exponent=round(exponent, 3),
        doubling_factor=round(raw_factor, 2),
        matches_expected=None if expected_class is None else _at_most(measured, expected_class),
        points=points,
        summary=f"about {measured}{_hedge(measured, exponent, sizes, strictness)}: {evidence}",
    )


def _hedge(measured: str, exponent: float, sizes: list[int], strictness: Strictness) -> str:
    """Say so when a log factor may hide in the noise: the exponent is well on its way to the class
    with an extra log n, without reaching the boundary."""
    with_log = {"O(1)": "O(log n)", "O(n)": "O(n log n)"}.get(measured)
    if not with_log:
        return ""
    lower, upper = class_slope(measured, sizes), class_slope(with_log, sizes)
    if exponent >= lower + strictness.hedge * max(strictness.floor, strictness.share * (upper - lower)):
        return f" (perhaps {with_log}: a log factor is within this measurement's noise)"
    return ""


def _at_most(measured: str, expected: str) -> bool:
    order = [c.label for c in CLASSES] + [FASTER_THAN_POLYNOMIAL]
    return order.index(measured) <= order.index(expected)


_EXPECTED_PATTERNS = [  # checked in order: the first match names the dominant term
    (re.compile(r"\^n|\d\s*\^\s*n|φ\^n|1\.6\d*\^n", re.IGNORECASE), None),
    (re.compile(r"n\s*(\^\s*3|³)"), "O(n³)"),
    (re.compile(r"n\s*(\^\s*2|²)|n\s*[*·]\s*n"), "O(n²)"),
    (re.compile(r"n\s*[*·]?\s*log"), "O(n log n)"),
    (re.compile(r"O\(\s*1\s*\)"), "O(1)"),
    (re.compile(r"O\(\s*log"), "O(log n)"),
    (re.compile(r"O\(\s*(n|\|?\w+\|?)\s*(\+\s*[\w|() ]+)?\)"), "O(n)"),
]


def parse_expected(text: str) -> str | None:
    """Map the bank's free-text complexity ("O(n + m)", "O(n log k)", "O(n²)") to a class, if clear."""
    head = text.split(",")[0].split(" with ")[0]  # "O(n·k) with counting keys (…)" → "O(n·k)"
    if re.search(r"[·*]\s*[a-mo-z]\b|\b[a-mo-z]\s*[·*]", head) and "log" not in head:
        return None  # a product with another variable (n·k): not a function of n alone
    for pattern, label in _EXPECTED_PATTERNS:
        if pattern.search(head):
            return label
    return None


# ---- measuring (talks to the sandbox through `run`) ---------------------------------------------


@dataclass
class ComplexityProbe:
    bank: QuestionBank
    run: RunInSandbox

    async def analyze(self, question_id: str, code: str, language: Language) -> ComplexityMeasurement:
        question = self.bank.question(question_id)
        if not question.scaling:
            return _unknown(question.complexity.time, "this problem has no scaling inputs to measure with")
        if language is Language.PYTHON and question.signature.kind == "function":
            return await self._analyze_timed_calls(question_id, code)
        return await self._analyze_harness_times(question_id, code, language)

    # -- Python functions: the candidate's own CPU time per call, inputs small enough to stay in cache --

    async def _analyze_timed_calls(self, question_id: str, code: str) -> ComplexityMeasurement:
        question = self.bank.question(question_id)
        expected = question.complexity.time
        inputs = await asyncio.to_thread(self._variant_inputs, question_id, timed_call_ladder(question.scaling.sizes))
        ladder = sorted(inputs)
        if not ladder:
            return _unknown(expected, "the problem's scaling generator made no inputs small enough to time")
        probe = await self._timed_calls(question_id, code, inputs, [[n] for n in ladder], PROBE_CALLS,
                                        TIMED_PROBE_CPU_S)
        if probe is None:
            return _unknown(expected, "the code does not compile, so it cannot be timed")
        if not probe:
            return _unknown(expected, f"it did not finish even at n = {ladder[0]:,} (or it failed there)")
        sizes = timed_call_sizes(ladder, probe)
        if sizes is None:
            return self._unmeasurable(expected, probe)
        fastest: dict[int, float] = {}
        for r in range(TIMED_ROUNDS):  # separate processes: each lays out its memory differently
            ordered = sizes if r % 2 == 0 else list(reversed(sizes))
            timing = await self._timed_calls(question_id, code, inputs, [ordered], MEASURE_CALLS, MEASURE_CPU_S)
            for n, ms in (timing or {}).items():
                fastest[n] = min(ms, fastest.get(n, ms))
        points = [SizeTiming(n=n, time_ms=round(fastest[n], 5)) for n in sizes if n in fastest]
        if len(points) < MIN_SIZES or points[-1].n < MIN_SPAN * points[0].n:
            return _unknown(expected, "too few sizes finished when timed again to fit a growth rate")
        return classify(points, expected)

    def _unmeasurable(self, expected: str, probe: dict[int, float]) -> ComplexityMeasurement:
        largest = max(probe)
        if probe[largest] < MIN_CALL_MS:
            return _unknown(expected, f"too fast to measure: {probe[largest] * 1000:.1f} µs at n = {largest:,}, "
                                      f"consistent with {expected} or better")
        finished = sorted(probe)
        return _unknown(expected, f"n = {finished[0]:,}…{finished[-1]:,} finish in time, too narrow a range to fit")

    def _variant_inputs(self, question_id: str, ladder: list[int]) -> dict[int, list[dict]]:
        """INPUT_VARIANTS inputs per size; a size the problem's generator cannot make (too small) is left out."""
        problem = self.bank.problem(question_id)
        generate = getattr(problem.generators, problem.question.scaling.generator)
        inputs = {}
        for n in ladder:
            try:
                inputs[n] = [generate(random.Random(n * INPUT_VARIANTS + v), n) for v in range(INPUT_VARIANTS)]
            except Exception as exc:  # noqa: BLE001 - e.g. a generator that needs n ≥ 10 to place its pattern
                log.info("%s: the scaling generator cannot make n = %d (%s); that size is not timed", question_id, n, exc)
        return inputs

    async def _timed_calls(self, question_id: str, code: str, inputs: dict[int, list[dict]],
                           groups: list[list[int]], budget: CallBudget, cpu_s: float) -> dict[int, float] | None:
        """Call time per size, each group of sizes timed in turns by one test; None if the code does not compile."""
        signature = self.bank.question(question_id).signature
        limits = Limits(cpu_time_s=cpu_s, wall_time_s=max(2 * cpu_s, 3.0), memory_mb=512)
        result = await self.run(SandboxRequest(
            language=Language.PYTHON, source=timer_source(code, signature, budget),
            signature=timer_signature(signature), tests=[timer_test(inputs, group) for group in groups],
            limits=limits))
        if result.verdict is Verdict.COMPILATION_ERROR:
            return None
        return call_times_ms(result)

    # -- other languages and design problems: the harness's per-test times at large n --------------

    async def _analyze_harness_times(self, question_id: str, code: str, language: Language) -> ComplexityMeasurement:
        question = self.bank.question(question_id)
        expected = question.complexity.time
        ladder = size_ladder(question.scaling.sizes)
        inputs = await asyncio.to_thread(self._inputs, question_id, ladder)
        probe = await self._time(question_id, code, language, inputs, ladder, rounds=1, cpu_s=PROBE_CPU_S)
        if probe.compile_error:
            return _unknown(expected, "the code does not compile, so it cannot be timed")
        finished = [n for n in ladder if probe.fastest.get(n, math.inf) <= MAX_MEASURED_MS]
        if not finished:
            return _unknown(expected, f"even n = {ladder[0]:,} took over {MAX_MEASURED_MS:.0f} ms of CPU")
        sizes = _measurable_sizes(finished, probe.fastest)
        if sizes is None:
            largest = finished[-1]
            if probe.fastest[largest] >= MIN_MEASURABLE_MS:
                return _unknown(expected, f"n = {finished[0]:,}…{largest:,} finish in time, too narrow a range to fit")
            return _unknown(expected, f"too fast to measure: {probe.fastest[largest]:.1f} ms at n = {largest:,}, "
                                      f"consistent with {expected} or better")
        sources = {"candidate": code, "reference": self.bank.reference_source(question_id, language),
                   "starter": question.starter_code[language]}
        timings = await self._interleaved(question_id, sources, language, inputs, sizes)
        overhead = timings["starter"].fastest  # empty when the starter code does not compile: nothing subtracted
        candidate_points = _net_points(sizes, timings["candidate"].fastest, overhead)
        if len(candidate_points) < MIN_SIZES or candidate_points[-1].n < MIN_SPAN * candidate_points[0].n:
            return _unknown(expected, "the timings were too close to the measurement noise to fit a growth rate")
        return classify(candidate_points, expected, strictness=HARNESS_TIMES, candidate_gross=candidate_points,
                        reference_gross=_net_points(sizes, timings["reference"].fastest, overhead))

    async def _interleaved(self, question_id: str, sources: dict[str, str], language: Language,
                           inputs: dict[int, dict], sizes: list[int]) -> dict[str, "Timings"]:
        """Candidate, reference and starter take turns, one round each, so a busy spell on the machine
        slows all three alike instead of one of them; the fastest time per size over the rounds is kept."""
        rounds = ROUNDS if language is Language.PYTHON else COMPILED_ROUNDS  # each request compiles again
        merged: dict[str, dict[int, float]] = {name: {} for name in sources}
        compile_error = {name: False for name in sources}
        for r in range(rounds):
            ordered = sizes if r % 2 == 0 else list(reversed(sizes))
            for name, source in sources.items():
                timing = await self._time(question_id, source, language, inputs, ordered, rounds=1, cpu_s=MEASURE_CPU_S)
                compile_error[name] |= timing.compile_error
                for n, ms in timing.fastest.items():
                    merged[name][n] = min(ms, merged[name].get(n, ms))
        return {name: Timings(merged[name], compile_error[name]) for name in sources}

    def _inputs(self, question_id: str, ladder: list[int]) -> dict[int, dict]:
        problem = self.bank.problem(question_id)
        generate = getattr(problem.generators, problem.question.scaling.generator)
        return {n: generate(random.Random(n), n) for n in ladder}

    async def _time(self, question_id: str, code: str, language: Language, inputs: dict[int, dict],
                    sizes: list[int], *, rounds: int, cpu_s: float) -> "Timings":
        tests = []
        for r in range(rounds):
            tests += [TestCase(id=f"n{n}_r{r}", input=inputs[n], expected=None) for n in sizes]
        limits = Limits(cpu_time_s=cpu_s, wall_time_s=max(2 * cpu_s, 3.0), memory_mb=512)
        signature = self.bank.question(question_id).signature
        result = await self.run(SandboxRequest(language=language, source=code, signature=signature,
                                               tests=tests, limits=limits))
        return Timings.from_result(result)


@dataclass
class Timings:
    """The fastest of the rounds per size: on a shared machine noise only ever adds time, so the
    minimum is the steadiest estimate (medians moved by ±30 % under load in our measurements)."""

    fastest: dict[int, float]
    compile_error: bool

    @classmethod
    def from_result(cls, result: SandboxResult) -> "Timings":
        if result.verdict is Verdict.COMPILATION_ERROR:
            return cls({}, compile_error=True)
        samples: dict[int, list[float]] = {}
        for test in result.tests:
            # A wrong answer still ran to completion: its time counts. Crashes and time-outs do not.
            if test.verdict in (Verdict.ACCEPTED, Verdict.WRONG_ANSWER):
                n = int(test.test_id[1:].split("_")[0])
                samples.setdefault(n, []).append(test.time_ms)
        return cls({n: min(times) for n, times in samples.items()}, compile_error=False)


def timed_call_ladder(scaling_sizes: list[int]) -> list[int]:
    """Powers of two from 8 up to 4096 (or 4 × the problem's largest size, if smaller), ascending."""
    if max(scaling_sizes) < 64:  # tiny, exponential-time problems: use the author's sizes as they are
        return sorted(set(scaling_sizes))
    ceiling = min(CACHE_RESIDENT_N, LARGEST_LADDER_MULTIPLE * max(scaling_sizes))
    return [2 ** k for k in range(SMALLEST_TIMED_N.bit_length() - 1, ceiling.bit_length()) if 2 ** k <= ceiling]


def timed_call_sizes(ladder: list[int], probe_ms: dict[int, float]) -> list[int] | None:
    """Every size whose probe call finished within MAX_CALL_MS, from the bottom of the ladder, if they span
    enough and the largest call takes at least MIN_CALL_MS (else the code is too fast to tell anything).

    The small sizes stay in even where a call takes well under MIN_CALL_MS: `TIMED_CALLS` is calibrated on
    fits from n = 8, where a call's fixed cost flattens the slope about as much as cache misses at the top
    steepen it. A lower cut-off made the range depend on how fast one noisy probe call was: on a quick,
    idle machine n = 8 and 16 fell under 1 µs, the fit began at 32, and a linear scan read ×2.1–2.2 per
    doubling (n log n) where it reads ×2.0 from 8."""
    measurable = [n for n in ladder if probe_ms.get(n, math.inf) <= MAX_CALL_MS]
    if len(measurable) < MIN_SIZES or measurable[-1] < MIN_SPAN * measurable[0]:
        return None
    if probe_ms[measurable[-1]] < MIN_CALL_MS:
        return None
    return measurable


def size_ladder(scaling_sizes: list[int]) -> list[int]:
    """Sizes ×2 apart from 4 × the problem's largest scaling size down to 1/64 of its smallest, ascending."""
    if not scaling_sizes:
        return []
    largest, smallest = max(scaling_sizes), min(scaling_sizes)
    if largest < 64:  # tiny, exponential-time problems: use the author's sizes as they are
        return sorted(set(scaling_sizes))
    floor = max(8, smallest // SMALLEST_LADDER_FRACTION)
    ladder, n = [], largest * LARGEST_LADDER_MULTIPLE
    while n >= floor:
        ladder.append(n)
        n //= 2
    return sorted(ladder)


def _measurable_sizes(finished: list[int], probe_ms: dict[int, float]) -> list[int] | None:
    measurable = [n for n in finished if probe_ms[n] >= MIN_MEASURABLE_MS]
    measurable = measurable[-MAX_SIZES:]
    if len(measurable) < MIN_SIZES or measurable[-1] < MIN_SPAN * measurable[0]:
        return None
    return measurable


def _net_points(sizes: list[int], measured: dict[int, float], baseline: dict[int, float]) -> list[SizeTiming]:
    points = []
    for n in sizes:
        if n not in measured:
            continue
        net = measured[n] - baseline.get(n, 0.0)
        if net >= MIN_MEASURABLE_MS:
            points.append(SizeTiming(n=n, time_ms=round(net, 3)))
    return points


def _unknown(expected: str, why: str) -> ComplexityMeasurement:
    return ComplexityMeasurement(measured="unknown", expected=expected, summary=f"not measured: {why}; "
                                 f"expected {expected}")
