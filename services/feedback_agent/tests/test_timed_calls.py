"""The timer appended to a Python candidate's code, run here in-process the way the harness calls it."""

from contracts.sandbox import FunctionSignature, Param, SandboxResult, TestResult, Verdict
from feedback_agent.timed_calls import (
    TIMER_NAME,
    CallBudget,
    call_times_ms,
    timer_signature,
    timer_source,
    timer_test,
)
from question_bank.inprocess import ListNode

SIGNATURE = FunctionSignature(name="count_items", params=[Param(name="items", type="int[]")], returns="int")
QUICK = CallBudget(budget_ms=2.0, min_calls=2, slice_ms=0.1)

CONSUMING = """
SEEN = []

def count_items(items):
    SEEN.append(len(items))
    count = 0
    while items:
        items.pop()  # consumes its input: the next call must still get the whole of it
        count += 1
    return count
"""


def run_timer(code: str, signature: FunctionSignature, inputs: dict[int, list[dict]], sizes: list[int]):
    """What the harness does: exec the source, decode the test's arguments, call the timer."""
    namespace = {"ListNode": ListNode}
    exec(timer_source(code, signature, QUICK), namespace)  # noqa: S102 - this file's own test code
    test = timer_test(inputs, sizes)
    arguments = [test.input[p.name] for p in timer_signature(signature).params]
    return namespace, namespace[TIMER_NAME](*arguments)


def test_every_call_gets_its_own_copy_of_every_size_and_variant():
    inputs = {n: [{"items": list(range(n + v))} for v in range(2)] for n in (4, 16)}
    namespace, timings = run_timer(CONSUMING, SIGNATURE, inputs, [4, 16])
    assert len(timings) == 2 and all(calls >= 2 and ms >= 0 for ms, calls in timings)
    assert set(namespace["SEEN"]) == {4, 5, 16, 17}  # both variants of both sizes, never a consumed list
    assert inputs[4][0]["items"] == [0, 1, 2, 3]


def test_nested_values_are_copied_deeply():
    code = """
SEEN = []

def reverse_list(head):
    length, previous = 0, None
    while head:
        head.next, previous, head = previous, head, head.next
        length += 1
    SEEN.append(length)
    return previous
"""
    signature = FunctionSignature(name="reverse_list", params=[Param(name="head", type="ListNode")], returns="ListNode")

    def linked(n):
        head = None
        for value in reversed(range(n)):
            head = ListNode(value, head)
        return head

    namespace, _ = run_timer(code, signature, {5: [{"head": linked(5)}]}, [5])
    assert set(namespace["SEEN"]) == {5} and len(namespace["SEEN"]) > 2  # reversed in place, yet whole each time


def test_the_candidate_may_name_its_function_in_camel_case():
    code = "def countItems(items):\n    return len(items)"
    _, timings = run_timer(code, SIGNATURE, {3: [{"items": [1, 2, 3]}]}, [3])
    assert len(timings) == 1


def test_each_parameter_becomes_a_list_of_lists_of_its_type():
    assert [p.type for p in timer_signature(SIGNATURE).params] == ["int[][][]"]  # sizes, variants, the values
    test = timer_test({2: [{"items": [1, 2]}, {"items": [3, 4]}], 4: [{"items": [1, 2, 3, 4]}]}, [4, 2])
    assert test.id == "n4,2" and test.input == {"items": [[[1, 2, 3, 4]], [[1, 2], [3, 4]]]}


def test_only_tests_that_ran_to_the_end_give_times():
    def result(test_id, verdict, actual):
        return TestResult(test_id=test_id, verdict=verdict, actual=actual)

    sandbox = SandboxResult(verdict=Verdict.WRONG_ANSWER, tests=[
        result("n8,16", Verdict.WRONG_ANSWER, [[0.01, 900], [0.02, 450]]),
        result("n32", Verdict.TIME_LIMIT_EXCEEDED, None),
        result("n64", Verdict.RUNTIME_ERROR, None),
    ])
    assert call_times_ms(sandbox) == {8: 0.01, 16: 0.02}
